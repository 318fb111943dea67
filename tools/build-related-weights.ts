/**
 * Regenerates src/related/term-weights.json: the inverse document frequency of
 * each word stem over the 45,904 real arXiv titles and abstracts in
 * ../shared/real. Related-paper similarity uses these fixed weights instead of
 * counting over the archive itself, so the similarity of two papers depends on
 * those two papers alone (and a small archive still knows that "successfully"
 * says nothing).
 *
 *   npx tsx tools/build-related-weights.ts [--min-papers 4]
 *
 * Stems found in fewer than --min-papers papers are left out and get the
 * file's `rareWeight`, the weight of a stem found in (min-papers - 1) papers;
 * weights are rounded to 2 decimals. Both keep the file small.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { relatedTerms } from "../src/related/related.ts";
import { readArxivAbstracts } from "./topics/real-material.ts";

const { values } = parseArgs({ options: { "min-papers": { type: "string", default: "4" } } });
const minPapers = Number(values["min-papers"]);
const papers = readArxivAbstracts();
const frequency = new Map<string, number>();
for (const paper of papers)
  for (const term of new Set(relatedTerms(`${paper.title} ${paper.abstract}`))) frequency.set(term, (frequency.get(term) ?? 0) + 1);

const idf = (documents: number) => Math.round(Math.log((papers.length + 1) / documents) * 100) / 100;
const weights = Object.fromEntries(
  [...frequency]
    .filter(([, documents]) => documents >= minPapers)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([term, documents]) => [term, idf(documents)]),
);
const file = path.resolve(import.meta.dirname, "../src/related/term-weights.json");
const data = {
  about: "IDF of word stems over the 45,904 real arXiv titles and abstracts; regenerate with tools/build-related-weights.ts",
  papers: papers.length,
  minPapers,
  rareWeight: idf(Math.max(1, minPapers - 1)),
  weights,
};
writeFileSync(file, `${JSON.stringify(data)}\n`);
console.log(`${Object.keys(weights).length} stems of ${frequency.size} written to ${path.relative(process.cwd(), file)}`);
