import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { spawn } from "node:child_process";
import { indexedHtml } from "../search/indexed-html.ts";
import { newestFirstOrder, type IndexedPage } from "../search/newest-first-order.ts";
import { PRIMARY_SEARCH_FOLDER, type SearchPart } from "../search/plan-search-parts.ts";
import { entriesOf, keepCacheEntries, readCacheEntries } from "./cache-files.ts";
import { linkOrCopy, mapInBatches } from "./file-batches.ts";
import { writePartPages } from "./pagefind-part.ts";
import { PROJECT_ROOT } from "./run-eleventy.ts";
import type { Log } from "./stage-log.ts";

export interface SearchIndexReport {
  /** Papers in the index, over all parts. */
  indexed: number;
  parts: number;
  /** Parts Pagefind indexed this time; the rest came from the cache. */
  reindexed: number;
  /** Files the search index takes (static hosts cap file counts). */
  files: number;
}

/** Where the search page finds a paper's date when a reader asks for newest first. */
export const NEWEST_FIRST_FILE = "search/newest-first.json";

// KaTeX writes each formula twice (HTML for the eye, MathML for assistive tech) plus its TeX source:
// index the MathML text alone, which reads as the formula's plain form.
export const PAGEFIND_OPTIONS = { forceLanguage: "en", excludeSelectors: [".katex-html", "annotation"] };
/** Indexes one part in its own process, so parts index side by side, each Pagefind holding one. */
const INDEX_PART_SCRIPT = path.join(PROJECT_ROOT, "scripts", "index-part.ts");
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("pagefind")), "utf8")) as { version: string }
).version;
/** Bumped when what this module writes into a cached part changes. */
const CACHE_FORMAT = "4";
/** In the cache folder beside the parts: each page's indexed-HTML hash by its render-cache key, one file per format. */
const PAGE_HASHES = "page-hashes";
const pageHashesFile = (cache: string) => path.join(cache, PAGE_HASHES, `${CACHE_FORMAT}.json`);
const isHash = (value: unknown): value is string => typeof value === "string";

/** What an older part keeps: merged parts borrow the primary bundle's library and WASM. */
const PART_DATA = new Set(["pagefind-entry.json", "fragment", "index", "filter"]);
const isPartData = (name: string) => PART_DATA.has(name) || name.endsWith(".pf_meta");

/**
 * Indexes the paper pages of `site` with Pagefind, one bundle per part (see
 * planSearchParts), each by its own Pagefind process, `jobs` at a time, so a
 * process's memory is bounded by the largest part. With a cache folder, a
 * part whose pages' indexed HTML is byte-identical to an earlier build's is
 * linked from the cache instead of re-indexed: Pagefind's output depends only
 * on that HTML, the URLs, its version and its options. A page whose
 * render-cache key (`pageKeys`, by URL) an earlier build saw is not read
 * again: its bytes, so its indexed HTML, are a function of that key. Then
 * writes the newest-first order for the search page.
 */
export async function buildSearchIndex(
  site: string,
  parts: readonly SearchPart[],
  dateOfUrl: (url: string) => string | undefined,
  {
    scratch,
    cache,
    pageKeys = new Map(),
    jobs = 1,
    log = () => {},
    onIndexing = () => {},
  }: {
    scratch: string;
    cache?: string;
    pageKeys?: ReadonlyMap<string, string>;
    jobs?: number;
    log?: Log;
    /**
     * Called once, when the Pagefind processes of the first parts to index have started (at once when every
     * part comes from the cache): from then on this thread mostly waits for them, and other work can run.
     */
    onIndexing?: () => void;
  },
): Promise<SearchIndexReport> {
  const bundles: IndexedPage[][] = [];
  const keys = new Set<string>();
  const earlierHashes = new Map(cache ? await readCacheEntries(pageHashesFile(cache), entriesOf(isHash)) : []);
  const pageHashes = new Map<string, string>();
  const indexedHash = async (url: string) => {
    const pageKey = pageKeys.get(url);
    const hash = (pageKey && earlierHashes.get(pageKey)) || sha256(indexedHtml(await fs.readFile(pageFile(site, url), "utf8")));
    if (pageKey) pageHashes.set(pageKey, hash);
    return hash;
  };
  const inputs = path.join(scratch, "search-input");
  // What Pagefind read in earlier builds: not needed again.
  await fs.rm(inputs, { recursive: true, force: true });
  await fs.mkdir(inputs, { recursive: true });
  let reindexed = 0;
  // Each part's key first: the parts Pagefind must index go first, so its processes start at once and the
  // cached parts are linked in (by `cp`) while they run.
  const planned = await Promise.all(
    parts.map(async (part, number) => {
      const key = partKey(part, await mapInBatches(part.urls, indexedHash));
      keys.add(key);
      const cached = cache ? path.join(cache, key) : undefined;
      return { part, number, cached, reuse: cached !== undefined && (await exists(path.join(cached, "pages.json"))) };
    }),
  );
  const order = [...planned.filter((item) => !item.reuse), ...planned.filter((item) => item.reuse)];
  const firstWave = Math.min(jobs, order.filter((item) => !item.reuse).length);
  let started = 0;
  const pagefindStarted = () => {
    if (++started === firstWave) onIndexing();
  };
  if (firstWave === 0) onIndexing();
  const indexOne = async ({ part, number, cached, reuse }: (typeof planned)[number]) => {
    const target = path.join(site, part.folder);
    let pages: IndexedPage[];
    if (cached && reuse) {
      await linkTree(path.join(cached, "bundle"), target);
      pages = JSON.parse(await fs.readFile(path.join(cached, "pages.json"), "utf8")) as IndexedPage[];
    } else {
      log(`[pagefind] part ${number + 1} of ${parts.length}: ${part.urls.length} papers, ${part.first} to ${part.last}`);
      await indexPart(part, await readIndexedHtml(site, part), target, path.join(inputs, `${part.first}.jsonl`), pagefindStarted);
      pages = await readIndexedPages(target);
      if (pages.length !== part.urls.length)
        throw new Error(
          `Pagefind indexed ${pages.length} of the ${part.urls.length} papers in ${part.folder}; is data-pagefind-body missing from a paper page?`,
        );
      if (cached) {
        await fs.rm(cached, { recursive: true, force: true });
        await linkTree(target, path.join(cached, "bundle"));
        await fs.writeFile(path.join(cached, "pages.json"), JSON.stringify(pages));
      }
      reindexed += 1;
    }
    if (part.folder !== PRIMARY_SEARCH_FOLDER) {
      for (const name of await fs.readdir(target)) if (!isPartData(name)) await fs.rm(path.join(target, name), { recursive: true });
    }
    bundles[number] = pages;
  };
  // Parts index side by side, each Pagefind process holding one part.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(jobs, order.length) }, async () => {
      while (next < order.length) await indexOne(order[next++]!);
    }),
  );
  if (cache) {
    for (const name of await fs.readdir(cache).catch(() => [] as string[]))
      if (!keys.has(name) && name !== PAGE_HASHES) await fs.rm(path.join(cache, name), { recursive: true, force: true });
    await keepCacheEntries(pageHashesFile(cache), new Set(earlierHashes.keys()), pageHashes);
  }
  const orderFile = path.join(site, NEWEST_FIRST_FILE);
  await fs.mkdir(path.dirname(orderFile), { recursive: true });
  await fs.writeFile(orderFile, JSON.stringify(newestFirstOrder(bundles, dateOfUrl)));

  let files = 0;
  for (const part of parts) {
    files += (await fs.readdir(path.join(site, part.folder), { recursive: true, withFileTypes: true })).filter((entry) =>
      entry.isFile(),
    ).length;
  }
  return { indexed: bundles.reduce((sum, pages) => sum + pages.length, 0), parts: parts.length, reindexed, files: files + 1 };
}

