/**
 * Accuracy of the shipped taxonomy against hand labels for the sample digest.
 *
 * Metrics (printed, and asserted >= 0.8):
 * - precision: micro precision, predicted topics that are in the paper's expected
 *   set / all predicted topics;
 * - recall: "primary recall", the share of papers whose first (main) expected
 *   topic is among the predicted ones;
 * - first topic: the share of papers whose first predicted topic is the main
 *   expected one (printed, and asserted >= 0.7). Micro recall over all expected topics is
 *   printed for information only: labels list up to 3 topics while the
 *   classifier deliberately returns only topics close to the best one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { classifyPaper } from "./classify.ts";
import { compileTaxonomy } from "./compile.ts";
import { loadTaxonomy } from "./taxonomy.ts";

const repoFile = (path: string) => new URL(`../../${path}`, import.meta.url);

/** The sample digest: after the "Aug 20" line, paragraphs alternate title and abstract. */
function readSampleDigest(): Map<string, string> {
  const text = readFileSync(repoFile("content/digests/2025-08-20.txt"), "utf8");
  const paragraphs = text
    .slice(text.indexOf("\nAug 20\n") + "\nAug 20\n".length)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  const abstractByTitle = new Map<string, string>();
  for (let index = 0; index + 1 < paragraphs.length; index += 2) {
    abstractByTitle.set(paragraphs[index] ?? "", paragraphs[index + 1] ?? "");
  }
  return abstractByTitle;
}

const labelledSchema = z.object({
  papers: z.array(z.object({ title: z.string(), topics: z.array(z.string()).min(1).max(3) })).min(60),
});

describe("classifyPaper on the labelled sample digest", () => {
  const taxonomy = loadTaxonomy(repoFile("content/topics.yaml").pathname);
  const compiled = compileTaxonomy(taxonomy);
  const abstractByTitle = readSampleDigest();
  const { papers } = labelledSchema.parse(parse(readFileSync(repoFile("test/fixtures/topics-labelled.yaml"), "utf8")));

  it("only uses slugs that exist in the taxonomy", () => {
    const slugs = new Set(taxonomy.topics.map((topic) => topic.slug));
    expect(papers.flatMap((paper) => paper.topics).filter((slug) => !slugs.has(slug))).toEqual([]);
  });

  it("reaches precision and recall of at least 0.8, and the right first topic for 7 papers in 10", () => {
    let predictedCount = 0;
    let predictedCorrect = 0;
    let primaryRecalled = 0;
    let firstRight = 0;
    let expectedCount = 0;
    let expectedFound = 0;
    for (const paper of papers) {
      const abstract = abstractByTitle.get(paper.title);
      expect(abstract, `labelled title not in the sample digest: ${paper.title}`).toBeDefined();
      const predicted = classifyPaper({ title: paper.title, abstract: abstract ?? "" }, compiled);
      predictedCount += predicted.length;
      predictedCorrect += predicted.filter((slug) => paper.topics.includes(slug)).length;
      if (predicted.includes(paper.topics[0] ?? "")) primaryRecalled++;
      if (predicted[0] === paper.topics[0]) firstRight++;
      expectedCount += paper.topics.length;
      expectedFound += paper.topics.filter((slug) => predicted.includes(slug)).length;
    }
    const precision = predictedCorrect / predictedCount;
    const primaryRecall = primaryRecalled / papers.length;
    const microRecall = expectedFound / expectedCount;
    const firstTopic = firstRight / papers.length;
    console.log(
      `topics on ${papers.length} labelled papers: precision ${precision.toFixed(3)}, ` +
        `primary recall ${primaryRecall.toFixed(3)}, first topic ${firstTopic.toFixed(3)}, micro recall ${microRecall.toFixed(3)}, ` +
        `${(predictedCount / papers.length).toFixed(2)} topics per paper`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(primaryRecall).toBeGreaterThanOrEqual(0.8);
    expect(firstTopic).toBeGreaterThanOrEqual(0.7);
  });
});
