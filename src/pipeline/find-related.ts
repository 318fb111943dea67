import type { IdentifiedPaper } from "../model/types.ts";
import { relatedPapers, type RelatablePaper } from "../related/related.ts";
import { runInWorker } from "./in-worker.ts";

/** How many similar papers each paper page lists. */
export const RELATED_COUNT = 5;

/** Below this many papers related-paper search takes about a second: a worker's start-up is not worth it. */
export const MIN_PAPERS_FOR_WORKER = 4000;

const RELATED_MODULE = new URL("../related/related.ts", import.meta.url);

/**
 * Related papers for every paper, by slug (they favour papers sharing a
 * topic, so papers come classified). For a large archive on a machine with a
 * core to spare this runs on a worker thread, so the search overlaps making
 * each paper's text and the listing data on this thread.
 */
export function findRelated(
  papers: readonly (IdentifiedPaper & { topics: readonly string[] })[],
  jobs: number,
  minPapers = MIN_PAPERS_FOR_WORKER,
): Promise<Map<string, string[]>> {
  const relatable: RelatablePaper[] = papers.map((paper) => ({
    id: paper.slug,
    title: paper.title,
    abstract: paper.abstract,
    topics: paper.topics,
  }));
  if (jobs < 2 || papers.length < minPapers) return Promise.resolve(relatedPapers(relatable, RELATED_COUNT));
  return runInWorker<Map<string, string[]>>(RELATED_MODULE, "relatedPapers", [relatable, RELATED_COUNT]);
}
