/** A day of the archive as feeds see it: its date and its papers in digest order. */
export interface FeedDay<Item> {
  date: string;
  items: Item[];
}

export interface FeedWindow<Item> {
  days: FeedDay<Item>[];
  /** Set when the newest day alone is larger than the limit and only its first `limit` papers are carried. */
  cut?: { date: string; carried: number; total: number };
}

/**
 * The papers a feed carries: whole days, newest first, up to `limit` items. A
 * day is never cut in half, except the newest one when it alone exceeds the
 * limit: then its first `limit` papers are carried and `cut` says so, because
 * a feed of one huge day (tens of thousands of papers) would be larger than a
 * host accepts and than any reader can use.
 */
export function selectFeedDays<Item>(days: readonly FeedDay<Item>[], limit: number): FeedWindow<Item> {
  const newestFirst = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const chosen: FeedDay<Item>[] = [];
  let count = 0;
  for (const day of newestFirst) {
    if (day.items.length === 0) continue;
    if (chosen.length === 0 && day.items.length > limit) {
      return {
        days: [{ date: day.date, items: day.items.slice(0, limit) }],
        cut: { date: day.date, carried: limit, total: day.items.length },
      };
    }
    if (chosen.length > 0 && count + day.items.length > limit) break;
    chosen.push(day);
    count += day.items.length;
  }
  return { days: chosen };
}
