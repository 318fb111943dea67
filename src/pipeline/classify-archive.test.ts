import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDigest } from "../digest/parse-digest.ts";
import { mergePapers } from "../identity/merge-papers.ts";
import type { IdentifiedPaper } from "../model/types.ts";
import { classifyPaper } from "../topics/classify.ts";
import { compileTaxonomy } from "../topics/compile.ts";
import { loadTaxonomy } from "../topics/taxonomy.ts";
import { loadTopicModel } from "../topics/topic-model.ts";
import { SAMPLE_DIGEST } from "../../test/paths.ts";
import { classifyArchive } from "./classify-archive.ts";
import { topicKey } from "./topic-cache.ts";

const papers: IdentifiedPaper[] = mergePapers([parseDigest(fs.readFileSync(SAMPLE_DIGEST, "utf8"), SAMPLE_DIGEST).digest!]).map(
  (paper, index) => ({ ...paper, slug: `paper-${String(index).padStart(2, "0")}` }),
);
const taxonomy = loadTaxonomy();
const compiled = compileTaxonomy(taxonomy, loadTopicModel());
const inThisThread = papers.map((paper) => classifyPaper(paper, compiled));
const keyOf = (paper: IdentifiedPaper) => topicKey({ title: paper.title, abstract: paper.abstract, keywords: paper.card.keywords });

describe("classifyArchive", () => {
  it("classifies every paper once, on this thread for a small archive or a single core", async () => {
    for (const jobs of [1, 2]) {
      const { topics, topicsByKey, classified } = await classifyArchive(papers, { compiled, taxonomy, jobs });
      expect(topics).toEqual(inThisThread);
      expect(topicsByKey).toEqual(new Map(papers.map((paper, index) => [keyOf(paper), inThisThread[index]])));
      expect(classified).toBe(papers.length);
    }
  });

  it("finds on worker threads what this thread finds", async () => {
    const { topics } = await classifyArchive(papers, { compiled, taxonomy, jobs: 2 }, 1);
    expect(topics).toEqual(inThisThread);
  }, 60_000);

  it("takes an earlier build's topics for unchanged papers and classifies only the rest", async () => {
    const [changed, ...unchanged] = papers;
    const earlierTopics = new Map(unchanged.map((paper) => [keyOf(paper), ["robotics"]]));
    const { topics, classified } = await classifyArchive(papers, { compiled, taxonomy, jobs: 1, earlierTopics });
    expect(classified).toBe(1);
    expect(topics).toEqual([classifyPaper(changed!, compiled), ...unchanged.map(() => ["robotics"])]);
  });
});
