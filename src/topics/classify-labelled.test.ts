/**
 * Accuracy of the shipped taxonomy against hand labels for the sample digest,
 * by its rules alone (which were tuned on this day) and with the trained model
 * the build uses (which never saw it).
 *
 * Metrics (printed, and asserted):
 * - precision: micro precision, predicted topics that are in the paper's expected
 *   set / all predicted topics;
 * - recall: "primary recall", the share of papers whose first (main) expected
 *   topic is among the predicted ones;
 * - first topic: the share of papers whose first predicted topic is the main
 *   expected one (printed, and asserted). Micro recall over all expected topics is
 *   printed for information only: labels list up to 3 topics while the
 *   classifier deliberately returns only topics close to the best one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { classifyPaper } from "./classify.ts";
import { compileTaxonomy, type CompiledTaxonomy } from "./compile.ts";
import { loadTaxonomy } from "./taxonomy.ts";
import { loadTopicModel } from "./topic-model.ts";

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

const taxonomy = loadTaxonomy(repoFile("content/topics.yaml").pathname);
const abstractByTitle = readSampleDigest();
const { papers } = labelledSchema.parse(parse(readFileSync(repoFile("test/fixtures/topics-labelled.yaml"), "utf8")));

function agreement(compiled: CompiledTaxonomy, label: string) {
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
  const result = {
    precision: predictedCorrect / predictedCount,
    primaryRecall: primaryRecalled / papers.length,
    firstTopic: firstRight / papers.length,
  };
  console.log(
    `topics on ${papers.length} labelled papers, ${label}: precision ${result.precision.toFixed(3)}, ` +
      `primary recall ${result.primaryRecall.toFixed(3)}, first topic ${result.firstTopic.toFixed(3)}, ` +
      `micro recall ${(expectedFound / expectedCount).toFixed(3)}, ${(predictedCount / papers.length).toFixed(2)} topics per paper`,
  );
  return result;
}

describe("classifyPaper on the labelled sample digest", () => {
  it("only uses slugs that exist in the taxonomy", () => {
    const slugs = new Set(taxonomy.topics.map((topic) => topic.slug));
    expect(papers.flatMap((paper) => paper.topics).filter((slug) => !slugs.has(slug))).toEqual([]);
  });

  it("by the rules alone (tuned on this day): precision and recall of at least 0.8, the right first topic for 7 papers in 10", () => {
    const result = agreement(compileTaxonomy(taxonomy), "rules alone");
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.primaryRecall).toBeGreaterThanOrEqual(0.8);
    expect(result.firstTopic).toBeGreaterThanOrEqual(0.7);
  });

  // The model never saw this day, and it is mostly theory and systems work, rare in the real stream the
  // model learnt from. Floors a little under the measured values (0.847, 0.687, 0.642).
  it("with the trained model: precision of at least 0.8, and the right first topic for 6 papers in 10", () => {
    const result = agreement(compileTaxonomy(taxonomy, loadTopicModel()), "trained model");
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
    expect(result.primaryRecall).toBeGreaterThanOrEqual(0.65);
    expect(result.firstTopic).toBeGreaterThanOrEqual(0.6);
  });
});
