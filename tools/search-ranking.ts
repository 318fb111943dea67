/**
 * How well search ranks, on a built site: for every paper, its title's longest
 * two words are searched, then one long word of its abstract with one of its
 * title, and the paper's rank is recorded, with Pagefind's
 * default ranking and with the one layouts/assets/search.js sets. Prints the
 * share found first and the mean reciprocal rank of each.
 * `npx tsx tools/search-ranking.ts -- --site _site`
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "node-html-parser";
import { launchChromium } from "./browser/chromium.ts";
import { serveStatic } from "../src/serve/static-server.ts";

const { values } = parseArgs({ options: { site: { type: "string", default: "_site" } } });
const site = values.site;
const script = fs.readFileSync(path.join(import.meta.dirname, "..", "layouts", "assets", "search.js"), "utf8");
const ours = JSON.parse(/const RANKING = (\{[^}]*\})/.exec(script)![1]!.replace(/(\w+):/g, '"$1":'));

const longWords = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 4)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const queries = fs.readdirSync(path.join(site, "papers")).flatMap((slug) => {
  const page = parse(fs.readFileSync(path.join(site, "papers", slug, "index.html"), "utf8"));
  const title = longWords(page.querySelector("h1")!.textContent);
  const abstract = longWords(page.querySelector(".paper__abstract")!.textContent).filter((word) => !title.includes(word));
  const url = `/papers/${slug}/`;
  return [{ url, query: title.slice(0, 2).join(" ") }, ...(abstract[0] && title[2] ? [{ url, query: `${abstract[0]} ${title[2]}` }] : [])];
});

const server = await serveStatic(site, "/");
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}search/`);
  const variants: [string, Record<string, number>][] = [
    ["Pagefind's default", {}],
    ["search.js", ours],
    ["term similarity 3 only", { termSimilarity: 3 }],
    ["page length 0.3 only", { pageLength: 0.3 }],
  ];
  for (const [name, ranking] of variants) {
    const ranks = await page.evaluate(
      async ({ queries, ranking }) => {
        // A URL on the served site, resolved by the browser: a variable keeps TypeScript from looking for it.
        const bundle = "/pagefind/pagefind.js";
        const pagefind = await import(bundle);
        await pagefind.options({ ranking, noWorker: true });
        await pagefind.init();
        const found: number[] = [];
        for (const { url, query } of queries) {
          const search = await pagefind.search(query);
          const urls = await Promise.all(
            search.results.slice(0, 20).map(async (result: { data(): Promise<{ url: string }> }) => (await result.data()).url),
          );
          found.push(urls.indexOf(url) + 1);
        }
        await pagefind.destroy();
        return found;
      },
      { queries, ranking },
    );
    const first = ranks.filter((rank) => rank === 1).length;
    const mrr = ranks.reduce((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / ranks.length;
    console.log(`${name} ${JSON.stringify(ranking)}: ${first} of ${ranks.length} found first, MRR ${mrr.toFixed(3)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
