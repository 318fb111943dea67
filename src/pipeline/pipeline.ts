import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { availableParallelism } from "node:os";
import { DEFAULT_TAXONOMY_FILE, loadTaxonomy, TaxonomyError } from "../topics/taxonomy.ts";
import path from "node:path";
import { BuildError } from "./build-error.ts";
import type { Paper } from "../model/types.ts";
import { addRelated, describeArchive, identifyPapers, writeListingsInput, writePaperInputs, type SiteContent } from "./preprocess.ts";
import { findRelatedOffThread } from "./related-off-thread.ts";
import { repairInWorkers } from "./repair-in-workers.ts";
import { readDigestFolder } from "./read-digests.ts";
import { readRegistry, writeRegistry } from "./registry-file.ts";
import { PROJECT_ROOT, runEleventy } from "./run-eleventy.ts";
import { RenderPool } from "./render-pool.ts";
import { buildSearchIndex } from "./search-index.ts";
import { DEFAULT_SEARCH_PART_SIZE, planSearchParts } from "../search/plan-search-parts.ts";
import { paperUrl } from "../site/paper-page.ts";
import { buildSettings } from "./settings.ts";
import { timed, type Log } from "./stage-log.ts";
import { writeSyndication } from "./write-syndication.ts";
import { openRenderCache, restorePages, storePages } from "./render-cache.ts";
import { openRepairCache, saveRepairCache } from "./repair-cache.ts";

export interface BuildOptions {
  /** Folder of digests. */
  input: string;
  /** Folder the site is written to; replaced only when the whole build succeeds. */
  output: string;
  siteUrl: string;
  basePath: string;
  /** Where generated, never-committed Eleventy input goes. */
  workDir: string;
  /** The permalink registry; by default `permalinks.json` beside the digests folder. */
  permalinks?: string;
  /** The topic taxonomy; by default `topics.yaml` beside the digests folder, else the project's default. */
  topics?: string;
  /** Parallel Eleventy processes for a sharded build; by default one per core. */
  jobs?: number;
  /** Papers per shard: an archive larger than this renders its paper pages in separate processes. */
  shardSize?: number;
  /** Papers per search index part (whole days); each part is indexed by its own Pagefind process. */
  searchPartSize?: number;
  /** Reuse paper pages and search index parts built earlier from identical input (default true). */
  cache?: boolean;
  log?: Log;
}

export interface BuildReport {
  papers: number;
  days: number;
  pages: number;
  indexed: number;
  newPermalinks: number;
}

/**
 * Up to this many papers render in one Eleventy process with everything else;
 * a larger archive is split so no process holds more than this many paper pages.
 */
export const DEFAULT_SHARD_SIZE = 6000;

export { DEFAULT_SEARCH_PART_SIZE };

export const defaultRegistryPath = (input: string) => path.join(path.dirname(path.resolve(input)), "permalinks.json");

/** `topics.yaml` beside the digests folder when there is one, so each archive can have its own. */
export function defaultTaxonomyPath(input: string): string {
  const beside = path.join(path.dirname(path.resolve(input)), "topics.yaml");
  return existsSync(beside) ? beside : path.join(PROJECT_ROOT, DEFAULT_TAXONOMY_FILE);
}

