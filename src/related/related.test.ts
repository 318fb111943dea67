import { describe, expect, it } from "vitest";
import { relatedPapers, type RelatablePaper } from "./related.ts";

const corpus: RelatablePaper[] = [
  {
    id: "quant-a",
    title: "Post-training quantization of transformers",
    abstract: "We quantize weights and activations to 4-bit integers with outlier handling.",
  },
  {
    id: "quant-b",
    title: "Quantized transformers with low-bit integers",
    abstract: "Weight and activation quantization to 4-bit for fast inference; outliers are handled.",
  },
  {
    id: "quant-c",
    title: "Mixed-precision quantization search",
    abstract: "Choosing bit widths per layer for integer quantization of convolutional networks.",
  },
  {
    id: "bandit-a",
    title: "Regret bounds for multi-armed bandits",
    abstract: "We prove tight regret lower bounds for stochastic bandits with many arms.",
  },
  {
    id: "bandit-b",
    title: "Streaming multi-armed bandits",
    abstract: "Regret minimisation for bandits when arms arrive in a stream with limited memory.",
  },
  {
    id: "robot-a",
    title: "Robot grasping from tactile feedback",
    abstract: "A robot arm learns grasping of household objects using tactile sensors.",
  },
  { id: "lonely", title: "Medieval tax records", abstract: "Parish ledgers and tithe accounting in the fourteenth century." },
];

