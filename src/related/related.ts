/**
 * "Related papers": for each paper, the k most similar other papers by TF-IDF
 * cosine similarity over stemmed title + abstract words, plus a small boost
 * for a shared topic, and only above a minimum similarity (a list may hold
 * fewer than k papers, or none: none is better than noise).
 *
 * The term weights (IDF) are not counted over the archive: they were learnt
 * once from 45,904 real arXiv abstracts and ship as term-weights.json
 * (tools/build-related-weights.ts regenerates it).
 *
 * Cost stays near-linear in the number of papers because no paper is compared
 * with every other one: candidates come from an inverted index. Every quantity
 * of the search is a function of one pair of papers, never of the archive, so
 * that a daily rebuild can add papers to the previous result (`updateRelated`)
 * and get exactly what a clean build gets:
 * - a paper is indexed under its own `indexedTerms` highest-weight terms (a
 *   property of the paper, not of the other papers that hold the term);
 * - a paper searches with its own `queryTerms` highest-weight terms, and the
 *   partial score of another paper is the dot product over those query terms
 *   that the other paper indexes;
 * - the best `rescoreCandidates` candidates by (partial score desc, id asc) are
 *   scored exactly: cosine over whole term vectors, plus the topic boost.
 * Terms common in the corpus (IDF below `minIndexedWeight`) are neither indexed
 * nor searched with. Top-k of a union is top-k of the old top-k plus the new
 * candidates, which is what makes the update exact.
 *
 * Deterministic and independent of input order: papers are processed in id
 * order, and equal scores are broken by id, equal term weights by the term.
 */
import { hash } from "node:crypto";
import { readFileSync } from "node:fs";
import { tokenize } from "../text/tokenize.ts";

export interface RelatablePaper {
  id: string;
  title: string;
  abstract: string;
  /** Topic slugs, main first; papers sharing one rank higher. */
  topics?: readonly string[];
  /**
   * A key of the title and abstract that the caller has made already (a hash of both): then it, not the
   * text, tells a kept paper that changed from one that did not, and an update hashes no text. It must change
   * whenever either does.
   */
  textKey?: string;
}

export interface RelatedOptions {
  /** A title word counts as this many abstract words. Default 2. */
  titleWeight?: number;
  /** How many of a paper's highest-weight terms it searches with. Default 20. */
  queryTerms?: number;
  /** How many of a paper's highest-weight terms it is found by (its postings). Default 30: fewer lose related pairs. */
  indexedTerms?: number;
  /** Terms weighing less (common in the corpus) are not indexed. Default 2.5 (in more than ~8% of papers). */
  minIndexedWeight?: number;
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
  indexedTerms: 30,
  minIndexedWeight: 2.5,
  rescoreCandidates: 40,
  minSimilarity: 0.08,
  sameMainTopicBoost: 0.3,
  sharedTopicBoost: 0.1,
  requireSharedTopic: true,
};

/**
 * Bumped whenever the search changes what it finds for the same papers and settings, or what a kept state
 * holds (4: signatures made from the caller's text key): a kept state then no longer applies, and the first
 * build after the change searches every paper again.
 */
const ALGORITHM_VERSION = 4;

interface TermWeightsFile {
  papers: number;
  minPapers: number;
  rareWeight: number;
  weights: Record<string, number>;
}

interface CorpusTermWeights {
  weights: Map<string, number>;
  rareWeight: number;
  /** Hash of the shipped file: new weights change every list. */
  version: string;
}

let termWeights: CorpusTermWeights | undefined;

/** The shipped IDF table, read on first use. */
function corpusTermWeights(): CorpusTermWeights {
  if (termWeights === undefined) {
    const text = readFileSync(new URL("./term-weights.json", import.meta.url), "utf8");
    const file = JSON.parse(text) as TermWeightsFile;
    termWeights = {
      weights: new Map(Object.entries(file.weights)),
      rareWeight: file.rareWeight,
      version: hash("sha256", text, "hex").slice(0, 16),
    };
  }
  return termWeights;
}

/** The terms similarity is computed over: stemmed words without bare numbers (years and table values link papers by coincidence). */
export function relatedTerms(text: string): string[] {
  return tokenize(text).filter((token) => !/^\d+$/.test(token));
}

