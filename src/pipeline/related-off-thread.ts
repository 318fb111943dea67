import type { Paper } from "../model/types.ts";
import { relatedPapers, type RelatablePaper } from "../related/related.ts";
import { runInWorker } from "./in-worker.ts";
import { RELATED_COUNT } from "./preprocess.ts";

/** Below this many papers related-paper search takes about a second: a worker's start-up is not worth it. */
export const MIN_PAPERS_FOR_WORKER = 4000;

const RELATED_MODULE = new URL("../related/related.ts", import.meta.url);

/**
 * Related papers for every paper. For a large archive on a machine with a
 * core to spare this runs on a worker thread, so the search (a tenth of a
 * rebuild) overlaps the listing pages and other preprocessing.
 */
export function findRelatedOffThread(papers: readonly Paper[], jobs: number, minPapers = MIN_PAPERS_FOR_WORKER): Promise<Map<string, string[]>> {
  const relatable: RelatablePaper[] = papers.map((paper) => ({ id: paper.slug, title: paper.title, abstract: paper.abstract, topics: paper.topics }));
  if (jobs < 2 || papers.length < minPapers) return Promise.resolve(relatedPapers(relatable, RELATED_COUNT));
  return runInWorker<Map<string, string[]>>(RELATED_MODULE, "relatedPapers", [relatable, RELATED_COUNT]);
}
