/**
 * Micro-benchmark for relatedPapers (not a test): builds a synthetic n-paper
 * corpus from the sample digest's words and times the call.
 *
 *   npx tsx src/related/bench-related.ts 30000
 *
 * Each synthetic paper borrows most words from one "seed" paper of the sample
 * (so papers form topical clusters, as real ones do) and the rest from the whole
 * sample's word stream (so common words stay common). The sample has only a few
 * thousand distinct words, so posting lists are longer than in a real archive of
 * that size: the timing is pessimistic.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { splitWords } from "../text/tokenize.ts";
import { relatedPapers, type RelatablePaper, type RelatedOptions } from "./related.ts";

const SAMPLE_DIGEST = new URL("../../content/digests/2025-08-20.txt", import.meta.url);

export interface BenchResult {
  papers: number;
  seconds: number;
  /** Mean number of related papers found per paper (at most 5). */
  meanRelated: number;
  /** Share of related papers built from the same seed paper: a sanity check of quality. */
  sameClusterShare: number;
}

/** A synthetic paper, remembering which sample paper it was built from. */
export interface SyntheticPaper extends RelatablePaper {
  cluster: number;
}

/** Small, fast, seedable PRNG (mulberry32), so every run builds the same corpus. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readSamplePapers(): { title: string[]; abstract: string[] }[] {
  const text = readFileSync(SAMPLE_DIGEST, "utf8");
  const paragraphs = text
    .slice(text.indexOf("\nAug 20\n") + "\nAug 20\n".length)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  const papers: { title: string[]; abstract: string[] }[] = [];
  for (let i = 0; i + 1 < paragraphs.length; i += 2) {
    papers.push({ title: splitWords(paragraphs[i] ?? ""), abstract: splitWords(paragraphs[i + 1] ?? "") });
  }
  return papers;
}

export function makeSyntheticCorpus(n: number, seed = 42): SyntheticPaper[] {
  const random = mulberry32(seed);
  const samples = readSamplePapers();
  const allWords = samples.flatMap((paper) => [...paper.title, ...paper.abstract]);
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)] ?? "";
  const compose = (own: readonly string[], length: number, ownShare: number) =>
    Array.from({ length }, () => (random() < ownShare ? pick(own) : pick(allWords))).join(" ");

  return Array.from({ length: n }, (_, index) => {
    const cluster = Math.floor(random() * samples.length);
    const seedPaper = samples[cluster] ?? { title: [], abstract: [] };
    return {
      id: `synthetic-${String(index).padStart(6, "0")}`,
      cluster,
      title: compose(seedPaper.title, 6 + Math.floor(random() * 8), 0.8),
      abstract: compose(seedPaper.abstract, 120 + Math.floor(random() * 120), 0.6),
    };
  });
}

export function benchRelated(n: number, options: RelatedOptions = {}): BenchResult {
  const corpus = makeSyntheticCorpus(n);
  const start = performance.now();
  const related = relatedPapers(corpus, 5, options);
  const seconds = (performance.now() - start) / 1000;
  const clusterOf = new Map(corpus.map((paper) => [paper.id, paper.cluster]));
  let total = 0;
  let sameCluster = 0;
  for (const [id, others] of related) {
    total += others.length;
    sameCluster += others.filter((other) => clusterOf.get(other) === clusterOf.get(id)).length;
  }
  return { papers: n, seconds, meanRelated: total / Math.max(1, related.size), sameClusterShare: sameCluster / Math.max(1, total) };
}

// Tiny runner: `npx tsx src/related/bench-related.ts [n ...]`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const n of sizes.length > 0 ? sizes : [1000, 30000]) {
    const result = benchRelated(n);
    console.log(
      `relatedPapers: ${result.papers} papers in ${result.seconds.toFixed(2)} s ` +
        `(mean ${result.meanRelated.toFixed(2)} related each, ${(100 * result.sameClusterShare).toFixed(1)}% from the same cluster)`,
    );
  }
}