/**
 * What a build keeps so that the next one can add papers instead of searching
 * again: plain data and typed arrays (it is made on a worker thread and saved
 * by related-cache.ts). Papers
 * are in id order; a paper is referred to by its position in `ids`.
 */
export interface RelatedState {
  /** The algorithm, k, the settings and the term weights the lists were made with. */
  settings: string;
  ids: string[];
  /** Per paper, a hash of what its list depends on in the paper itself: id, text key (else title and abstract), topics. */
  signatures: string[];
  /**
   * Every term of the papers, each once, in string order: `vectors` refer to terms by their place here.
   * Counting terms stems every word, most of an update's time; vectors are a function of the paper and the
   * settings alone, so the kept ones are used as they are.
   */
  vocabulary: string[];
  vectors: PackedVectors;
  /** Per paper, its best `rescoreCandidates` candidates, ascending (their order is recomputed from their scores). */
  candidates: number[][];
  /**
   * Per paper, the partial score of its last candidate when it has all `rescoreCandidates` of them, else 0: an
   * added paper scoring below it cannot enter, so most earlier papers are settled without rescoring their candidates.
   */
  cutoffs: number[];
  /** Per paper, its related papers, best first. */
  related: number[][];
}

/** Every paper's term vector and search terms, packed in typed arrays (a 30,000-paper archive has millions of terms). */
export interface PackedVectors {
  /** Paper p's terms are slots `offsets[p]` to `offsets[p + 1]` of `terms` and `weights`, in the terms' string order. */
  offsets: Int32Array;
  /** Places in the vocabulary. */
  terms: Int32Array;
  /** TF-IDF weights, L2-normalised per paper. */
  weights: Float64Array;
  /** Paper p's search terms, best first, are `ranked[rankedOffsets[p]]` to `ranked[rankedOffsets[p + 1] - 1]`: slots among its own terms. */
  rankedOffsets: Int32Array;
  ranked: Int32Array;
}

export interface RelatedResult {
  related: Map<string, string[]>;
  state: RelatedState;
  /** How the result was made: searched for every paper, or for the added ones on top of the previous state. */
  mode: "full" | "incremental";
  /** Why the previous state could not be used, when one was given and the search was full. */
  fallback?: string;
  /** Papers searched as queries (all of them when full, the added ones when incremental). */
  searched: number;
  /** Earlier papers whose candidates took in an added paper, so their lists were ranked again. */
  updated: number;
}

/** Related papers of every paper, by id. */
export function relatedPapers(papers: readonly RelatablePaper[], k = 5, options: RelatedOptions = {}): Map<string, string[]> {
  return relatedSearch(papers, k, options).related;
}

/** Related papers of every paper, with the state a later `updateRelated` starts from. */
export function relatedSearch(papers: readonly RelatablePaper[], k = 5, options: RelatedOptions = {}): RelatedResult {
  const settings = resolveSettings(k, options);
  const sorted = sortById(papers);
  return fullSearch(sorted, k, settings, signaturesOf(sorted));
}

/**
 * Related papers of every paper, reusing `previous` when `papers` are its
 * papers, unchanged, plus added ones: then only the added papers are searched,
 * and each earlier paper's candidates are merged with the added papers that
 * score for it. Anything else (a paper removed or changed, other settings or
 * weights) searches everything. Either way the result equals `relatedSearch`.
 */
export function updateRelated(
  previous: RelatedState | undefined,
  papers: readonly RelatablePaper[],
  k = 5,
  options: RelatedOptions = {},
): RelatedResult {
  const settings = resolveSettings(k, options);
  const sorted = sortById(papers);
  const signatures = signaturesOf(sorted);
  if (previous === undefined) return fullSearch(sorted, k, settings, signatures);
  const fallback = (reason: string) => ({ ...fullSearch(sorted, k, settings, signatures), fallback: reason });
  if (previous.settings !== settings.key) return fallback("the settings, the term weights or the search changed");
  const positions = new Map(sorted.map((paper, index) => [paper.id, index]));
  const oldToNew = new Int32Array(previous.ids.length);
  for (let old = 0; old < previous.ids.length; old++) {
    const position = positions.get(previous.ids[old]!);
    if (position === undefined) return fallback(`the paper "${previous.ids[old]}" was removed`);
    if (signatures[position] !== previous.signatures[old]) return fallback(`the paper "${previous.ids[old]}" changed`);
    oldToNew[old] = position;
  }
  return incrementalSearch(sorted, k, settings, signatures, previous, oldToNew);
}

