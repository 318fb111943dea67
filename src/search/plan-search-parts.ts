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
 * Papers per search index part (see planSearchParts): parts are whole days,
 * filled from the oldest day up to this many papers, so the newest part, the
 * one a new day re-indexes, holds at most this many. Measured on 29,997 real
 * papers (`npm run bench:search -- --search-part-size N`, query in 37% of
 * abstracts): parts of 2000 / 3000 / 5000 / 10000 papers made a first search
 * fetch 748 / 665 / 471 / 396 KB (Pagefind's metadata alone is about 205 KB,
 * 7 bytes a paper, whatever the parts; each part adds an index chunk of
 * 25 to 45 KB), with Pagefind peaking at 240 / 351 / 566 / 1121 MB. 5000
 * keeps the daily re-index small and Pagefind well under 2 GB.
 */
export const DEFAULT_SEARCH_PART_SIZE = 5000;

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
