import type { Paper } from "../model/types.ts";

/** Each day's papers in digest order, and where each paper stands in each of its days. */
export interface DayOrder {
  /** Oldest day first; each day's papers in digest order. */
  days: ReadonlyMap<string, readonly Paper[]>;
  /** A paper's 0-based place on a day (-1 when it is not on it), without searching the day's list. */
  indexOn(paper: Paper, date: string): number;
}

/** Groups the papers by the days they appeared on: once per build, for the day pages and every paper page. */
export function dayOrder(papers: readonly Paper[]): DayOrder {
  const byDay = new Map<string, { position: number; paper: Paper }[]>();
  for (const paper of papers) {
    for (const appearance of paper.appearances) {
      const list = byDay.get(appearance.date);
      if (list) list.push({ position: appearance.position, paper });
      else byDay.set(appearance.date, [{ position: appearance.position, paper }]);
    }
  }
  const days = new Map<string, Paper[]>();
  // By the paper's slug within each day: a key made of date and slug cost a string a lookup.
  const index = new Map<string, Map<string, number>>();
  for (const date of [...byDay.keys()].sort()) {
    const list = byDay.get(date)!.sort((a, b) => a.position - b.position);
    days.set(
      date,
      list.map((entry) => entry.paper),
    );
    index.set(date, new Map(list.map(({ paper }, at) => [paper.slug, at])));
  }
  return { days, indexOn: (paper, date) => index.get(date)?.get(paper.slug) ?? -1 };
}
