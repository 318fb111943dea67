/** A day of the archive as feeds see it: its date and its papers in digest order. */
export interface FeedDay<Item> {
  date: string;
  items: Item[];
}

/**
 * The papers a feed carries: whole days, newest first, up to `limit` items. A
 * day is never cut in half; the newest day is included whole even when it alone
 * exceeds the limit, so a feed is never a fragment of a day.
 */
export function selectFeedDays<Item>(days: readonly FeedDay<Item>[], limit: number): FeedDay<Item>[] {
  const newestFirst = [...days].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const chosen: FeedDay<Item>[] = [];
  let count = 0;
  for (const day of newestFirst) {
    if (day.items.length === 0) continue;
    if (chosen.length > 0 && count + day.items.length > limit) break;
    chosen.push(day);
    count += day.items.length;
  }
  return chosen;
}
