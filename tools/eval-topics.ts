/**
 * `npm run eval:topics`: how well the topic classifier agrees with researchers'
 * labels on the held-out half of the labelled real papers, and how it spreads
 * the real stream over topics.
 *
 *   npm run eval:topics [-- --half held-out|tune|all] [--taxonomy FILE] [--map-slugs-from FILE] [--no-keywords] [--rules-only]
 *
 * --rules-only classifies by the taxonomy rules alone, without the trained topic model (src/topics/topic-model.json).
 *
 * --labelled-only skips the distributions (quicker while tuning on --half tune).
 * --map-slugs-from reads the `replaces` lists of another taxonomy file and maps
 * predicted old slugs to their new topics: it scores an older taxonomy against
 * the new labels. --no-keywords ignores Hugging Face ai_keywords (plain text only).
 *
 * Reported: first topic accuracy; precision over every assigned topic, and the
 * share of papers all of whose assigned topics are right; per-topic precision
 * and recall; the confusion between the five largest topics (by main label);
 * the share of papers per topic over the 45,904 real arXiv abstracts and the
 * 24 real Hugging Face days, with the time classification took.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { classifyPaper } from "../src/topics/classify.ts";
import { compileTaxonomy } from "../src/topics/compile.ts";
import { DEFAULT_TAXONOMY_FILE, loadTaxonomy } from "../src/topics/taxonomy.ts";
import { loadTopicModel } from "../src/topics/topic-model.ts";
import { isHeldOut, readLabelledPapers } from "./topics/labelled-set.ts";
import { readArxivAbstracts, readHfDays, type RealPaper } from "./topics/real-material.ts";

const { values: args } = parseArgs({
  options: {
    half: { type: "string", default: "held-out" },
    taxonomy: { type: "string", default: DEFAULT_TAXONOMY_FILE },
    "map-slugs-from": { type: "string" },
    "no-keywords": { type: "boolean", default: false },
    "labelled-only": { type: "boolean", default: false },
    "rules-only": { type: "boolean", default: false },
  },
});
if (!["held-out", "tune", "all"].includes(args.half)) throw new Error(`--half must be held-out, tune or all, not ${args.half}`);

const taxonomy = loadTaxonomy(args.taxonomy);
const compiled = compileTaxonomy(taxonomy, args["rules-only"] ? undefined : loadTopicModel());
const slugMap = new Map<string, string>();
if (args["map-slugs-from"]) {
  const other = parse(readFileSync(args["map-slugs-from"], "utf8")) as { topics: { slug: string; replaces?: string[] }[] };
  for (const topic of other.topics) for (const old of topic.replaces ?? []) slugMap.set(old, topic.slug);
}

function classify(paper: RealPaper): string[] {
  const text = {
    title: paper.title,
    abstract: paper.abstract,
    ...(paper.keywords && !args["no-keywords"] ? { keywords: paper.keywords } : {}),
  };
  return [...new Set(classifyPaper(text, compiled).map((slug) => slugMap.get(slug) ?? slug))];
}

const pct = (part: number, whole: number) => (whole === 0 ? "   -  " : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

// --- Agreement with the labels ---------------------------------------------
const labelled = readLabelledPapers().filter((paper) => args.half === "all" || isHeldOut(paper) === (args.half === "held-out"));
let firstRight = 0;
let assigned = 0;
let assignedRight = 0;
let allRight = 0;
const perTopic = new Map<string, { predicted: number; right: number; labelled: number }>();
const stats = (slug: string) => perTopic.get(slug) ?? (perTopic.set(slug, { predicted: 0, right: 0, labelled: 0 }), perTopic.get(slug)!);
const mains: { expected: string; predicted: string }[] = [];
const misses: string[] = [];
for (const paper of labelled) {
  const predicted = classify(paper);
  const expected = new Set(paper.topics);
  if (predicted[0] === paper.topics[0]) firstRight++;
  else misses.push(`  ${paper.id.padEnd(11)} labelled ${paper.topics.join(",")} got ${predicted.join(",")} | ${paper.title.slice(0, 90)}`);
  const right = predicted.filter((slug) => expected.has(slug)).length;
  assigned += predicted.length;
  assignedRight += right;
  if (right === predicted.length) allRight++;
  for (const slug of predicted) {
    stats(slug).predicted++;
    if (expected.has(slug)) stats(slug).right++;
  }
  for (const slug of expected) stats(slug).labelled++;
  mains.push({ expected: paper.topics[0]!, predicted: predicted[0]! });
}
console.log(
  `taxonomy ${args.taxonomy}${compiled.model ? " with the trained topic model" : ", rules only"}${slugMap.size ? ` (old slugs mapped by ${args["map-slugs-from"]})` : ""}; keywords ${args["no-keywords"] ? "ignored" : "used"}`,
);
console.log(`labelled papers, ${args.half} half: ${labelled.length}`);
console.log(`first topic right:            ${pct(firstRight, labelled.length)}  (${firstRight}/${labelled.length})`);
console.log(`every assigned topic, right:  ${pct(assignedRight, assigned)}  (${assignedRight}/${assigned} assigned topics)`);
console.log(
  `papers with all topics right: ${pct(allRight, labelled.length)}  (${allRight}/${labelled.length}); ${(assigned / labelled.length).toFixed(2)} topics a paper`,
);

console.log(`\nper topic (any position): precision, recall, predicted/labelled`);
for (const [slug, { predicted, right, labelled: count }] of [...perTopic].sort(
  (a, b) => b[1].labelled - a[1].labelled || (a[0] < b[0] ? -1 : 1),
)) {
  console.log(`  ${slug.padEnd(27)} P ${pct(right, predicted)}  R ${pct(right, count)}  ${predicted}/${count}`);
}

const largest = [...new Set(mains.map((main) => main.expected))]
  .map((slug) => ({ slug, count: mains.filter((main) => main.expected === slug).length }))
  .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1))
  .slice(0, 5)
  .map(({ slug }) => slug);
console.log(`\nconfusion of the main topic between the five largest topics (rows: labelled, columns: predicted)`);
const short = (slug: string) => slug.slice(0, 12).padStart(12);
console.log(`  ${"".padEnd(22)}${largest.map(short).join(" ")}     elsewhere`);
for (const row of largest) {
  const inRow = mains.filter((main) => main.expected === row);
  const cells = largest.map((column) => String(inRow.filter((main) => main.predicted === column).length).padStart(12));
  console.log(
    `  ${row.padEnd(22)}${cells.join(" ")} ${String(inRow.filter((main) => !largest.includes(main.predicted)).length).padStart(13)}`,
  );
}
if (misses.length) console.log(`\nfirst topic wrong (${misses.length}):\n${misses.join("\n")}`);

// --- Spread over the real stream ----------------------------------------------
function distribution(name: string, papers: readonly RealPaper[]): void {
  const started = performance.now();
  const main = new Map<string, number>();
  const any = new Map<string, number>();
  let topicCount = 0;
  for (const paper of papers) {
    const topics = classify(paper);
    topicCount += topics.length;
    main.set(topics[0]!, (main.get(topics[0]!) ?? 0) + 1);
    for (const slug of topics) any.set(slug, (any.get(slug) ?? 0) + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\n${name}: ${papers.length} papers classified in ${seconds.toFixed(1)} s, ${(topicCount / papers.length).toFixed(2)} topics a paper`,
  );
  console.log(`  ${"topic".padEnd(27)}    any    main`);
  const slugs = [...new Set([...taxonomy.topics.map((topic) => slugMap.get(topic.slug) ?? topic.slug), ...any.keys()])];
  for (const slug of slugs.sort((a, b) => (any.get(b) ?? 0) - (any.get(a) ?? 0) || (a < b ? -1 : 1))) {
    console.log(`  ${slug.padEnd(27)} ${pct(any.get(slug) ?? 0, papers.length)} ${pct(main.get(slug) ?? 0, papers.length)}`);
  }
  const shares = slugs.filter((slug) => slug !== "other").map((slug) => (any.get(slug) ?? 0) / papers.length);
  console.log(
    `  largest ${pct(Math.max(...shares) * papers.length, papers.length)}, smallest ${pct(Math.min(...shares) * papers.length, papers.length)}, other ${pct(any.get("other") ?? 0, papers.length)}`,
  );
}
if (!args["labelled-only"]) {
  distribution("45,904 real arXiv abstracts", readArxivAbstracts());
  distribution(
    "24 real Hugging Face days",
    readHfDays().flatMap((day) => day.papers),
  );
}
