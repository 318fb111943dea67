/**
 * `npm run eval:related`: precision at 5 of related papers on the labelled real
 * papers (test/fixtures/topics-labelled-real.yaml), used as a small archive.
 * A listed paper counts as related when researchers gave it the same main
 * topic as the query paper. Topics for the boost come from the classifier, as
 * in a build. Also times related papers over the 45,904 real abstracts.
 *
 *   npm run eval:related [-- --half held-out|tune|all] [--no-corpus] [--show N] [--min-similarity X] ...
 */
import { parseArgs } from "node:util";
import { relatedPapers, type RelatablePaper } from "../src/related/related.ts";
import { classifyPaper } from "../src/topics/classify.ts";
import { compileTaxonomy } from "../src/topics/compile.ts";
import { loadTopicModel } from "../src/topics/topic-model.ts";
import { loadTaxonomy } from "../src/topics/taxonomy.ts";
import { isHeldOut, readLabelledPapers } from "./topics/labelled-set.ts";
import { readArxivAbstracts } from "./topics/real-material.ts";

const { values: args } = parseArgs({
  options: {
    half: { type: "string", default: "all" },
    "no-corpus": { type: "boolean", default: false },
    show: { type: "string", default: "0" },
    "min-similarity": { type: "string" },
    "same-main-topic-boost": { type: "string" },
    "shared-topic-boost": { type: "string" },
  },
});
const options = {
  ...(args["min-similarity"] ? { minSimilarity: Number(args["min-similarity"]) } : {}),
  ...(args["same-main-topic-boost"] ? { sameMainTopicBoost: Number(args["same-main-topic-boost"]) } : {}),
  ...(args["shared-topic-boost"] ? { sharedTopicBoost: Number(args["shared-topic-boost"]) } : {}),
};
const compiled = compileTaxonomy(loadTaxonomy(), loadTopicModel());
const labelled = readLabelledPapers().filter((paper) => args.half === "all" || isHeldOut(paper) === (args.half === "held-out"));
const byId = new Map(labelled.map((paper) => [paper.id, paper]));
const relatable: RelatablePaper[] = labelled.map((paper) => ({
  id: paper.id,
  title: paper.title,
  abstract: paper.abstract,
  topics: classifyPaper(paper, compiled),
}));
const related = relatedPapers(relatable, 5, options);

let listed = 0;
let right = 0;
let empty = 0;
let emptyWithPeers = 0;
let listsWithNoneRelated = 0;
const shown: string[] = [];
for (const paper of labelled) {
  const list = related.get(paper.id) ?? [];
  const main = paper.topics[0];
  const peers = labelled.filter((other) => other.id !== paper.id && other.topics[0] === main).length;
  const hits = list.filter((id) => byId.get(id)?.topics[0] === main).length;
  listed += list.length;
  right += hits;
  if (list.length === 0) {
    empty++;
    if (peers > 0) emptyWithPeers++;
  } else if (hits === 0) listsWithNoneRelated++;
  if (shown.length < Number(args.show)) {
    shown.push(
      `${paper.topics[0]} | ${paper.title.slice(0, 100)}\n${list.map((id) => `    ${byId.get(id)!.topics[0]} | ${byId.get(id)!.title.slice(0, 100)}`).join("\n")}`,
    );
  }
}
console.log(`related papers among ${labelled.length} labelled real papers (${args.half}): ${JSON.stringify(options)}`);
console.log(`precision at 5: ${(right / Math.max(1, listed)).toFixed(3)} (${right}/${listed} listed papers share the main topic)`);
console.log(
  `${(listed / labelled.length).toFixed(2)} papers a list; ${empty} empty lists (${emptyWithPeers} of them with a same-topic paper in the set); ` +
    `${listsWithNoneRelated} non-empty lists with no related paper`,
);
if (shown.length) console.log(shown.join("\n"));

if (!args["no-corpus"]) {
  const corpus = readArxivAbstracts();
  let started = performance.now();
  const withTopics = corpus.map((paper) => ({ ...paper, topics: classifyPaper(paper, compiled) }));
  const classifySeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const corpusRelated = relatedPapers(withTopics, 5, options);
  const seconds = (performance.now() - started) / 1000;
  const lengths = [...corpusRelated.values()].map((list) => list.length);
  console.log(
    `\n45,904 real abstracts: topics in ${classifySeconds.toFixed(1)} s, related papers in ${seconds.toFixed(1)} s; ` +
      `${(lengths.reduce((a, b) => a + b, 0) / lengths.length).toFixed(2)} papers a list, ${lengths.filter((n) => n === 0).length} empty lists`,
  );
}
