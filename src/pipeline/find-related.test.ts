import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDigest } from "../digest/parse-digest.ts";
import { mergePapers } from "../identity/merge-papers.ts";
import type { IdentifiedPaper } from "../model/types.ts";
import { relatedPapers } from "../related/related.ts";
import { SAMPLE_DIGEST } from "../../test/paths.ts";
import { findRelated, RELATED_COUNT } from "./find-related.ts";

const papers: (IdentifiedPaper & { topics: string[] })[] = mergePapers([
  parseDigest(fs.readFileSync(SAMPLE_DIGEST, "utf8"), SAMPLE_DIGEST).digest!,
]).map((paper, index) => ({
  ...paper,
  slug: `paper-${String(index).padStart(2, "0")}`,
  topics: [],
}));
const inThisThread = relatedPapers(
  papers.map((paper) => ({ id: paper.slug, title: paper.title, abstract: paper.abstract, topics: paper.topics })),
  RELATED_COUNT,
);

describe("findRelated", () => {
  it("finds on a worker thread what this thread finds", async () => {
    const found = await findRelated(papers, 2, 1);
    expect(found).toEqual(inThisThread);
    expect([...found.values()].some((related) => related.length === RELATED_COUNT)).toBe(true);
  });

  it("gives the same answer on this thread, for a small archive or a single core", async () => {
    expect(await findRelated(papers, 2)).toEqual(inThisThread);
    expect(await findRelated(papers, 1, 1)).toEqual(inThisThread);
  });
});
