import type { Appearance } from "../model/types.ts";

/**
 * A paper's first and latest day in the archive, from its appearances: the
 * one place that decides them (feeds, search order, search parts, pages).
 */
function extremeDate(paper: { appearances: readonly Appearance[] }, later: boolean): string {
  // A scan, not a sort of a copy: related lists ask for the first dates of a hundred thousand papers a build.
  let found = paper.appearances[0]!.date;
  for (const { date } of paper.appearances) if (later ? date > found : date < found) found = date;
  return found;
}

/** The day the paper first appeared: its search part, its feed entry's publication date. */
export const firstDate = (paper: { appearances: readonly Appearance[] }): string => extremeDate(paper, false);

/** The latest day the paper appeared: what search shows and orders by. */
export const latestDate = (paper: { appearances: readonly Appearance[] }): string => extremeDate(paper, true);
