/**
 * Times related papers on real text: a clean search over the first N real arXiv
 * abstracts (N = 30,000 by default) and the daily case, one day of 33 papers
 * added to the N - 33 before it through `updateRelated`; checks that both give
 * the same lists, and prints the size of the kept state as the build saves it.
 *
 *   npx tsx tools/bench-related.ts [--papers 30000] [--day 33] [-- option=value ...]
 */
import { parseArgs } from "node:util";
import { relatedSearch, updateRelated, type RelatablePaper, type RelatedOptions } from "../src/related/related.ts";
import { serialiseRelatedState } from "../src/pipeline/related-cache.ts";
import { slugFromTitle } from "../src/identity/slug-from-title.ts";
import { classifyPaper } from "../src/topics/classify.ts";
import { compileTaxonomy } from "../src/topics/compile.ts";
import { loadTaxonomy } from "../src/topics/taxonomy.ts";
import { readArxivAbstracts } from "./topics/real-material.ts";

const { values: args, positionals } = parseArgs({
  options: { papers: { type: "string", default: "30000" }, day: { type: "string", default: "33" } },
  allowPositionals: true,
});
const options: RelatedOptions = Object.fromEntries(
  positionals.map((setting) => {
    const [name, value] = setting.split("=");
    return [name, value === "true" ? true : value === "false" ? false : Number(value)];
  }),
);
const compiled = compileTaxonomy(loadTaxonomy());
// Slugs as ids, as in a build: their length is most of the kept state.
const taken = new Set<string>();
const papers: RelatablePaper[] = readArxivAbstracts()
  .slice(0, Number(args.papers))
  .map((paper) => {
    let slug = slugFromTitle(paper.title);
    for (let n = 2; taken.has(slug); n++) slug = `${slugFromTitle(paper.title)}-${n}`;
    taken.add(slug);
    return { id: slug, title: paper.title, abstract: paper.abstract, topics: classifyPaper(paper, compiled) };
  });
const earlier = papers.slice(0, papers.length - Number(args.day));

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(2);
let started = performance.now();
const clean = relatedSearch(papers, 5, options);
console.log(`clean search of ${papers.length} papers: ${seconds(started)} s`);
const before = relatedSearch(earlier, 5, options);
started = performance.now();
const daily = updateRelated(before.state, papers, 5, options);
console.log(
  `${papers.length - earlier.length} papers added to ${earlier.length}: ${seconds(started)} s (${daily.mode}, ` +
    `${daily.searched} searched, ${daily.updated} earlier lists' candidates updated)`,
);
const same = [...clean.related].every(([id, list]) => JSON.stringify(daily.related.get(id)) === JSON.stringify(list));
console.log(same ? "the update equals the clean search" : "THE UPDATE DIFFERS FROM THE CLEAN SEARCH");
const file = serialiseRelatedState(clean.state);
console.log(`kept state: ${(Buffer.byteLength(file) / 1e6).toFixed(1)} MB`);
const lengths = [...clean.related.values()].map((list) => list.length);
console.log(
  `${(lengths.reduce((a, b) => a + b, 0) / lengths.length).toFixed(2)} papers a list, ${lengths.filter((n) => n === 0).length} empty lists`,
);
if (!same) process.exitCode = 1;
