/**
 * The classifier on the 480 labelled real papers (test/fixtures/topics-labelled-real.yaml).
 * The held-out half was never used for tuning; `npm run eval:topics` reports on it in full.
 * These floors sit a little under the measured values (held-out: first topic 0.60, every assigned
 * topic 0.68), so a change that makes the classifier clearly worse fails here.
 */
import { describe, expect, it } from "vitest";
import { isHeldOut, readLabelledPapers } from "../../tools/topics/labelled-set.ts";
import { classifyPaper } from "./classify.ts";
import { compileTaxonomy } from "./compile.ts";
import { loadTaxonomy } from "./taxonomy.ts";

describe("classifyPaper on the labelled real papers", () => {
  const taxonomy = loadTaxonomy();
  const compiled = compileTaxonomy(taxonomy);
  const papers = readLabelledPapers();

  it("holds at least 400 papers, labelled with slugs of the taxonomy, split about in half by id", () => {
    expect(papers.length).toBeGreaterThanOrEqual(400);
    const slugs = new Set(taxonomy.topics.map((topic) => topic.slug));
    expect(papers.flatMap((paper) => paper.topics).filter((slug) => !slugs.has(slug))).toEqual([]);
    const heldOut = papers.filter((paper) => isHeldOut(paper.id)).length;
    expect(heldOut / papers.length).toBeGreaterThan(0.4);
    expect(heldOut / papers.length).toBeLessThan(0.6);
    expect(papers.filter((paper) => isHeldOut(paper.id)).map((paper) => paper.id)).toEqual(
      readLabelledPapers()
        .filter((paper) => isHeldOut(paper.id))
        .map((paper) => paper.id),
    );
  });

  it.each([
    ["held-out", true, 0.55, 0.6],
    ["tune", false, 0.65, 0.68],
  ])("keeps the %s half's first topic and assigned topics above their floors", (_half, heldOut, firstFloor, precisionFloor) => {
    const half = papers.filter((paper) => isHeldOut(paper.id) === heldOut);
    let first = 0;
    let assigned = 0;
    let right = 0;
    for (const paper of half) {
      const predicted = classifyPaper(paper, compiled);
      if (predicted[0] === paper.topics[0]) first++;
      assigned += predicted.length;
      right += predicted.filter((slug) => paper.topics.includes(slug)).length;
    }
    expect(first / half.length).toBeGreaterThanOrEqual(firstFloor);
    expect(right / assigned).toBeGreaterThanOrEqual(precisionFloor);
  });
});
