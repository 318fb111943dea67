/**
 * "Related papers": for each paper, the k most similar other papers by TF-IDF
 * cosine similarity over stemmed title + abstract words.
 *
 * Cost stays near-linear in the number of papers because no paper is compared
 * with every other one:
 * - each paper queries an inverted index with only its `queryTerms` highest-
 *   weight terms (its most distinctive words);
 * - terms in more than `maxDocFrequency` papers are not indexed at all: they are
 *   near stop words ("model", "propos") with tiny IDF, yet their posting lists
 *   would dominate the running time;
 * - terms found in a single paper are not indexed either: they link nothing;
 * - each term keeps only its `maxPostingsPerTerm` highest-weight postings
 *   ("champion lists"), the papers it characterises best.
 * So the work per paper is at most queryTerms * maxPostingsPerTerm additions,
 * and the whole run is O(n * queryTerms * maxPostingsPerTerm) plus tokenising.
 *
 * Deterministic and independent of input order: papers are processed in id
 * order, and equal scores are broken by id.
 */
import { tokenize } from "../text/tokenize.ts";

export interface RelatablePaper {
  id: string;
  title: string;
  abstract: string;
}

export interface RelatedOptions {
  /** A title word counts as this many abstract words. Default 2. */
  titleWeight?: number;
  /** How many of a paper's highest-weight terms it searches with. Default 20. */
  queryTerms?: number;
  /** Skip terms found in more than this share of papers. Default 0.05. */
  maxDocFrequencyShare?: number;
  /** ...but never skip terms found in at most this many papers. Default 50. */
  minDocFrequencyCap?: number;
  /** ...and always skip terms found in more than this many papers. Default 2000. */
  maxDocFrequencyCap?: number;
  /**
   * Per term, keep only the postings of the papers where the term weighs most
   * ("champion lists"). Bounds the work per query term. Default 300.
   */
  maxPostingsPerTerm?: number;
}

const DEFAULTS: Required<RelatedOptions> = {
  titleWeight: 2,
  queryTerms: 20,
  maxDocFrequencyShare: 0.05,
  minDocFrequencyCap: 50,
  maxDocFrequencyCap: 2000,
  maxPostingsPerTerm: 300,
};

/** A paper's terms as parallel arrays of interned term ids and TF-IDF weights. */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

export function relatedPapers(papers: readonly RelatablePaper[], k = 5, options: RelatedOptions = {}): Map<string, string[]> {
  const settings = { ...DEFAULTS, ...options };
  if (!Number.isInteger(k) || k < 0) throw new Error(`relatedPapers: k must be a non-negative integer, got ${k}`);
  const sorted = sortById(papers);
  const termCounts = sorted.map((paper) => countTerms(paper, settings.titleWeight));
  const { termIds, docFrequency } = internTerms(termCounts);
  const vectors = termCounts.map((counts) => weighTerms(counts, termIds, docFrequency, sorted.length));

  const maxDocFrequency = Math.min(
    settings.maxDocFrequencyCap,
    Math.max(settings.minDocFrequencyCap, Math.floor(settings.maxDocFrequencyShare * sorted.length)),
  );
  const isIndexed = (term: number) => {
    const frequency = docFrequency[term] ?? 0;
    return frequency >= 2 && frequency <= maxDocFrequency;
  };
  const index = keepChampionPostings(buildInvertedIndex(vectors, docFrequency.length, isIndexed), settings.maxPostingsPerTerm);

  const related = new Map<string, string[]>();
  const accumulator = new ScoreAccumulator(sorted.length);
  vectors.forEach((vector, docIndex) => {
    for (const [term, queryWeight] of topQueryTerms(vector, settings.queryTerms, isIndexed)) {
      accumulator.addPostings(index, term, queryWeight, docIndex);
    }
    const best = accumulator.takeTopK(k);
    related.set(sorted[docIndex]?.id ?? "", best.map((other) => sorted[other]?.id ?? ""));
  });
  return related;
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
  const add = (text: string, amount: number) => {
    for (const token of tokenize(text)) {
      // Bare numbers (years, table values, "2") link papers by coincidence.
      if (/^\d+$/.test(token)) continue;
      counts.set(token, (counts.get(token) ?? 0) + amount);
    }
  };
  add(paper.title, titleWeight);
  add(paper.abstract, 1);
  return counts;
}

/** Gives each distinct term a dense integer id and counts the papers containing it. */
function internTerms(termCounts: readonly Map<string, number>[]): { termIds: Map<string, number>; docFrequency: number[] } {
  const termIds = new Map<string, number>();
  const docFrequency: number[] = [];
  for (const counts of termCounts) {
    for (const term of counts.keys()) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = docFrequency.length;
        termIds.set(term, id);
        docFrequency.push(0);
      }
      docFrequency[id] = (docFrequency[id] ?? 0) + 1;
    }
  }
  return { termIds, docFrequency };
}

/** Sublinear TF times IDF, L2-normalised so that dot products are cosines. */
function weighTerms(
  counts: Map<string, number>,
  termIds: Map<string, number>,
  docFrequency: readonly number[],
  paperCount: number,
): TermVector {
  const terms = new Int32Array(counts.size);
  const weights = new Float64Array(counts.size);
  let slot = 0;
  let squaredNorm = 0;
  for (const [term, count] of counts) {
    const id = termIds.get(term) ?? 0;
    const weight = (1 + Math.log(count)) * Math.log((paperCount + 1) / (docFrequency[id] ?? 1));
    terms[slot] = id;
    weights[slot] = weight;
    squaredNorm += weight * weight;
    slot++;
  }
  const norm = Math.sqrt(squaredNorm) || 1;
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] ?? 0) / norm;
  return { terms, weights };
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
