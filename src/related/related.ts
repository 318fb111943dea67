/**
 * "Related papers": for each paper, the k most similar other papers by TF-IDF
 * cosine similarity over stemmed title + abstract words, plus a small boost
 * for a shared topic, and only above a minimum similarity (a list may hold
 * fewer than k papers, or none: none is better than noise).
 *
 * The term weights (IDF) are not counted over the archive: they were learnt
 * once from 45,904 real arXiv abstracts and ship as term-weights.json
 * (tools/build-related-weights.ts regenerates it). So the similarity of two
 * papers depends on those two papers alone; a small archive still knows that
 * "successfully" says nothing, and adding a paper changes only the lists it
 * enters.
 *
 * Cost stays near-linear in the number of papers because no paper is compared
 * with every other one: candidates come from an inverted index queried with
 * each paper's `queryTerms` highest-weight terms; terms common in the corpus
 * (IDF below `minIndexedWeight`) and terms of a single archive paper are not
 * indexed; each term keeps only its `maxPostingsPerTerm` highest-weight
 * postings ("champion lists"). The best `rescoreCandidates` candidates are then
 * scored exactly, with their whole term vectors.
 *
 * Deterministic and independent of input order: papers are processed in id
 * order, and equal scores are broken by id.
 */
import { readFileSync } from "node:fs";
import { tokenize } from "../text/tokenize.ts";

export interface RelatablePaper {
  id: string;
  title: string;
  abstract: string;
  /** Topic slugs, main first; papers sharing one rank higher. */
  topics?: readonly string[];
}

export interface RelatedOptions {
  /** A title word counts as this many abstract words. Default 2. */
  titleWeight?: number;
  /** How many of a paper's highest-weight terms it searches with. Default 20. */
  queryTerms?: number;
  /** Terms weighing less (common in the corpus) are not indexed. Default 2.5 (in more than ~8% of papers). */
  minIndexedWeight?: number;
  /**
   * Per term, keep only the postings of the papers where the term weighs most
   * ("champion lists"). Bounds the work per query term. Default 300.
   */
  maxPostingsPerTerm?: number;
  /** How many of the best candidates are scored exactly. Default 40. */
  rescoreCandidates?: number;
  /** Cosine similarity a paper needs to be listed at all. Default 0.08. */
  minSimilarity?: number;
  /** Added to the score of a paper with the same main topic. Default 0.3 (it orders, the minimum similarity filters). */
  sameMainTopicBoost?: number;
  /** Added to the score of a paper sharing any other topic. Default 0.1. */
  sharedTopicBoost?: number;
  /**
   * List only papers sharing a topic with the paper (when both have topics other than "other"):
   * two papers on different subjects that share words are rarely related. Default true.
   */
  requireSharedTopic?: boolean;
}

const DEFAULTS: Required<RelatedOptions> = {
  titleWeight: 2,
  queryTerms: 20,
  minIndexedWeight: 2.5,
  maxPostingsPerTerm: 300,
  rescoreCandidates: 40,
  minSimilarity: 0.08,
  sameMainTopicBoost: 0.3,
  sharedTopicBoost: 0.1,
  requireSharedTopic: true,
};

interface TermWeightsFile {
  papers: number;
  minPapers: number;
  rareWeight: number;
  weights: Record<string, number>;
}

let termWeights: { weights: Map<string, number>; rareWeight: number } | undefined;

/** The shipped IDF table, read on first use. */
function corpusTermWeights(): { weights: Map<string, number>; rareWeight: number } {
  if (termWeights === undefined) {
    const file = JSON.parse(readFileSync(new URL("./term-weights.json", import.meta.url), "utf8")) as TermWeightsFile;
    termWeights = { weights: new Map(Object.entries(file.weights)), rareWeight: file.rareWeight };
  }
  return termWeights;
}

/** The terms similarity is computed over: stemmed words without bare numbers (years and table values link papers by coincidence). */
export function relatedTerms(text: string): string[] {
  return tokenize(text).filter((token) => !/^\d+$/.test(token));
}

/** A paper's terms as parallel arrays of interned term ids (ascending) and TF-IDF weights (L2-normalised). */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

