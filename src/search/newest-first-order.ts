/**
 * The file the search page fetches when a reader asks for newest first, and
 * only then: Pagefind's own date sort would put a permutation of every page
 * into the metadata every first search downloads (about 2 bytes a paper).
 *
 * `days` lists each day, newest first, with the ids of the papers it dates
 * (Pagefind's result ids, space separated). A search result's rank is its
 * day's position; ties keep Pagefind's relevance order. Ids are short hashes
 * unique within one Pagefind bundle, not across bundles: an id that two parts
 * give to different papers is listed under `byUrl`, resolved by the result's
 * URL once its fragment is loaded.
 */
export interface NewestFirstOrder {
  days: [date: string, ids: string][];
  byUrl: Record<string, Record<string, string>>;
}

/** A paper as a Pagefind bundle records it: its result id and its URL. */
export interface IndexedPage {
  id: string;
  url: string;
}

export function newestFirstOrder(
  bundles: readonly (readonly IndexedPage[])[],
  dateOfUrl: (url: string) => string | undefined,
): NewestFirstOrder {
  const datesById = new Map<string, Map<string, string>>();
  for (const pages of bundles) {
    for (const { id, url } of pages) {
      const date = dateOfUrl(url);
      if (date === undefined) throw new Error(`the search index has a page the archive does not: ${url}`);
      const urls = datesById.get(id) ?? new Map<string, string>();
      urls.set(url, date);
      datesById.set(id, urls);
    }
  }
  const idsByDate = new Map<string, string[]>();
  const byUrl: Record<string, Record<string, string>> = {};
  for (const id of [...datesById.keys()].sort()) {
    const urls = datesById.get(id)!;
    const dates = new Set(urls.values());
    if (dates.size === 1) {
      const [date] = dates;
      const ids = idsByDate.get(date!) ?? [];
      ids.push(id);
      idsByDate.set(date!, ids);
    } else {
      byUrl[id] = Object.fromEntries([...urls].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
  }
  const days = [...idsByDate.keys()]
    .sort()
    .reverse()
    .map((date): [string, string] => [date, idsByDate.get(date)!.join(" ")]);
  return { days, byUrl };
}