type Settings = Required<RelatedOptions> & { key: string };

function resolveSettings(k: number, options: RelatedOptions): Settings {
  if (!Number.isInteger(k) || k < 0) throw new Error(`relatedPapers: k must be a non-negative integer, got ${k}`);
  const settings = { ...DEFAULTS, ...options };
  const ordered = Object.keys(DEFAULTS).map((name) => [name, settings[name as keyof RelatedOptions]]);
  const key = JSON.stringify({ algorithm: ALGORITHM_VERSION, k, weights: corpusTermWeights().version, settings: ordered });
  return { ...settings, key };
}

function sortById(papers: readonly RelatablePaper[]): RelatablePaper[] {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.id === sorted[i - 1]?.id) throw new Error(`relatedPapers: duplicate paper id "${sorted[i]?.id}"`);
  }
  return sorted;
}

/** What tells a changed paper from a kept one. */
function signaturesOf(sorted: readonly RelatablePaper[]): string[] {
  return sorted.map((paper) =>
    hash("sha256", JSON.stringify([paper.id, paper.textKey ?? [paper.title, paper.abstract], paper.topics ?? []]), "base64url").slice(
      0,
      16,
    ),
  );
}

/** A paper's terms as parallel arrays of interned term ids (ascending) and TF-IDF weights (L2-normalised). */
interface TermVector {
  terms: Int32Array;
  weights: Float64Array;
}

/** The terms a paper searches with, best first (the order its partial scores are summed in), and those it is indexed by. */
interface SearchTerms {
  queryTerms: Int32Array;
  queryWeights: Float64Array;
  indexedTerms: Int32Array;
  indexedWeights: Float64Array;
}

/**
 * Every paper's vector and search terms, over one interned vocabulary. A
 * vector's terms are in their string order, and equal weights among search
 * terms go to the term first in string order: interned ids depend on which
 * papers came first (a kept vocabulary, then an update's new terms), and
 * what a paper sums and searches with must depend on the paper alone.
 */
class Vectors {
  readonly vectors: TermVector[];
  readonly search: SearchTerms[];
  /** Each paper's search terms, best first, as slots among its vector's terms. */
  readonly ranked: Int32Array[];
  /** Each paper's topics, "other" left out. */
  readonly topics: (readonly string[])[];
  /** The terms by id. */
  readonly termText: string[];
  readonly termCount: number;
  /** A zeroed per-term array to spread one vector in (left zeroed). */
  readonly dense: Float64Array;

  private constructor(
    parts: { vectors: TermVector[]; ranked: Int32Array[]; termText: string[]; topics: (readonly string[])[] },
    settings: Settings,
  ) {
    this.vectors = parts.vectors;
    this.ranked = parts.ranked;
    this.termText = parts.termText;
    this.topics = parts.topics;
    this.termCount = parts.termText.length;
    this.dense = new Float64Array(this.termCount);
    this.search = this.vectors.map((vector, doc) => searchTermsOf(vector, this.ranked[doc]!, settings));
  }

  /** Every paper's terms counted; ids in the terms' string order. */
  static counted(sorted: readonly RelatablePaper[], settings: Settings): Vectors {
    const vocabulary = new Vocabulary();
    const counts = sorted.map((paper) => vocabulary.intern(countTerms(paper, settings.titleWeight)));
    // Ids in string order, so that a vector sorted by id is in its terms' string order.
    const byText = Array.from(vocabulary.termText.keys()).sort((a, b) => compareText(vocabulary.termText[a]!, vocabulary.termText[b]!));
    const newId = new Int32Array(byText.length);
    byText.forEach((id, position) => (newId[id] = position));
    const termText = byText.map((id) => vocabulary.termText[id]!);
    const termWeight = byText.map((id) => vocabulary.termWeight[id]!);
    const scratch = new Float64Array(termText.length);
    const vectors = counts.map(({ ids, counts }) =>
      weighTerms(
        ids.map((id) => newId[id]!),
        counts,
        termWeight,
        scratch,
      ),
    );
    const ranked = vectors.map((vector) => rankSearchTerms(vector, termWeight, settings));
    return new Vectors({ vectors, ranked, termText, topics: sorted.map(specificTopics) }, settings);
  }

