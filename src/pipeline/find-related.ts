import type { IdentifiedPaper } from "../model/types.ts";
import { updateRelated, type RelatablePaper, type RelatedResult } from "../related/related.ts";
import { runInWorker } from "./in-worker.ts";
import { openRelatedCache, saveRelatedCache } from "./related-cache.ts";

/** How many similar papers each paper page lists. */
export const RELATED_COUNT = 5;

/** Below this many papers related-paper search takes about a second: a worker's start-up is not worth it. */
export const MIN_PAPERS_FOR_WORKER = 4000;

export interface FoundRelated {
  related: Map<string, string[]>;
  /** How the lists were found, for the build log. */
  description: string;
}

export interface FindRelatedOptions {
  /** The work folder whose kept state a rebuild adds papers to (see related-cache.ts); none: search everything, keep nothing. */
  workDir?: string;
  /** From this many papers on, search on a worker thread. */
  minPapersForWorker?: number;
}

/**
 * Related papers for every paper, by slug (they favour papers sharing a
 * topic, so papers come classified). For a large archive on a machine with a
 * core to spare this runs on a worker thread, so the search overlaps making
 * each paper's text and the listing data on this thread; the kept state is
 * read and written there too, and never crosses to this thread.
 */
export function findRelated(
  papers: readonly (IdentifiedPaper & { topics: readonly string[] })[],
  jobs: number,
  options: FindRelatedOptions = {},
): Promise<FoundRelated> {
  const relatable: RelatablePaper[] = papers.map((paper) => ({
    id: paper.slug,
    title: paper.title,
    abstract: paper.abstract,
    topics: paper.topics,
  }));
  if (jobs < 2 || papers.length < (options.minPapersForWorker ?? MIN_PAPERS_FOR_WORKER))
    return relatedWithCache(relatable, options.workDir);
  return runInWorker<FoundRelated>(new URL(import.meta.url), "relatedWithCache", [relatable, options.workDir]);
}

/** The search, starting from the work folder's kept state when there is one, and keeping the new state there. */
export async function relatedWithCache(papers: readonly RelatablePaper[], workDir: string | undefined): Promise<FoundRelated> {
  const cache = workDir === undefined ? undefined : await openRelatedCache(workDir);
  const result = updateRelated(cache?.previous, papers, RELATED_COUNT);
  // Nothing added and nothing changed: the kept file already holds this state.
  if (cache && !(result.mode === "incremental" && result.searched === 0)) await saveRelatedCache(cache, result.state);
  return { related: result.related, description: describeSearch(result, cache !== undefined) };
}

function describeSearch(result: RelatedResult, cached: boolean): string {
  const papers = (count: number) => `${count} ${count === 1 ? "paper" : "papers"}`;
  if (result.mode === "incremental") {
    return `related papers searched for ${papers(result.searched)} added to the kept ones, ${papers(result.updated)} taking them in`;
  }
  const why = result.fallback ? ` (the kept search did not apply: ${result.fallback})` : cached ? " (none kept)" : "";
  return `related papers searched for all ${papers(result.searched)}${why}`;
}