export function relatedPapers(papers: readonly RelatablePaper[], k = 5, options: RelatedOptions = {}): Map<string, string[]> {
  const settings = { ...DEFAULTS, ...options };
  if (!Number.isInteger(k) || k < 0) throw new Error(`relatedPapers: k must be a non-negative integer, got ${k}`);
  const sorted = sortById(papers);
  const idf = corpusTermWeights();
  const termIds = new Map<string, number>();
  const termWeight: number[] = [];
  const vectors = sorted.map((paper) => weighTerms(countTerms(paper, settings.titleWeight), termIds, termWeight, idf));

  const archiveFrequency = new Int32Array(termWeight.length);
  for (const { terms } of vectors) for (const term of terms) archiveFrequency[term]!++;
  const isIndexed = (term: number) => archiveFrequency[term]! >= 2 && termWeight[term]! >= settings.minIndexedWeight;
  const index = keepChampionPostings(buildInvertedIndex(vectors, termWeight.length, isIndexed), settings.maxPostingsPerTerm);

  const related = new Map<string, string[]>();
  const accumulator = new ScoreAccumulator(sorted.length);
  vectors.forEach((vector, docIndex) => {
    for (const [term, queryWeight] of topQueryTerms(vector, settings.queryTerms, isIndexed)) {
      accumulator.addPostings(index, term, queryWeight, docIndex);
    }
    const candidates = accumulator.takeTopK(settings.rescoreCandidates);
    const topics = specificTopics(sorted[docIndex]!);
    const scored = candidates.flatMap((other) => {
      const similarity = cosine(vector, vectors[other]!);
      if (similarity < settings.minSimilarity) return [];
      const otherTopics = specificTopics(sorted[other]!);
      const shared = topics.some((slug) => otherTopics.includes(slug));
      if (settings.requireSharedTopic && topics.length > 0 && otherTopics.length > 0 && !shared) return [];
      const boost =
        topics.length > 0 && topics[0] === otherTopics[0] ? settings.sameMainTopicBoost : shared ? settings.sharedTopicBoost : 0;
      return [{ other, score: similarity + boost }];
    });
    scored.sort((a, b) => b.score - a.score || a.other - b.other);
    related.set(
      sorted[docIndex]!.id,
      scored.slice(0, k).map(({ other }) => sorted[other]!.id),
    );
  });
  return related;
}

/** A paper's topics, "other" left out: it says a paper fits no topic, not that two papers share one. */
function specificTopics(paper: RelatablePaper): readonly string[] {
  return (paper.topics ?? []).filter((slug) => slug !== "other");
}

/** Cosine of two normalised vectors: a merge over their ascending term ids. */
function cosine(a: TermVector, b: TermVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Sparse score accumulation over a dense, reused array: only papers that share
 * a term with the query are touched, and only those are reset afterwards.
 * (Typed arrays and plain loops: this is the hot path.)
 */
class ScoreAccumulator {
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(paperCount: number) {
    this.scores = new Float64Array(paperCount);
    this.touched = new Int32Array(paperCount);
  }

  addPostings(index: InvertedIndex, term: number, queryWeight: number, queryDoc: number): void {
    const { docs, weights } = index;
    const { scores, touched } = this;
    let touchedCount = this.touchedCount;
    const end = index.offsets[term + 1]!;
    for (let posting = index.offsets[term]!; posting < end; posting++) {
      const other = docs[posting]!;
      if (other === queryDoc) continue;
      const previous = scores[other]!;
      if (previous === 0) touched[touchedCount++] = other;
      scores[other] = previous + queryWeight * weights[posting]!;
    }
    this.touchedCount = touchedCount;
  }

  /** The k best papers touched since the last call, best first; then resets. */
  takeTopK(k: number): number[] {
    const candidates = this.touched.subarray(0, this.touchedCount);
    const best = topK(candidates, this.scores, k);
    for (const other of candidates) this.scores[other] = 0;
    this.touchedCount = 0;
    return best;
  }
}

function sortById(papers: readonly RelatablePaper[]): RelatablePaper[] {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new Error(`relatedPapers: duplicate paper id "${sorted[i]?.id}"`);
  }
  return sorted;
}

/** Term counts of one paper, title words counted `titleWeight` times. */
function countTerms(paper: RelatablePaper, titleWeight: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of relatedTerms(paper.title)) counts.set(term, (counts.get(term) ?? 0) + titleWeight);
  for (const term of relatedTerms(paper.abstract)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Sublinear TF times the corpus IDF, L2-normalised so that dot products are cosines; interns terms as it goes. */
function weighTerms(
  counts: Map<string, number>,
  termIds: Map<string, number>,
  termWeight: number[],
  idf: { weights: Map<string, number>; rareWeight: number },
): TermVector {
  const entries: [number, number][] = [];
  let squaredNorm = 0;
  for (const [term, count] of counts) {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termWeight.length;
      termIds.set(term, id);
      termWeight.push(idf.weights.get(term) ?? idf.rareWeight);
    }
    const weight = (1 + Math.log(count)) * termWeight[id]!;
    entries.push([id, weight]);
    squaredNorm += weight * weight;
  }
  entries.sort((x, y) => x[0] - y[0]);
  const norm = Math.sqrt(squaredNorm) || 1;
  return { terms: Int32Array.from(entries, ([id]) => id), weights: Float64Array.from(entries, ([, weight]) => weight / norm) };
}

