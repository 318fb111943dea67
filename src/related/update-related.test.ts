import { describe, expect, it } from "vitest";
import { relatedSearch, updateRelated, type RelatablePaper, type RelatedOptions, type RelatedState } from "./related.ts";

/** Small seeded generator (mulberry32): the archives are random but the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Specific words (rare in the real corpus, so they weigh and are indexed) and a few common ones.
const WORDS = [
  "zebra",
  "tokamak",
  "splatting",
  "quantization",
  "bandit",
  "grasping",
  "tactile",
  "protein",
  "folding",
  "diffusion",
  "retrieval",
  "speculative",
  "decoding",
  "sparse",
  "attention",
  "kernel",
  "lidar",
  "odometry",
  "chemistry",
  "molecule",
  "watermark",
  "jailbreak",
  "federated",
  "homomorphic",
  "compiler",
  "theorem",
  "prover",
  "tabular",
  "forecasting",
  "seismic",
  "model",
  "method",
  "results",
  "data",
  "learning",
];
const TOPICS = ["vision", "language", "robotics", "science", "other"];
/** Words no earlier paper has, which sort among WORDS: an update interns them after the kept ones. */
const NEW_WORDS = ["aardvark", "kelp", "moraine", "quasar", "zygote", "graphene", "basalt"];

/** `count` papers of random words; some share their whole text, so exact ties (broken by id) happen. */
function randomArchive(seed: number, count: number, prefix: string, vocabulary: readonly string[] = WORDS): RelatablePaper[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(vocabulary)).join(" ");
  const papers: RelatablePaper[] = [];
  for (let i = 0; i < count; i++) {
    const twin = papers.length > 0 && next() < 0.1 ? pick(papers) : undefined;
    const topics = next() < 0.2 ? [] : [...new Set([pick(TOPICS), ...(next() < 0.5 ? [pick(TOPICS)] : [])])];
    papers.push({
      // Ids not in arrival order, so that added papers fall between earlier ones.
      id: `${prefix}-${Math.floor(next() * 1e6).toString(36)}-${i}`,
      title: twin?.title ?? words(2 + Math.floor(next() * 4)),
      abstract: twin?.abstract ?? words(5 + Math.floor(next() * 20)),
      topics,
    });
  }
  return papers;
}

interface Case {
  name: string;
  seed: number;
  papers: number;
  /** How many papers each later day adds, applied one update after another. */
  days: number[];
  /** The words of the added papers (by default those of the archive). */
  dayWords?: readonly string[];
  k?: number;
  options?: RelatedOptions;
}

const cases: Case[] = [
  { name: "default settings, one day added", seed: 1, papers: 120, days: [15] },
  { name: "few candidates, so added papers evict kept ones", seed: 2, papers: 150, days: [10, 10, 10], options: { rescoreCandidates: 4 } },
  {
    name: "one query and indexed term",
    seed: 3,
    papers: 80,
    days: [5, 1],
    options: { queryTerms: 1, indexedTerms: 1, rescoreCandidates: 2 },
  },
  {
    name: "no similarity floor, no topic filter",
    seed: 4,
    papers: 100,
    days: [20],
    k: 8,
    options: { minSimilarity: 0, requireSharedTopic: false },
  },
  { name: "a day larger than the archive", seed: 5, papers: 10, days: [40], options: { rescoreCandidates: 6 } },
  {
    name: "more indexed than query terms",
    seed: 6,
    papers: 90,
    days: [9, 9],
    options: { indexedTerms: 30, queryTerms: 5, rescoreCandidates: 5 },
  },
  { name: "from an empty archive", seed: 7, papers: 0, days: [12] },
  { name: "added papers with words the archive lacks", seed: 8, papers: 100, days: [10, 6], dayWords: [...WORDS, ...NEW_WORDS] },
];