  /** The kept papers' vectors from `kept` (`oldToNew`: each kept paper's position now), the others counted. */
  static updated(sorted: readonly RelatablePaper[], settings: Settings, kept: RelatedState, oldToNew: Int32Array): Vectors {
    const vocabulary = new Vocabulary(kept.vocabulary);
    const vectors = new Array<TermVector>(sorted.length);
    const ranked = new Array<Int32Array>(sorted.length);
    const packed = kept.vectors;
    for (let old = 0; old < oldToNew.length; old++) {
      const [start, end] = [packed.offsets[old]!, packed.offsets[old + 1]!];
      vectors[oldToNew[old]!] = { terms: packed.terms.subarray(start, end), weights: packed.weights.subarray(start, end) };
      ranked[oldToNew[old]!] = packed.ranked.subarray(packed.rankedOffsets[old]!, packed.rankedOffsets[old + 1]!);
    }
    const added = sorted.flatMap((paper, doc) => (vectors[doc] ? [] : [{ paper, doc }]));
    const counts = added.map(({ paper }) => vocabulary.intern(countTerms(paper, settings.titleWeight)));
    const { termText, termWeight } = vocabulary;
    const scratch = new Float64Array(termText.length);
    // New terms have ids after the kept ones, out of string order: their papers' vectors are put in it.
    const inStringOrder = (ids: Int32Array) => Int32Array.from(Array.from(ids).sort((a, b) => compareText(termText[a]!, termText[b]!)));
    added.forEach(({ doc }, index) => {
      const vector = weighTerms(counts[index]!.ids, counts[index]!.counts, termWeight, scratch, inStringOrder);
      vectors[doc] = vector;
      ranked[doc] = rankSearchTerms(vector, termWeight, settings);
    });
    return new Vectors({ vectors, ranked, termText, topics: sorted.map(specificTopics) }, settings);
  }

  /** The vectors as a state keeps them: the vocabulary in string order, and the vectors over it. */
  packed(): { vocabulary: string[]; vectors: PackedVectors } {
    const byText = Array.from(this.termText.keys()).sort((a, b) => compareText(this.termText[a]!, this.termText[b]!));
    const place = new Int32Array(byText.length);
    byText.forEach((id, position) => (place[id] = position));
    const offsets = new Int32Array(this.vectors.length + 1);
    const rankedOffsets = new Int32Array(this.vectors.length + 1);
    this.vectors.forEach((vector, doc) => {
      offsets[doc + 1] = offsets[doc]! + vector.terms.length;
      rankedOffsets[doc + 1] = rankedOffsets[doc]! + this.ranked[doc]!.length;
    });
    const terms = new Int32Array(offsets[this.vectors.length]!);
    const weights = new Float64Array(terms.length);
    const ranked = new Int32Array(rankedOffsets[this.vectors.length]!);
    this.vectors.forEach((vector, doc) => {
      // Renumbering keeps a vector's order: it is its terms' string order already.
      for (let slot = 0; slot < vector.terms.length; slot++) terms[offsets[doc]! + slot] = place[vector.terms[slot]!]!;
      weights.set(vector.weights, offsets[doc]!);
      ranked.set(this.ranked[doc]!, rankedOffsets[doc]!);
    });
    return { vocabulary: byText.map((id) => this.termText[id]!), vectors: { offsets, terms, weights, rankedOffsets, ranked } };
  }
}

/** Terms by id, with their corpus weights; new terms get the next ids. */
class Vocabulary {
  readonly termText: string[];
  readonly termWeight: number[];
  private readonly termIds: Map<string, number>;
  private readonly idf = corpusTermWeights();