describe("relatedPapers", () => {
  const related = relatedPapers(corpus, 2);

  it("ranks the obviously related papers first", () => {
    expect(related.get("quant-a")).toEqual(["quant-b", "quant-c"]);
    expect(related.get("quant-b")?.[0]).toBe("quant-a");
    expect(related.get("bandit-a")?.[0]).toBe("bandit-b");
    expect(related.get("bandit-b")?.[0]).toBe("bandit-a");
  });

  it("has an entry for every paper and never lists a paper as related to itself", () => {
    expect([...related.keys()].sort()).toEqual(corpus.map((paper) => paper.id).sort());
    for (const [id, others] of related) expect(others).not.toContain(id);
  });

  it("returns at most k papers, and none when nothing shares a word", () => {
    for (const others of related.values()) expect(others.length).toBeLessThanOrEqual(2);
    expect(related.get("lonely")).toEqual([]);
    expect(relatedPapers(corpus, 0).get("quant-a")).toEqual([]);
  });

  it("is deterministic and independent of input order", () => {
    const again = relatedPapers(corpus, 2);
    const shuffled = relatedPapers([...corpus].reverse(), 2);
    for (const paper of corpus) {
      expect(again.get(paper.id)).toEqual(related.get(paper.id));
      expect(shuffled.get(paper.id)).toEqual(related.get(paper.id));
    }
  });

  it("breaks exact ties by id", () => {
    const twins = [
      { id: "b", title: "Sparse attention kernels", abstract: "" },
      { id: "c", title: "Sparse attention kernels", abstract: "" },
      { id: "a", title: "Sparse attention kernels", abstract: "" },
    ];
    const result = relatedPapers(twins, 5);
    expect(result.get("a")).toEqual(["b", "c"]);
    expect(result.get("b")).toEqual(["a", "c"]);
    expect(result.get("c")).toEqual(["a", "b"]);
  });

  it("weights shared title words above shared abstract words", () => {
    const papers = [
      { id: "query", title: "Speculative decoding", abstract: "Draft tokens." },
      // Same words, placed in the title of one paper and the abstract of the other.
      { id: "abstract-match", title: "Verifying guesses", abstract: "Speculative decoding." },
      { id: "title-match", title: "Speculative decoding", abstract: "Verifying guesses." },
    ];
    expect(relatedPapers(papers, 2).get("query")).toEqual(["title-match", "abstract-match"]);
  });

  it("does not link papers through words common in the real corpus", () => {
    const papers = Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      title: "We propose a novel method and show results",
      abstract: `topic${i}`,
    }));
    papers.push(
      { id: "z1", title: "We propose a novel method and show results", abstract: "zebra" },
      { id: "z2", title: "", abstract: "zebra" },
    );
    const result = relatedPapers(papers, 3);
    expect(result.get("p0")).toEqual([]);
    expect(result.get("z1")).toEqual(["z2"]);
  });

  it("weighs words by the shipped corpus IDF, so a small archive cannot make a filler word weigh", () => {
    // On these two papers alone, archive-counted IDF would make "successfully" as rare as "tokamak".
    const papers = [
      {
        id: "q",
        title: "Plasma control in a tokamak",
        abstract: "Tokamak plasma discharges: we successfully show significant improvements in their control.",
      },
      { id: "filler", title: "Image captioning", abstract: "We successfully show significant improvements." },
      { id: "topical", title: "Tokamak plasma disruption prediction", abstract: "Forecasting disruptions." },
    ];
    expect(relatedPapers(papers, 5).get("q")?.[0]).toBe("topical");
    expect(relatedPapers(papers, 5, { minSimilarity: 0.15 }).get("q")).toEqual(["topical"]);
  });

  it("lists only papers above the minimum similarity, so a list may be short or empty", () => {
    const papers = [
      { id: "q", title: "Speculative decoding with draft models", abstract: "Draft tokens verified in parallel." },
      { id: "near", title: "Draft models for speculative decoding", abstract: "Verifying draft tokens in parallel." },
      { id: "far", title: "Protein folding", abstract: "Structures of proteins and a parallel pipeline." },
    ];
    expect(relatedPapers(papers, 5).get("q")).toEqual(["near"]);
    expect(relatedPapers(papers, 5, { minSimilarity: 0 }).get("q")).toEqual(["near", "far"]);
    expect(relatedPapers(papers, 5, { minSimilarity: 1.01 }).get("q")).toEqual([]);
  });

  it("gives a paper's similarity to another from those two papers alone", () => {
    const pair = [
      { id: "a", title: "Gaussian splatting for dynamic scenes", abstract: "Splatting dynamic scenes in real time." },
      { id: "b", title: "Dynamic Gaussian splatting", abstract: "Real-time splatting of dynamic scenes." },
    ];
    const noise = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, title: `Gaussian process regression ${i}`, abstract: "Kernels." }));
    expect(relatedPapers(pair, 1).get("a")).toEqual(["b"]);
    expect(relatedPapers([...pair, ...noise], 1).get("a")).toEqual(["b"]);
  });

  it("ranks a paper sharing the main topic above an equally similar one, and lists only papers sharing a topic", () => {
    const papers = [
      { id: "q", title: "Sparse attention kernels", abstract: "", topics: ["llm-inference"] },
      { id: "other-topic", title: "Sparse attention kernels", abstract: "", topics: ["architectures"] },
      { id: "same-topic", title: "Sparse attention kernels", abstract: "", topics: ["llm-inference", "architectures"] },
      { id: "shared-topic", title: "Sparse attention kernels", abstract: "", topics: ["distributed-systems", "llm-inference"] },
    ];
    expect(relatedPapers(papers, 3, { requireSharedTopic: false }).get("q")).toEqual(["same-topic", "shared-topic", "other-topic"]);
    // By default a paper on another subject is not listed, however similar its words.
    expect(relatedPapers(papers, 3).get("q")).toEqual(["same-topic", "shared-topic"]);
    // Without topics, equal similarity falls back to id order.
    expect(
      relatedPapers(
        papers.map(({ topics: _, ...paper }) => paper),
        3,
      ).get("q"),
    ).toEqual(["other-topic", "same-topic", "shared-topic"]);
  });

  it("finds a paper only through the terms that characterise it best, whatever else the archive holds", () => {
    const papers = [
      { id: "q", title: "Zebra stripes", abstract: "" },
      { id: "strong", title: "Zebra", abstract: "" }, // zebra is all this paper is about
      { id: "weak", title: "Zebra herds, lions, savanna, migration", abstract: "" },
    ];
    expect(relatedPapers(papers, 5).get("q")).toEqual(["strong", "weak"]);
    // Indexed by its one best term, "weak" is no longer found through "zebra"; "strong" still is.
    expect(relatedPapers(papers, 5, { indexedTerms: 1 }).get("q")).toEqual(["strong"]);
  });

  it("rejects duplicate ids and invalid k", () => {
    expect(() => relatedPapers([corpus[0]!, corpus[0]!])).toThrow(/duplicate paper id "quant-a"/);
    expect(() => relatedPapers(corpus, -1)).toThrow(/k must be/);
  });
});