describe("updateRelated", () => {
  it.each(cases)("gives exactly what a clean search gives: $name", ({ seed, papers, days, dayWords, k = 5, options = {} }) => {
    let archive = randomArchive(seed, papers, "a");
    let state = relatedSearch(archive, k, options).state;
    let earlierListsChanged = 0;
    days.forEach((size, day) => {
      const before = new Map(relatedSearch(archive, k, options).related);
      archive = [...archive, ...randomArchive(seed * 100 + day, size, `d${day}`, dayWords)];
      const update = updateRelated(state, archive, k, options);
      const clean = relatedSearch(archive, k, options);
      expect(update.mode).toBe("incremental");
      expect(update.searched).toBe(size);
      expect(update.related).toEqual(clean.related);
      // Deep-equal, order included: Map equality ignores insertion order, lists do not.
      expect([...update.related]).toEqual([...clean.related]);
      expect(update.state).toEqual(clean.state);
      for (const [id, list] of before) if (JSON.stringify(update.related.get(id)) !== JSON.stringify(list)) earlierListsChanged++;
      state = update.state;
    });
    // The update did more than list the added papers: earlier lists took them in.
    if (papers > 0) expect(earlierListsChanged).toBeGreaterThan(0);
  });

  it("reuses the kept lists when no paper was added, and gives them in any input order", () => {
    const archive = randomArchive(11, 60, "a");
    const clean = relatedSearch(archive, 5);
    const again = updateRelated(clean.state, [...archive].reverse(), 5);
    expect(again).toMatchObject({ mode: "incremental", searched: 0, updated: 0 });
    expect([...again.related]).toEqual([...clean.related]);
  });

  const archive = randomArchive(12, 80, "a");
  const day = randomArchive(13, 8, "d");
  const state = relatedSearch(archive, 5).state;
  const first = archive[0]!;
  const fallbacks: { name: string; papers: RelatablePaper[]; k?: number; options?: RelatedOptions; reason: RegExp }[] = [
    {
      name: "a paper's title changed",
      papers: [{ ...first, title: `${first.title} zebra` }, ...archive.slice(1), ...day],
      reason: /changed/,
    },
    { name: "a paper's abstract changed", papers: [{ ...first, abstract: "tokamak" }, ...archive.slice(1), ...day], reason: /changed/ },
    { name: "a paper's topics changed", papers: [{ ...first, topics: ["robotics"] }, ...archive.slice(1), ...day], reason: /changed/ },
    { name: "a paper was removed", papers: [...archive.slice(1), ...day], reason: new RegExp(`"${first.id}" was removed`) },
    { name: "k changed", papers: [...archive, ...day], k: 3, reason: /settings/ },
    { name: "a setting changed", papers: [...archive, ...day], options: { minSimilarity: 0.2 }, reason: /settings/ },
  ];
  it.each(fallbacks)("searches everything again when $name", ({ papers, k = 5, options = {}, reason }) => {
    const update = updateRelated(state, papers, k, options);
    expect(update.mode).toBe("full");
    expect(update.fallback).toMatch(reason);
    expect(update.searched).toBe(papers.length);
    expect([...update.related]).toEqual([...relatedSearch(papers, k, options).related]);
  });

  it("tells a changed paper by the text key its caller gives, when given, rather than by its text", () => {
    const keyed = (papers: readonly RelatablePaper[]) => papers.map((paper) => ({ ...paper, textKey: `${paper.title}|${paper.abstract}` }));
    const keyedState = relatedSearch(keyed(archive), 5).state;
    const update = updateRelated(keyedState, keyed([...archive, ...day]), 5);
    expect(update).toMatchObject({ mode: "incremental", searched: day.length });
    expect([...update.related]).toEqual([...relatedSearch([...archive, ...day], 5).related]);
    // The same key over another text: the key is what the update goes by.
    const sameKey = { ...keyed([first])[0]!, title: `${first.title} zebra` };
    expect(updateRelated(keyedState, [sameKey, ...keyed([...archive.slice(1), ...day])], 5).mode).toBe("incremental");
    const newKey = { ...sameKey, textKey: `${sameKey.title}|${sameKey.abstract}` };
    const changed = updateRelated(keyedState, [newKey, ...keyed([...archive.slice(1), ...day])], 5);
    expect(changed.fallback).toMatch(new RegExp(`"${first.id}" changed`));
    // A state made from the texts themselves is not one made from keys.
    expect(updateRelated(state, keyed([...archive, ...day]), 5).fallback).toMatch(/changed/);
  });

  it("reads earlier papers' vectors from the kept state rather than counting them again", () => {
    const kept = relatedSearch(archive, 5).state;
    // A state whose vectors for two papers were swapped (which the signatures rule out in a real state):
    // the update's lists follow the kept vectors, so the kept vectors are what it used.
    const honest = updateRelated(kept, [...archive, ...day], 5);
    const misled = updateRelated(swapVectors(kept, 0, 1), [...archive, ...day], 5);
    expect(misled.mode).toBe("incremental");
    expect([...misled.related]).not.toEqual([...honest.related]);
  });

  it("keeps each term once, in string order, and each paper's terms in that order", () => {
    const { vocabulary, vectors } = updateRelated(state, [...archive, ...randomArchive(14, 6, "n", NEW_WORDS)], 5).state;
    expect(vocabulary).toEqual([...new Set(vocabulary)].sort());
    expect(vocabulary).toEqual(expect.arrayContaining(NEW_WORDS.map((word) => expect.stringMatching(new RegExp(`^${word.slice(0, 4)}`)))));
    for (let doc = 0; doc + 1 < vectors.offsets.length; doc++) {
      const terms = [...vectors.terms.subarray(vectors.offsets[doc], vectors.offsets[doc + 1])];
      expect(terms).toEqual([...terms].sort((a, b) => a - b));
      expect(new Set(terms).size).toBe(terms.length);
    }
  });

  it("searches everything when there is no kept state", () => {
    const update = updateRelated(undefined, archive, 5);
    expect(update).toMatchObject({ mode: "full", searched: archive.length });
    expect(update.fallback).toBeUndefined();
  });
});

/** `state` with papers `a` and `b`'s vectors and search terms exchanged. */
function swapVectors(state: RelatedState, a: number, b: number): RelatedState {
  const { offsets, terms, weights, rankedOffsets, ranked } = state.vectors;
  const papers = offsets.length - 1;
  const order = Array.from({ length: papers }, (_, doc) => (doc === a ? b : doc === b ? a : doc));
  const pick = <T extends Int32Array | Float64Array>(values: T, bounds: Int32Array, make: (items: number[]) => T) =>
    make(order.flatMap((doc) => [...values.subarray(bounds[doc], bounds[doc + 1])]));
  const bounds = (of: Int32Array) => {
    const next = new Int32Array(papers + 1);
    order.forEach((doc, position) => (next[position + 1] = next[position]! + of[doc + 1]! - of[doc]!));
    return next;
  };
  return {
    ...state,
    vectors: {
      offsets: bounds(offsets),
      terms: pick(terms, offsets, (items) => Int32Array.from(items)),
      weights: pick(weights, offsets, (items) => Float64Array.from(items)),
      rankedOffsets: bounds(rankedOffsets),
      ranked: pick(ranked, rankedOffsets, (items) => Int32Array.from(items)),
    },
  };
}