  constructor(terms: readonly string[] = []) {
    this.termText = [...terms];
    this.termIds = new Map(terms.map((term, id) => [term, id]));
    this.termWeight = terms.map((term) => this.weightOf(term));
  }

  private weightOf(term: string): number {
    return this.idf.weights.get(term) ?? this.idf.rareWeight;
  }

  /** A paper's term counts by interned id, in the order the terms first occur. */
  intern(termCounts: Map<string, number>): { ids: Int32Array; counts: Int32Array } {
    const ids = new Int32Array(termCounts.size);
    const counts = new Int32Array(termCounts.size);
    let slot = 0;
    for (const [term, count] of termCounts) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termText.length;
        this.termIds.set(term, id);
        this.termText.push(term);
        this.termWeight.push(this.weightOf(term));
      }
      ids[slot] = id;
      counts[slot++] = count;
    }
    return { ids, counts };
  }
}

/** Strings in code-unit order, the order a vocabulary is kept in. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Term counts of one paper, title words counted `titleWeight` times. */
function countTerms(paper: RelatablePaper, titleWeight: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of relatedTerms(paper.title)) counts.set(term, (counts.get(term) ?? 0) + titleWeight);
  for (const term of relatedTerms(paper.abstract)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * Sublinear TF times the corpus IDF, L2-normalised so that dot products are
 * cosines (the norm summed in the order the terms first occur), its terms in
 * `order` (by id unless told: ids in string order). `scratch`: zeroed
 * per-term, left zeroed.
 */
function weighTerms(
  ids: Int32Array,
  counts: Int32Array,
  termWeight: readonly number[],
  scratch: Float64Array,
  order: (ids: Int32Array) => Int32Array = (unordered) => unordered.slice().sort(),
): TermVector {
  let squaredNorm = 0;
  for (let slot = 0; slot < ids.length; slot++) {
    const weight = (1 + Math.log(counts[slot]!)) * termWeight[ids[slot]!]!;
    scratch[ids[slot]!] = weight;
    squaredNorm += weight * weight;
  }
  const norm = Math.sqrt(squaredNorm) || 1;
  const terms = order(ids);
  const weights = new Float64Array(terms.length);
  for (let slot = 0; slot < terms.length; slot++) {
    weights[slot] = scratch[terms[slot]!]! / norm;
    scratch[terms[slot]!] = 0;
  }
  return { terms, weights };
}

/**
 * A paper's highest-weight terms that are specific enough to search by, best
 * first, as slots of its vector (whose terms are in string order, so equal
 * weights go to the term first in string order); as many as it searches or
 * is indexed by, whichever is more.
 */
function rankSearchTerms(vector: TermVector, termWeight: readonly number[], settings: Settings): Int32Array {
  const eligible: number[] = [];
  for (let slot = 0; slot < vector.terms.length; slot++)
    if (termWeight[vector.terms[slot]!]! >= settings.minIndexedWeight) eligible.push(slot);
  const { weights } = vector;
  eligible.sort((a, b) => weights[b]! - weights[a]! || a - b);
  return Int32Array.from(eligible.slice(0, Math.max(settings.queryTerms, settings.indexedTerms)));
}

/** The terms a paper searches with (best first) and those it is indexed by (in its vector's order), from its ranked slots. */
function searchTermsOf(vector: TermVector, ranked: Int32Array, settings: Settings): SearchTerms {
  const query = ranked.subarray(0, settings.queryTerms);
  const indexed = ranked.slice(0, settings.indexedTerms).sort();
  const [queryTerms, queryWeights] = termsAt(vector, query);
  const [indexedTerms, indexedWeights] = termsAt(vector, indexed);
  return { queryTerms, queryWeights, indexedTerms, indexedWeights };
}

/** The vector's terms and weights at `slots`. A loop: `Int32Array.from` with a map function took most of an update's time. */
function termsAt({ terms, weights }: TermVector, slots: Int32Array): [Int32Array, Float64Array] {
  const atTerms = new Int32Array(slots.length);
  const atWeights = new Float64Array(slots.length);
  for (let index = 0; index < slots.length; index++) {
    atTerms[index] = terms[slots[index]!]!;
    atWeights[index] = weights[slots[index]!]!;
  }
  return [atTerms, atWeights];
}

/** Postings in compressed-row form: term t's papers are docs[offsets[t] .. offsets[t+1]), in ascending paper order. */
interface InvertedIndex {
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float64Array;
}

/** The index of the papers `docs` (all of them by default) under their indexed terms. */
function buildInvertedIndex(search: readonly SearchTerms[], termCount: number, docs?: readonly number[]): InvertedIndex {
  const members = docs ?? search.map((_, doc) => doc);
  const offsets = new Int32Array(termCount + 1);
  for (const doc of members) for (const term of search[doc]!.indexedTerms) offsets[term + 1]!++;
  for (let term = 0; term < termCount; term++) offsets[term + 1]! += offsets[term]!;
  const postings = new Int32Array(offsets[termCount]!);
  const weights = new Float64Array(postings.length);
  const fill = offsets.slice(0, termCount);
  for (const doc of members) {
    const { indexedTerms, indexedWeights } = search[doc]!;
    for (let slot = 0; slot < indexedTerms.length; slot++) {
      const term = indexedTerms[slot]!;
      const position = fill[term]!++;
      postings[position] = doc;
      weights[position] = indexedWeights[slot]!;
    }
  }
  return { offsets, docs: postings, weights };
}

/**
 * Sparse score accumulation over a dense, reused array: only papers that share
 * a term with the query are touched, and only those are reset afterwards.
 * (Typed arrays and plain loops: this is the hot path.) A paper's partial score
 * is summed over the query's terms in their order, which `partialScore` repeats
 * exactly, so that an incremental update gets the same floating-point values.
 */
class ScoreAccumulator {
  readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  constructor(paperCount: number) {
    this.scores = new Float64Array(paperCount);
    this.touched = new Int32Array(paperCount);
  }

  addQuery(index: InvertedIndex, query: SearchTerms, queryDoc: number): void {
    const { docs, weights, offsets } = index;
    const { scores, touched } = this;
    let touchedCount = this.touchedCount;
    for (let slot = 0; slot < query.queryTerms.length; slot++) {
      const term = query.queryTerms[slot]!;
      const queryWeight = query.queryWeights[slot]!;
      const end = offsets[term + 1]!;
      for (let posting = offsets[term]!; posting < end; posting++) {
        const other = docs[posting]!;
        if (other === queryDoc) continue;
        const previous = scores[other]!;
        if (previous === 0) touched[touchedCount++] = other;
        scores[other] = previous + queryWeight * weights[posting]!;
      }
    }
    this.touchedCount = touchedCount;
  }

  /** The papers touched since the last call (their scores in `scores`); `reset` before the next query. */
  touchedPapers(): Int32Array {
    return this.touched.subarray(0, this.touchedCount);
  }

  reset(): void {
    for (const other of this.touchedPapers()) this.scores[other] = 0;
    this.touchedCount = 0;
  }
}

/**
 * The partial score of `other` for the query paper: the same sum, in the same
 * order, as `ScoreAccumulator.addQuery` makes (adding 0 for a query term the
 * other paper does not index changes no bit of it). `scratch` is a zeroed
 * per-term array, left zeroed.
 */
function partialScore(query: SearchTerms, other: SearchTerms, scratch: Float64Array): number {
  for (let slot = 0; slot < other.indexedTerms.length; slot++) scratch[other.indexedTerms[slot]!] = other.indexedWeights[slot]!;
  let score = 0;
  for (let slot = 0; slot < query.queryTerms.length; slot++) score += query.queryWeights[slot]! * scratch[query.queryTerms[slot]!]!;
  for (const term of other.indexedTerms) scratch[term] = 0;
  return score;
}

/** Candidates ranked by (partial score desc, paper index asc): paper index order is id order. */
function ranksAbove(scores: ArrayLike<number>, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
}

/**
 * The k best-scoring candidates, best first. Keeps a small sorted buffer, so
 * the cost is linear in candidates for small k.
 */
function topK(candidates: ArrayLike<number>, scores: ArrayLike<number>, k: number): number[] {
  if (k === 0) return [];
  const best: number[] = [];
  // Fast rejection: most candidates score below the current k-th best.
  let cutoff = -Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    const score = scores[candidate]!;
    if (score < cutoff) continue;
    if (best.length === k && !ranksAbove(scores, candidate, best[k - 1]!)) continue;
    let position = Math.min(best.length, k - 1);
    while (position > 0 && ranksAbove(scores, candidate, best[position - 1]!)) position--;
    best.splice(position, 0, candidate);
    if (best.length > k) best.pop();
    if (best.length === k) cutoff = scores[best[k - 1]!]!;
  }
  return best;
}

