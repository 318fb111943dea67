import { existsSync } from "node:fs";
import type { IdentifiedPaper, PaperText } from "../model/types.ts";
import { updateRelated, type RelatablePaper, type RelatedResult } from "../related/related.ts";
import { answerFirst, prepareInWorker, runInWorker, type AnswerFirst, type PreparedWorker } from "./in-worker.ts";
import { openRelatedCache, relatedStateFile, saveRelatedCache, type RelatedCache } from "./related-cache.ts";

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
  /** A worker that has read `workDir`'s kept state already (see prepareRelatedWorker); used or stopped. */
  prepared?: PreparedWorker;
}

/**
 * A worker thread that starts on the related-paper search of a rebuild at
 * once: it loads the search code and reads the kept state (tens of
 * megabytes) while this thread parses and identifies the papers. Undefined
 * where findRelated would not use a worker for `expectedPapers` (what the
 * archive is likely to hold), or no state is kept.
 */
export function prepareRelatedWorker(
  workDir: string,
  jobs: number,
  expectedPapers: number,
  minPapersForWorker = MIN_PAPERS_FOR_WORKER,
): PreparedWorker | undefined {
  if (jobs < 2 || expectedPapers < minPapersForWorker || !existsSync(relatedStateFile(workDir))) return undefined;
  return prepareInWorker(new URL(import.meta.url), "openRelatedCache", [workDir]);
}

// What prepareRelatedWorker's thread calls first, by name, in this module (and relatedAnsweringFirst after).
export { openRelatedCache };

/**
 * Related papers for every paper, by slug (they favour papers sharing a
 * topic, so papers come classified). For a large archive on a machine with a
 * core to spare this runs on a worker thread, so the search overlaps making
 * the listing data on this thread; the kept state is read and written there
 * too, and never crosses to this thread. A kept paper is told unchanged by its
 * text's `sourceKey`, which is why every paper comes with its text.
 */
export function findRelated(
  papers: readonly (IdentifiedPaper & { topics: readonly string[]; text: Pick<PaperText, "sourceKey"> })[],
  jobs: number,
  options: FindRelatedOptions = {},
): Promise<FoundRelated> {
  const relatable: RelatablePaper[] = papers.map((paper) => ({
    id: paper.slug,
    title: paper.title,
    abstract: paper.abstract,
    topics: paper.topics,
    // A hash of the title and abstract made already: the kept state tells changed papers by it.
    textKey: paper.text.sourceKey,
  }));
  if (jobs < 2 || papers.length < (options.minPapersForWorker ?? MIN_PAPERS_FOR_WORKER)) {
    options.prepared?.stop();
    return relatedWithCache(relatable, options.workDir);
  }
  if (options.prepared) return options.prepared.run<FoundRelated>("relatedAnsweringFirst", [relatable]);
  return runInWorker<FoundRelated>(new URL(import.meta.url), "relatedWithCache", [relatable, options.workDir]);
}

/** The search, starting from the work folder's kept state when there is one, and keeping the new state there. */
export async function relatedWithCache(papers: readonly RelatablePaper[], workDir: string | undefined): Promise<FoundRelated> {
  return relatedFromCache(workDir === undefined ? undefined : await openRelatedCache(workDir), papers);
}

/** The search from an opened cache (none: search everything, keep nothing), its new state kept before it answers. */
export async function relatedFromCache(cache: RelatedCache | undefined, papers: readonly RelatablePaper[]): Promise<FoundRelated> {
  const { answerFirst: found, finishing } = relatedAnsweringFirst(cache, papers);
  await finishing;
  return found;
}

/**
 * The search from an opened cache, answering before its new state is kept: on
 * a prepared worker (see prepareRelatedWorker), writing some 30 MB of state
 * need not hold up the build, which waits for it only at its end.
 */
export function relatedAnsweringFirst(cache: RelatedCache | undefined, papers: readonly RelatablePaper[]): AnswerFirst<FoundRelated> {
  const result = updateRelated(cache?.previous, papers, RELATED_COUNT);
  // Nothing added and nothing changed: the kept file already holds this state.
  const keeping =
    cache && !(result.mode === "incremental" && result.searched === 0) ? saveRelatedCache(cache, result.state) : Promise.resolve();
  return answerFirst({ related: result.related, description: describeSearch(result, cache !== undefined) }, keeping);
}

function describeSearch(result: RelatedResult, cached: boolean): string {
  const papers = (count: number) => `${count} ${count === 1 ? "paper" : "papers"}`;
  if (result.mode === "incremental") {
    return `related papers searched for ${papers(result.searched)} added to the kept ones, ${papers(result.updated)} taking them in`;
  }
  const why = result.fallback ? ` (the kept search did not apply: ${result.fallback})` : cached ? " (none kept)" : "";
  return `related papers searched for all ${papers(result.searched)}${why}`;
}
