import { describe, expect, it } from "vitest";
import { mergePapers } from "./merge-papers.ts";
import type { Digest, DigestEntry } from "../model/types.ts";

const abstractA = "We study sparse attention for long contexts and show that learned routing matches dense attention on retrieval benchmarks.";
const abstractB = "A survey of protein folding methods with equivariant networks, covering datasets, metrics and open problems in structure prediction.";

const entry = (title: string, abstract: string, card: DigestEntry["card"] = {}): DigestEntry => ({ title, abstract, line: 1, card, authors: [] });
const digest = (date: string, ...entries: DigestEntry[]): Digest => ({ file: `${date}.txt`, date, entries });

describe("mergePapers", () => {
  it("makes one paper of the same title on several days, listing every date oldest first", () => {
    const papers = mergePapers([digest("2025-08-22", entry("Sparse Routing!", abstractA)), digest("2025-08-20", entry("sparse  routing", abstractA))]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.appearances).toEqual([
      { date: "2025-08-20", position: 0 },
      { date: "2025-08-22", position: 0 },
    ]);
    expect(papers[0]?.title).toBe("sparse  routing");
  });

  it("makes one paper of the same arXiv id under different titles", () => {
    const papers = mergePapers([
      digest("2025-08-20", entry("Old Title", abstractA, { arxivId: "2508.00001" })),
      digest("2025-08-21", entry("A Renamed Title", abstractA, { arxivId: "2508.00001", upvotes: 9 })),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.card).toEqual({ arxivId: "2508.00001", upvotes: 9 });
  });

  it("keeps two emoji-only titles with similar abstracts apart instead of merging them as the empty title", () => {
    const papers = mergePapers([digest("2025-08-20", entry("🤗🚀", abstractA)), digest("2025-08-21", entry("🧪🔬", abstractA))]);
    expect(papers.map((paper) => paper.title)).toEqual(["🤗🚀", "🧪🔬"]);
  });

  it("keeps two papers that share a title but have clearly different abstracts", () => {
    const papers = mergePapers([digest("2025-08-20", entry("Attention Is All You Need", abstractA)), digest("2025-08-21", entry("Attention is all you need", abstractB))]);
    expect(papers).toHaveLength(2);
  });

  it("keeps two papers apart when their arXiv ids differ, whatever the abstracts", () => {
    const papers = mergePapers([
      digest("2025-08-20", entry("Same", abstractA, { arxivId: "2508.00001" })),
      digest("2025-08-21", entry("Same", abstractA, { arxivId: "2508.00002" })),
    ]);
    expect(papers).toHaveLength(2);
  });

  it("counts a day split over two files once, in file order", () => {
    const papers = mergePapers([
      { file: "2025-08-20-extra.txt", date: "2025-08-20", entries: [entry("Second", abstractB), entry("Again", abstractA)] },
      { file: "2025-08-20.txt", date: "2025-08-20", entries: [entry("Again", abstractA)] },
    ]);
    expect(papers.map((paper) => [paper.title, paper.appearances])).toEqual([
      ["Again", [{ date: "2025-08-20", position: 0 }]],
      ["Second", [{ date: "2025-08-20", position: 1 }]],
    ]);
  });
});