/** A paper's topics, "other" left out: it says a paper fits no topic, not that two papers share one. */
function specificTopics(paper: RelatablePaper): readonly string[] {
  return (paper.topics ?? []).filter((slug) => slug !== "other");
}

/** Writes a vector into a dense per-term array (zero elsewhere), to take its dot product with many others. */
function spread(vector: TermVector, dense: Float64Array): void {
  for (let slot = 0; slot < vector.terms.length; slot++) dense[vector.terms[slot]!] = vector.weights[slot]!;
}

function unspread(vector: TermVector, dense: Float64Array): void {
  for (const term of vector.terms) dense[term] = 0;
}

/**
 * Cosine of two normalised vectors, one of them spread in `dense`: summed over
 * `b`'s terms in ascending term order, as a merge of the two would sum it.
 */
function cosine(dense: Float64Array, b: TermVector): number {
  let sum = 0;
  for (let slot = 0; slot < b.terms.length; slot++) sum += dense[b.terms[slot]!]! * b.weights[slot]!;
  return sum;
}

/** The paper's list from its candidates: exact similarity, the topic filter and boost, top k by (score desc, id asc). */
function rankCandidates(doc: number, candidates: readonly number[], papers: Vectors, k: number, settings: Settings): number[] {
  const { vectors, dense } = papers;
  const topics = papers.topics[doc]!;
  const scored: { other: number; score: number }[] = [];
  spread(vectors[doc]!, dense);
  for (const other of candidates) {
    const otherTopics = papers.topics[other]!;
    const shared = topics.some((slug) => otherTopics.includes(slug));
    if (settings.requireSharedTopic && topics.length > 0 && otherTopics.length > 0 && !shared) continue;
    const similarity = cosine(dense, vectors[other]!);
    if (similarity < settings.minSimilarity) continue;
    const boost = topics.length > 0 && topics[0] === otherTopics[0] ? settings.sameMainTopicBoost : shared ? settings.sharedTopicBoost : 0;
    scored.push({ other, score: similarity + boost });
  }
  unspread(vectors[doc]!, dense);
  scored.sort((a, b) => b.score - a.score || a.other - b.other);
  return scored.slice(0, k).map(({ other }) => other);
}