/**
 * What Pagefind reads of each page of the part (see indexedHtml), in URL
 * order, as bytes: a string cut from a page would keep the whole page in memory.
 */
function readIndexedHtml(site: string, part: SearchPart): Promise<Buffer[]> {
  return mapInBatches(part.urls, async (url) => Buffer.from(indexedHtml(await fs.readFile(pageFile(site, url), "utf8"))));
}

/** Where a page's HTML sits in a site folder: `/papers/x/` is `papers/x/index.html`. */
const pageFile = (site: string, url: string) => path.join(site, ...url.split("/").filter(Boolean), "index.html");

/** A hash of everything Pagefind's output for the part depends on: versions, options, and each page's URL and indexed HTML (by its hash). */
function partKey(part: SearchPart, indexedHashes: readonly string[]): string {
  const hash = createHash("sha256").update(`${CACHE_FORMAT}\0${PAGEFIND_VERSION}\0${JSON.stringify(PAGEFIND_OPTIONS)}\0`);
  part.urls.forEach((url, index) => hash.update(url).update("\0").update(indexedHashes[index]!).update("\0"));
  return hash.digest("hex").slice(0, 40);
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Pagefind reads this part's pages, each cut down to what it indexes (the
 * same index as from the whole pages, tested), in URL order, from one file.
 */
async function indexPart(
  part: SearchPart,
  pagesHtml: readonly Buffer[],
  target: string,
  pagesFile: string,
  onSpawn: () => void,
): Promise<void> {
  await writePartPages(pagesFile, part.urls, pagesHtml);
  await fs.rm(target, { recursive: true, force: true });
  await runIndexPart([pagesFile, target, JSON.stringify(PAGEFIND_OPTIONS)], part.folder, onSpawn);
  await fs.rm(pagesFile, { force: true });
}

function runIndexPart(args: string[], what: string, onSpawn: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", INDEX_PART_SCRIPT, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.once("spawn", onSpawn);
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(`Pagefind failed to index ${what} (${signal ?? `exit ${code}`}):\n${output.trim().split("\n").slice(-20).join("\n")}`),
        );
    });
  });
}

/** Each fragment file is one page: its name is the result id, its gzipped JSON holds the URL. */
async function readIndexedPages(bundle: string): Promise<IndexedPage[]> {
  const folder = path.join(bundle, "fragment");
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith(".pf_fragment")).sort();
  return mapInBatches(names, async (name) => {
    const json = gunzipSync(await fs.readFile(path.join(folder, name)))
      .subarray("pagefind_dcd".length)
      .toString("utf8");
    return { id: name.replace(/\.pf_fragment$/, ""), url: (JSON.parse(json) as { url: string }).url };
  });
}

/**
 * Copies a folder as hard links: `cp -al`, which links a part's thousands of
 * fragment files in a fraction of the time file-by-file calls take; where
 * that is missing or fails (another file system, no GNU cp), file by file
 * with linkOrCopy.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  if (await linkedByCp(from, to)) return;
  const entries = await fs.readdir(from, { recursive: true, withFileTypes: true });
  for (const entry of entries)
    if (entry.isDirectory())
      await fs.mkdir(path.join(to, path.relative(from, path.join(entry.parentPath, entry.name))), { recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
  await mapInBatches(files, (file) => linkOrCopy(path.join(from, file), path.join(to, file)));
}

/** `cp -al from/. to`: whether it linked everything. A partial result is overwritten by the fallback, file by file. */
function linkedByCp(from: string, to: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn("cp", ["-al", "--", `${from}/.`, to], { stdio: "ignore" });
    child.once("error", () => resolve(false));
    child.once("close", (code) => resolve(code === 0));
  });
}

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );
