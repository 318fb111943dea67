import type { Appearance } from "../model/types.ts";

/**
 * A paper's first and latest day in the archive, from its appearances: the
 * one place that decides them (feeds, search order, search parts, pages).
 */
const sortedDates = (paper: { appearances: readonly Appearance[] }) => paper.appearances.map((appearance) => appearance.date).sort();

/** The day the paper first appeared: its search part, its feed entry's publication date. */
export const firstDate = (paper: { appearances: readonly Appearance[] }): string => sortedDates(paper)[0]!;

/** The latest day the paper appeared: what search shows and orders by. */
export const latestDate = (paper: { appearances: readonly Appearance[] }): string => sortedDates(paper).at(-1)!;