/** The candidates ranked best first (their scores in `scores`) as a state keeps them. */
function keepCandidates(best: readonly number[], scores: ArrayLike<number>, settings: Settings): { candidates: number[]; cutoff: number } {
  return {
    candidates: best.slice().sort((a, b) => a - b),
    cutoff: best.length === settings.rescoreCandidates ? scores[best[best.length - 1]!]! : 0,
  };
}

function fullSearch(sorted: readonly RelatablePaper[], k: number, settings: Settings, signatures: string[]): RelatedResult {
  const papers = Vectors.counted(sorted, settings);
  const { search, termCount } = papers;
  const index = buildInvertedIndex(search, termCount);
  const accumulator = new ScoreAccumulator(sorted.length);
  const found: Found = { candidates: [], cutoffs: [], related: [] };
  for (let doc = 0; doc < sorted.length; doc++) {
    accumulator.addQuery(index, search[doc]!, doc);
    const best = topK(accumulator.touchedPapers(), accumulator.scores, settings.rescoreCandidates);
    const { candidates, cutoff } = keepCandidates(best, accumulator.scores, settings);
    accumulator.reset();
    found.candidates.push(candidates);
    found.cutoffs.push(cutoff);
    found.related.push(rankCandidates(doc, best, papers, k, settings));
  }
  return result(sorted, settings, signatures, papers.packed(), found, { mode: "full", searched: sorted.length, updated: 0 });
}

