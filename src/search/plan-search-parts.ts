/** One paper as the search index sees it: its page and the day that dates it. */
export interface SearchablePaper {
  url: string;
  /** The day that places the paper in a part, YYYY-MM-DD: its first digest date, which never changes. */
  date: string;
}

/** A Pagefind bundle holding the papers of a run of consecutive days. */
export interface SearchPart {
  /** Folder under the site root, ending in "/": "pagefind/" for the newest part. */
  folder: string;
  /** First and last day in the part. */
  first: string;
  last: string;
  /** Paper URLs in the part, sorted. */
  urls: string[];
}

/**
 * Papers per search index part (see planSearchParts). Every part costs a first
 * search one more index chunk and its share of the metadata, and Pagefind holds
 * about 125 KB per paper of a part while indexing it.
 */
export const DEFAULT_SEARCH_PART_SIZE = 20000;

export const PRIMARY_SEARCH_FOLDER = "pagefind/";
export const OLDER_SEARCH_FOLDER = "pagefind-parts/";

/**
 * Splits the search index into parts of whole days, filled from the oldest day,
 * each closed before it would pass `maxPapers` (a single day larger than that
 * is a part of its own). Appending newer days only ever changes the newest
 * part, so a rebuild re-indexes one part; each Pagefind run holds at most one
 * part in memory. The newest part is the primary bundle at `pagefind/`, whose
 * library and WASM the browser loads; older parts sit under
 * `pagefind-parts/<first day>/` and are merged into it. Returned newest first.
 */
export function planSearchParts(papers: readonly SearchablePaper[], maxPapers: number): SearchPart[] {
  if (!Number.isInteger(maxPapers) || maxPapers < 1) throw new RangeError(`maxPapers must be a positive integer, not ${maxPapers}`);
  const byDay = new Map<string, string[]>();
  for (const paper of papers) {
    const urls = byDay.get(paper.date) ?? [];
    urls.push(paper.url);
    byDay.set(paper.date, urls);
  }
  const runs: { first: string; last: string; urls: string[] }[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const urls = byDay.get(day)!;
    const current = runs[runs.length - 1];
    if (current && current.urls.length + urls.length <= maxPapers) {
      current.last = day;
      current.urls.push(...urls);
    } else runs.push({ first: day, last: day, urls: [...urls] });
  }
  return runs.reverse().map((run, index) => ({
    folder: index === 0 ? PRIMARY_SEARCH_FOLDER : `${OLDER_SEARCH_FOLDER}${run.first}/`,
    first: run.first,
    last: run.last,
    urls: run.urls.sort(),
  }));
}