/**
 * The whole build: parse, preprocess, Eleventy, Pagefind. Everything is written
 * into a staging folder beside the output and swapped in at the end, so a
 * failed build leaves the previous site exactly as it was.
 */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const settings = buildSettings(options.siteUrl, options.basePath);
  const output = path.resolve(options.output);
  const registryFile = options.permalinks ?? defaultRegistryPath(options.input);

  const folder = await timed(log, "parse", () => readDigestFolder(options.input), (result) =>
    `${result.digests.length} digests, ${result.digests.reduce((sum, digest) => sum + digest.entries.length, 0)} entries${result.skipped.length ? `; skipped ${result.skipped.length} non-digest files (${result.skipped.map((file) => path.basename(file)).join(", ")})` : ""}`,
  );
  if (folder.problems.length) {
    throw new BuildError(`${folder.problems.length} problem${folder.problems.length === 1 ? "" : "s"} in the digests; nothing was written:`, folder.problems);
  }

  const registry = await readRegistry(registryFile);
  const taxonomyFile = options.topics ?? defaultTaxonomyPath(options.input);
  let taxonomy;
  try {
    taxonomy = loadTaxonomy(taxonomyFile);
  } catch (error) {
    throw error instanceof TaxonomyError ? new BuildError(error.message) : error;
  }
  const workDir = path.resolve(options.workDir);
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  const cache = options.cache === false ? undefined : await openRenderCache(workDir, settings);
  const jobs = options.jobs ?? availableParallelism();
  const staging = path.join(path.dirname(output), `.${path.basename(output)}.staging-${process.pid}`);
  await fs.rm(staging, { recursive: true, force: true });
  // A large archive renders in separate Eleventy processes: its listing data alone takes a
  // gigabyte in Eleventy, beside everything preprocessing holds here.
  const pool = new RenderPool(staging, settings.basePath, jobs);
  try {
    const { content, parts, inputs, separate } = await timed(
      log,
      "preprocess",
      async () => {
        const repairs = options.cache === false ? undefined : await openRepairCache(workDir);
        const repairedInWorkers = await repairInWorkers(
          folder.digests.flatMap((digest) => digest.entries.flatMap((entry) => [entry.title, entry.abstract])),
          jobs,
        );
        const identified = identifyPapers(folder.digests, registry);
        const separate = identified.papers.length > shardSize;
        // On a worker thread for a large archive, while this thread describes the archive.
        const related = findRelatedOffThread(identified.papers, jobs);
        related.catch(() => {});
        const content: SiteContent = { ...identified, archive: describeArchive(identified.papers, taxonomy) };
        const parts = planSearchParts(
          // By first appearance, which later digests never change: a paper seen again stays in its part.
          content.papers.map((paper) => ({ url: paperUrl(paper.slug), date: firstDate(paper) })),
          options.searchPartSize ?? DEFAULT_SEARCH_PART_SIZE,
        );
        const listings = await writeListingsInput(workDir, content.archive, settings, { bundles: parts.map((part) => part.folder) });
        // The listing pages need no paper page: they render while the paper pages are prepared.
        if (separate) pool.render({ input: listings, papersOnly: false }).then(() => log("[eleventy] listing pages rendered"), () => {});
        addRelated(content.papers, await related);
        const inputs = { listings, ...(await writePaperInputs(workDir, content, settings, { shardSize, separate }, cache)) };
        let shardsDone = 0;
        for (const shard of inputs.shards) {
          pool.render({ input: shard, papersOnly: true }).then(
            () => log(`[eleventy] ${++shardsDone}/${inputs.shards.length} shards of paper pages rendered (${Math.round((shardsDone / inputs.shards.length) * 100)}%)`),
            () => {},
          );
        }
        if (repairs) await saveRepairCache(repairs, content.papers.flatMap((paper) => [paper.title, paper.abstract]));
        return { content, parts, inputs, separate, repairedInWorkers, reusedRepairs: repairs?.loaded ?? 0 };
      },
      ({ content: result, inputs: written, repairedInWorkers, reusedRepairs }) =>
        `${result.papers.length} papers over ${result.archive.dayCount} days (${result.newPermalinks} new permalinks), ${result.archive.topics.length} topics, into ${path.relative(process.cwd(), workDir) || "."}` +
        `${cache ? `; ${written.rendered.length} paper pages to render, ${written.reused.length} unchanged` : ""}${written.shards.length ? ` (${written.shards.length} shard${written.shards.length === 1 ? "" : "s"})` : ""}` +
        `${reusedRepairs ? `; math repairs of ${reusedRepairs} texts reused` : ""}${repairedInWorkers ? `; ${repairedInWorkers} texts repaired on ${Math.min(jobs, repairedInWorkers)} threads` : ""}`,
    );

    const pages = await timed(
      log,
      "eleventy",
      () => (separate ? pool.finish() : runEleventy(inputs.listings, staging, settings.basePath)),
      (count) =>
        `${count} pages${separate ? ` from ${inputs.shards.length + 1} Eleventy process${inputs.shards.length ? "es" : ""}, ${Math.min(jobs, inputs.shards.length + 1)} at a time, the listing pages since preprocessing` : ""}`,
    );
    if (cache) {
      await timed(
        log,
        "cache",
        async () => {
          await restorePages(cache, inputs.reused, staging);
          await storePages(cache, inputs.rendered, staging, new Set([...inputs.rendered, ...inputs.reused].map((paper) => paper.key)));
        },
        () => `${inputs.reused.length} paper pages reused, ${inputs.rendered.length} stored`,
      );
    }
    await timed(log, "feeds", () => writeSyndication(staging, content, settings), (result) => `${result.feeds} feeds, sitemap of ${result.sitemapUrls} URLs`);
    const dates = new Map(content.papers.map((paper) => [paperUrl(paper.slug), newestDate(paper)]));
    const search = await timed(
      log,
      "pagefind",
      () => buildSearchIndex(staging, parts, (url) => dates.get(url), { scratch: workDir, jobs, ...(options.cache === false ? {} : { cache: path.join(workDir, "search-cache") }), log }),
      (report) =>
        `${report.indexed} papers indexed in ${report.parts} part${report.parts === 1 ? "" : "s"}` +
        `${report.reindexed < report.parts ? ` (${report.reindexed} re-indexed, ${report.parts - report.reindexed} reused)` : ""}, ${report.files} files`,
    );
    await swapInto(staging, output);
    log(`[output] ${path.relative(process.cwd(), output) || output}`);
    if (await writeRegistry(registryFile, content.registry)) {
      log(`[permalinks] recorded ${content.newPermalinks} new permalinks in ${path.relative(process.cwd(), registryFile)}; commit it so these URLs never move`);
    }
    return { papers: content.papers.length, days: content.archive.dayCount, pages: pages + inputs.reused.length, indexed: search.indexed, newPermalinks: content.newPermalinks };
  } catch (error) {
    await pool.finish().catch(() => {});
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
}

const appearanceDates = (paper: Paper) => paper.appearances.map((appearance) => appearance.date).sort();
const firstDate = (paper: Paper) => appearanceDates(paper)[0]!;
/** The date search shows and orders by, as on the paper page's search metadata. */
const newestDate = (paper: Paper) => appearanceDates(paper).at(-1)!;

/** Replaces `output` with `staging` in two renames, so the old site is never half-overwritten. */
async function swapInto(staging: string, output: string): Promise<void> {
  const previous = path.join(path.dirname(output), `.${path.basename(output)}.previous-${process.pid}`);
  const hadOutput = await fs.stat(output).then(() => true, () => false);
  if (hadOutput) await fs.rename(output, previous);
  try {
    await fs.rename(staging, output);
  } catch (error) {
    if (hadOutput) await fs.rename(previous, output);
    throw error;
  }
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}