type Found = Pick<RelatedState, "candidates" | "cutoffs" | "related">;

function incrementalSearch(
  sorted: readonly RelatablePaper[],
  k: number,
  settings: Settings,
  signatures: string[],
  previous: RelatedState,
  oldToNew: Int32Array,
): RelatedResult {
  const isEarlier = new Uint8Array(sorted.length);
  for (const doc of oldToNew) isEarlier[doc] = 1;
  const added: number[] = [];
  for (let doc = 0; doc < sorted.length; doc++) if (!isEarlier[doc]) added.push(doc);
  const found: Found = {
    candidates: new Array<number[]>(sorted.length),
    cutoffs: new Array<number>(sorted.length),
    related: new Array<number[]>(sorted.length),
  };
  const mapped = (list: readonly number[]) => list.map((old) => oldToNew[old]!);
  for (let old = 0; old < oldToNew.length; old++) {
    // Ascending old positions stay ascending: added papers only slot in between.
    found.candidates[oldToNew[old]!] = mapped(previous.candidates[old]!);
    found.cutoffs[oldToNew[old]!] = previous.cutoffs[old]!;
    found.related[oldToNew[old]!] = mapped(previous.related[old]!);
  }
  if (added.length === 0) return result(sorted, settings, signatures, previous, found, { mode: "incremental", searched: 0, updated: 0 });

  const papers = Vectors.updated(sorted, settings, previous, oldToNew);
  const { search, termCount } = papers;
  const accumulator = new ScoreAccumulator(sorted.length);
  const settle = (doc: number, best: readonly number[]) => {
    const { candidates, cutoff } = keepCandidates(best, accumulator.scores, settings);
    found.candidates[doc] = candidates;
    found.cutoffs[doc] = cutoff;
    found.related[doc] = rankCandidates(doc, best, papers, k, settings);
  };

  // Each added paper against every paper, as a clean build searches it.
  const index = buildInvertedIndex(search, termCount);
  for (const doc of added) {
    accumulator.addQuery(index, search[doc]!, doc);
    settle(doc, topK(accumulator.touchedPapers(), accumulator.scores, settings.rescoreCandidates));
    accumulator.reset();
  }

  // Each earlier paper against the added papers only, merged with its kept candidates.
  const addedIndex = buildInvertedIndex(search, termCount, added);
  const scratch = new Float64Array(termCount);
  let updated = 0;
  for (let doc = 0; doc < sorted.length; doc++) {
    if (!isEarlier[doc]) continue;
    accumulator.addQuery(addedIndex, search[doc]!, doc);
    const newcomers = accumulator.touchedPapers();
    const cutoff = found.cutoffs[doc]!;
    // Below the cutoff an added paper cannot enter; at it, it may (ties go to the lower id), so that is rescored.
    if (newcomers.some((other) => accumulator.scores[other]! >= cutoff)) {
      const kept = found.candidates[doc]!;
      for (const other of kept) accumulator.scores[other] = partialScore(search[doc]!, search[other]!, scratch);
      const best = topK([...kept, ...newcomers], accumulator.scores, settings.rescoreCandidates);
      if (best.some((other) => !isEarlier[other])) {
        settle(doc, best);
        updated++;
      }
      for (const other of kept) accumulator.scores[other] = 0;
    }
    accumulator.reset();
  }
  return result(sorted, settings, signatures, papers.packed(), found, { mode: "incremental", searched: added.length, updated });
}

function result(
  sorted: readonly RelatablePaper[],
  settings: Settings,
  signatures: string[],
  { vocabulary, vectors }: Pick<RelatedState, "vocabulary" | "vectors">,
  found: Found,
  how: Pick<RelatedResult, "mode" | "searched" | "updated">,
): RelatedResult {
  const ids = sorted.map((paper) => paper.id);
  return {
    related: new Map(ids.map((id, doc) => [id, found.related[doc]!.map((other) => ids[other]!)])),
    state: { settings: settings.key, ids, signatures, vocabulary, vectors, ...found },
    ...how,
  };
}
