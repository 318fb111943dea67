import type { IdentifiedPaper } from "../model/types.ts";
import { classifyPaper } from "../topics/classify.ts";
import type { CompiledTaxonomy } from "../topics/compile.ts";
import type { PaperText } from "../topics/score.ts";
import type { Taxonomy } from "../topics/taxonomy.ts";
import { runInWorker, splitEvenly } from "./in-worker.ts";
import { topicKey } from "./topic-cache.ts";

export interface ClassifyOptions {
  compiled: CompiledTaxonomy;
  /** The taxonomy `compiled` was made from: workers compile their own. */
  taxonomy: Taxonomy;
  jobs: number;
  /** Topics an earlier build made with the same classifier, taxonomy and model, by `topicKey`. */
  earlierTopics?: ReadonlyMap<string, readonly string[]>;
}

const topicKeyOf = (paper: IdentifiedPaper) => topicKey({ title: paper.title, abstract: paper.abstract, keywords: paper.card.keywords });

/** Below this many papers to classify, a worker's start-up costs more than it saves. */
export const MIN_PAPERS_FOR_CLASSIFY_WORKERS = 4000;

const CLASSIFY_MODULE = new URL("../topics/classify-each.ts", import.meta.url);

export interface ClassifiedArchive {
  /** Each paper's topics, in the order the papers were given. */
  topics: (readonly string[])[];
  /** Every paper's topics by `topicKey`, for the next build's topic cache. */
  topicsByKey: Map<string, readonly string[]>;
  /** Papers classified now (the others' topics came from the earlier build). */
  classified: number;
}

/**
 * Every paper's topics: from the earlier build's where the text is the
 * same, the rest classified, split over worker threads for a large archive
 * (the trained model costs about half a millisecond a paper).
 */
export async function classifyArchive(
  papers: readonly IdentifiedPaper[],
  options: ClassifyOptions,
  minPapers = MIN_PAPERS_FOR_CLASSIFY_WORKERS,
): Promise<ClassifiedArchive> {
  const { compiled } = options;
  const topicsByKey = new Map<string, readonly string[]>();
  const unknown = new Map<string, PaperText>();
  const keyOfPaper = papers.map(topicKeyOf);
  for (const [index, paper] of papers.entries()) {
    const key = keyOfPaper[index]!;
    const earlier = options.earlierTopics?.get(key);
    if (earlier) topicsByKey.set(key, earlier);
    else if (!unknown.has(key)) {
      const keywords = paper.card.keywords;
      unknown.set(key, { title: paper.title, abstract: paper.abstract, ...(keywords ? { keywords } : {}) });
    }
  }
  const keys = [...unknown.keys()];
  const texts = [...unknown.values()];
  let topics: string[][];
  if (options.jobs < 2 || texts.length < minPapers) topics = texts.map((text) => classifyPaper(text, compiled));
  else {
    const runs = splitEvenly(texts, options.jobs);
    const results = await Promise.all(
      runs.map((run) => runInWorker<string[][]>(CLASSIFY_MODULE, "classifyEach", [run, options.taxonomy, compiled.model])),
    );
    topics = results.flat();
  }
  keys.forEach((key, index) => topicsByKey.set(key, topics[index]!));
  return { topics: keyOfPaper.map((key) => topicsByKey.get(key)!), topicsByKey, classified: keys.length };
}
