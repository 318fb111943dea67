import { describe, expect, it } from "vitest";
import { entryKeys, mergePapers } from "./merge-papers.ts";
import type { Digest, DigestEntry } from "../model/types.ts";

const abstractA =
  "We study sparse attention for long contexts and show that learned routing matches dense attention on retrieval benchmarks.";
const abstractB =
  "A survey of protein folding methods with equivariant networks, covering datasets, metrics and open problems in structure prediction.";

const entry = (title: string, abstract: string, card: DigestEntry["card"] = {}): DigestEntry => ({
  title,
  abstract,
  line: 1,
  card,
  authors: [],
});
const digest = (date: string, ...entries: DigestEntry[]): Digest => ({ file: `${date}.txt`, date, entries });

describe("mergePapers", () => {
  it("makes one paper of the same title on several days, listing every date oldest first", () => {
    const papers = mergePapers([
      digest("2025-08-22", entry("Sparse Routing!", abstractA)),
      digest("2025-08-20", entry("sparse  routing", abstractA)),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.appearances).toEqual([
      { date: "2025-08-20", position: 0 },
      { date: "2025-08-22", position: 0 },
    ]);
    // Digests are read oldest first and the latest text wins.
    expect(papers[0]?.title).toBe("Sparse Routing!");
  });

  it("compares entries by the keys it is given (a build's kept ones), the same as by those it makes", () => {
    const digests = [digest("2025-08-20", entry("Sparse Routing", abstractA)), digest("2025-08-22", entry("Protein Folding", abstractB))];
    expect(mergePapers(digests, (day) => day.entries.map(entryKeys))).toEqual(mergePapers(digests));
    // Keys saying the two entries are one title with one abstract: they are taken at their word.
    const same = entryKeys({ title: "Sparse Routing", abstract: abstractA });
    expect(mergePapers(digests, (day) => day.entries.map(() => same))).toHaveLength(1);
  });

  it("shows a title corrected in a later digest (the same arXiv id)", () => {
    const papers = mergePapers([
      digest("2025-08-20", entry("Stochastic Gradeint Descent, Revisited", abstractA, { arxivId: "2508.00001" })),
      digest("2025-08-21", entry("Stochastic Gradient Descent, Revisited", abstractA, { arxivId: "2508.00001" })),
    ]);
    expect(papers.map((paper) => paper.title)).toEqual(["Stochastic Gradient Descent, Revisited"]);
  });

  it.each([
    ["a typo fixed (letters swapped)", "Stochastic Gradeint Descent, Revisited", "Stochastic Gradient Descent, Revisited"],
    ["one word changed", "Sparse Routing for Long Context", "Sparse Routing for Long Contexts"],
    ["an accent lost in re-encoding", "Naïve Bayes at Scale", "Na?ve Bayes at Scale"],
  ])("makes one paper of the same abstract under a title with %s, without arXiv ids", (_, before, after) => {
    const papers = mergePapers([digest("2025-08-20", entry(before, abstractA)), digest("2025-08-21", entry(after, abstractA))]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.title).toBe(after);
    expect(papers[0]?.appearances.map((appearance) => appearance.date)).toEqual(["2025-08-20", "2025-08-21"]);
  });

  it("keeps papers apart that share an abstract but not a title (a copy-paste mistake is not a typo)", () => {
    const papers = mergePapers([
      digest("2025-08-20", entry("Sparse Routing", abstractA)),
      digest("2025-08-21", entry("Protein Folding Survey", abstractA)),
    ]);
    expect(papers).toHaveLength(2);
  });

  it("makes one paper of the same title with a shortened abstract, and keeps the fuller abstract", () => {
    const full = `${abstractA} We also prove a matching lower bound and release code for every experiment reported here.`;
    const shortened = "We study sparse attention for long contexts.";
    const papers = mergePapers([
      digest("2025-08-20", entry("Sparse Routing", full)),
      digest("2025-08-21", entry("Sparse Routing", shortened)),
    ]);
    expect(papers).toHaveLength(1);
    expect(papers[0]?.abstract).toBe(full);
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
    const papers = mergePapers([
      digest("2025-08-20", entry("Attention Is All You Need", abstractA)),
      digest("2025-08-21", entry("Attention is all you need", abstractB)),
    ]);
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