/** Postings in compressed-row form: term t's papers are docs[offsets[t] .. offsets[t+1]). */
interface InvertedIndex {
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

function buildInvertedIndex(vectors: readonly TermVector[], termCount: number, isIndexed: (term: number) => boolean): InvertedIndex {
  const offsets = new Int32Array(termCount + 1);
  for (const { terms } of vectors) {
    for (const term of terms) if (isIndexed(term)) offsets[term + 1] = (offsets[term + 1] ?? 0) + 1;
  }
  for (let term = 0; term < termCount; term++) offsets[term + 1] = (offsets[term + 1] ?? 0) + (offsets[term] ?? 0);
  const docs = new Int32Array(offsets[termCount] ?? 0);
  const weights = new Float64Array(docs.length);
  const fill = offsets.slice(0, termCount);
  vectors.forEach(({ terms, weights: termWeights }, docIndex) => {
    terms.forEach((term, slot) => {
      if (!isIndexed(term)) return;
      const position = fill[term] ?? 0;
      docs[position] = docIndex;
      weights[position] = termWeights[slot] ?? 0;
      fill[term] = position + 1;
    });
  });
  return { offsets, docs, weights };
}

/**
 * Truncates each posting list to its `limit` highest-weight entries (ties to the
 * lower paper index). A term shared by many papers then links only the papers
 * it characterises best, which bounds the work per query term.
 */
function keepChampionPostings(index: InvertedIndex, limit: number): InvertedIndex {
  const termCount = index.offsets.length - 1;
  const offsets = new Int32Array(termCount + 1);
  for (let term = 0; term < termCount; term++) {
    const length = (index.offsets[term + 1] ?? 0) - (index.offsets[term] ?? 0);
    offsets[term + 1] = (offsets[term] ?? 0) + Math.min(length, limit);
  }
  if (offsets[termCount] === index.docs.length) return index; // nothing to cut
  const docs = new Int32Array(offsets[termCount] ?? 0);
  const weights = new Float64Array(docs.length);
  for (let term = 0; term < termCount; term++) {
    const start = index.offsets[term] ?? 0;
    const end = index.offsets[term + 1] ?? 0;
    let kept = Array.from({ length: end - start }, (_, i) => start + i);
    if (kept.length > limit) {
      kept.sort((a, b) => (index.weights[b] ?? 0) - (index.weights[a] ?? 0) || (index.docs[a] ?? 0) - (index.docs[b] ?? 0));
      // Back in paper order: the accumulator then walks its score array
      // forwards, which is markedly faster than jumping around it.
      kept = kept.slice(0, limit).sort((a, b) => a - b);
    }
    kept.forEach((posting, i) => {
      const position = (offsets[term] ?? 0) + i;
      docs[position] = index.docs[posting] ?? 0;
      weights[position] = index.weights[posting] ?? 0;
    });
  }
  return { offsets, docs, weights };
}

/** The paper's `limit` highest-weight indexed terms; ties go to the lower term id. */
function topQueryTerms(vector: TermVector, limit: number, isIndexed: (term: number) => boolean): [number, number][] {
  const candidates: [number, number][] = [];
  vector.terms.forEach((term, slot) => {
    if (isIndexed(term)) candidates.push([term, vector.weights[slot] ?? 0]);
  });
  candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return candidates.slice(0, limit);
}

/**
 * The k best-scoring candidates, best first; equal scores go to the lower
 * index, which is the smaller id because papers are sorted by id. Keeps a small
 * sorted buffer, so the cost is linear in candidates for small k.
 */
function topK(candidates: Int32Array, scores: Float64Array, k: number): number[] {
  if (k === 0) return [];
  const best: number[] = [];
  const ranksAbove = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  // Fast rejection: most candidates score below the current k-th best.
  let cutoff = -Infinity;
  for (const candidate of candidates) {
    const score = scores[candidate]!;
    if (score < cutoff) continue;
    if (best.length === k && !ranksAbove(candidate, best[k - 1]!)) continue;
    let position = Math.min(best.length, k - 1);
    while (position > 0 && ranksAbove(candidate, best[position - 1]!)) position--;
    best.splice(position, 0, candidate);
    if (best.length > k) best.pop();
    if (best.length === k) cutoff = scores[best[k - 1]!]!;
  }
  return best;
}
