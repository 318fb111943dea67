import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { MathText } from "../math/math-text.ts";
import { DEFAULT_SEARCH_PART_SIZE, OLDER_SEARCH_FOLDER, PRIMARY_SEARCH_FOLDER } from "../search/plan-search-parts.ts";
import { latestDate } from "../site/paper-dates.ts";
import { PAGE_FILE_NAME, urlOfPageFile } from "../site/listing-pages.ts";
import { paperUrl } from "../site/paper-page.ts";
import { DEFAULT_TAXONOMY_FILE, loadTaxonomy, TaxonomyError, type Taxonomy } from "../topics/taxonomy.ts";
import { loadTopicModel } from "../topics/topic-model.ts";
import { BuildError } from "./build-error.ts";
import { enrichArchive } from "./enrich.ts";
import { prepareRelatedWorker } from "./find-related.ts";
import { runInWorker, type PreparedWorker } from "./in-worker.ts";
import { identifyPapers } from "./identify.ts";
import { withLock } from "./build-lock.ts";
import { outputPaths, prepareBuildFolder, publish, type OutputPaths, type Publication } from "./publish.ts";
import { discardFolder, removeInBackground } from "./remove-in-background.ts";
import { removeEmptyFolders } from "./recycle-site.ts";
import { formatProblems, readDigestFolder } from "./read-digests.ts";
import { serializeRegistry, type PermalinkRegistry } from "../identity/permalink-registry.ts";
import { readRegistry } from "./registry-file.ts";
import { openRenderCache, renderCacheFolder } from "./render-cache.ts";
import { renderSite } from "./render-site.ts";
import { openParseCache, saveParseCache } from "./parse-cache.ts";
import { openRepairCache, saveRepairCache } from "./repair-cache.ts";
import { openTopicCache, saveTopicCache } from "./topic-cache.ts";
import { PROJECT_ROOT } from "./run-eleventy.ts";
import { buildSearchIndex } from "./search-index.ts";
import { buildSettings } from "./settings.ts";
import { count, timed, type Log } from "./stage-log.ts";
import type { BuildSurvey } from "./survey-folder.ts";
import { startFeeds, syndicate } from "./syndicate.ts";
import { writeEleventyInput } from "./write-input.ts";

export interface BuildOptions {
  /** Folder of digests. */
  input: string;
  /** Folder the site is written to; replaced only when the whole build succeeds. */
  output: string;
  siteUrl: string;
  basePath: string;
  /** Where generated, never-committed Eleventy input and the caches go. */
  workDir: string;
  /** The permalink registry; by default `permalinks.json` beside the digests folder. */
  permalinks?: string;
  /** The topic taxonomy; by default `topics.yaml` beside the digests folder, else the project's default. */
  topics?: string;
  /** Parallel Eleventy and Pagefind processes and worker threads; by default one per core. */
  jobs?: number;
  /** Papers per shard: when more paper pages than this are to render, they render in separate processes. */
  shardSize?: number;
  /** Papers per search index part (whole days); each part is indexed by its own Pagefind process. */
  searchPartSize?: number;
  /** Reuse paper pages, math repairs and search index parts built earlier from identical input (default true). */
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
 * Up to this many paper pages to render render in the build's own process
 * with everything else; more are split so no process holds more than this
 * many paper pages.
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
 * The whole build, as a list of stages, each taking the previous stage's data
 * and returning new, complete data: parse, identify, enrich, write Eleventy
 * input, render, syndicate, index, publish. The site is rendered into a
 * folder of its own and published by switching the output link to it (see
 * publish.ts), so a failed or killed build leaves the previous site exactly
 * as it was. One build at a time uses a work folder or an output.
 */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const paths = outputPaths(path.resolve(options.output));
  const workDir = path.resolve(options.workDir);
  return withLock(path.join(workDir, ".lock"), `the work folder ${displayPath(workDir)}`, { log }, () =>
    withLock(`${paths.builds}.lock`, `the output ${displayPath(paths.output)}`, { log }, () => buildLocked(options, log)),
  );
}

async function buildLocked(options: BuildOptions, log: Log): Promise<BuildReport> {
  const registryFile = options.permalinks ?? defaultRegistryPath(options.input);
  const registry = await readRegistry(registryFile, outputPaths(path.resolve(options.output)).output, log);
  // A rebuild's related-paper search starts reading its kept state now, beside parse and identify, when the
  // archive is large enough to search on a worker: the registry, every paper given a URL, tells its size.
  const relatedWorker =
    options.cache !== false
      ? prepareRelatedWorker(path.resolve(options.workDir), options.jobs ?? availableParallelism(), Object.keys(registry.papers).length)
      : undefined;
  try {
    const report = await buildStages(options, log, { file: registryFile, content: registry }, relatedWorker);
    // The worker answered before keeping the search's state for the next build; that ends before the build does.
    // The site is published by now, and a state not kept only makes the next build search every paper.
    await relatedWorker
      ?.finished()
      .catch((error: unknown) =>
        log(`warning: the related-paper search's state was not kept for the next build: ${(error as Error).message}`),
      );
    return report;
  } finally {
    relatedWorker?.stop();
  }
}

async function buildStages(
  options: BuildOptions,
  log: Log,
  { file: registryFile, content: registry }: { file: string; content: PermalinkRegistry },
  relatedWorker: PreparedWorker | undefined,
): Promise<BuildReport> {
  const settings = buildSettings(options.siteUrl, options.basePath);
  const paths = outputPaths(path.resolve(options.output));
  const workDir = path.resolve(options.workDir);
  const jobs = options.jobs ?? availableParallelism();
  const useCache = options.cache !== false;
  const taxonomy = readTaxonomy(options.topics ?? defaultTaxonomyPath(options.input));

  const parseCache = useCache ? openParseCache(workDir) : undefined;
  const parsed = await timed(log, "parse", async () => readDigestFolder(options.input, (await parseCache)?.earlier), describeParse);
  for (const line of formatProblems(parsed.warnings).split("\n").filter(Boolean)) log(`warning: ${line}`);
  if (parsed.problems.length) {
    throw new BuildError(`${count(parsed.problems.length, "problem")} in the digests; nothing was written:`, parsed.problems);
  }
  if (parseCache) await saveParseCache(await parseCache, parsed.parsed);

  // A cached build takes its folder now, so a worker reads what the recycled folder holds while this thread
  // identifies and enriches. Should the build fail before rendering, the folder is left whole, under a build's
  // name, for the next build to take. A build without the cache takes a new folder when it renders.
  const takenEarly = useCache ? await takeBuildFolder(paths, true, log) : undefined;
  // Without a survey (its worker failed), clearing reads the folder itself and the render cache stats its entries.
  // One worker for both: a second one's start (tsx, a third of a second of a core) costs more than the input
  // stage could gain by not waiting for the spare's walk, which ends seconds before it at 30,000 papers.
  const survey: Promise<BuildSurvey> = useCache
    ? runInWorker<BuildSurvey>(new URL("./survey-folder.ts", import.meta.url), "surveyBuild", [
        {
          ...(takenEarly?.recycled ? { spare: { folder: takenEarly.folder, identify: PAGE_FILE_NAME, skip: SEARCH_FOLDERS } } : {}),
          cache: renderCacheFolder(workDir),
        },
      ]).catch(() => ({}))
    : Promise.resolve({});

  const identified = await timed(
    log,
    "identify",
    async () => identifyPapers(parsed.digests, registry, parsed.keys),
    (result) => {
      const moved = result.movedPermalinks ? `, ${count(result.movedPermalinks, "URL")} moved (the old ones redirect)` : "";
      return `${count(result.papers.length, "paper")} from ${count(parsed.digests.length, "digest")}, ${count(result.newPermalinks, "new permalink")}${moved}`;
    },
  );

  const repairCache = useCache ? await openRepairCache(workDir) : undefined;
  const topicCache = useCache ? await openTopicCache(workDir, taxonomy) : undefined;
  const mathText = new MathText(repairCache?.earlier);
  const enriched = await timed(
    log,
    "enrich",
    () =>
      enrichArchive(identified, {
        taxonomy,
        topicModel: loadTopicModel(),
        ...(topicCache ? { earlierTopics: topicCache.earlier } : {}),
        mathText,
        jobs,
        searchPartSize: options.searchPartSize ?? DEFAULT_SEARCH_PART_SIZE,
        ...(useCache ? { relatedCache: workDir } : {}),
        ...(relatedWorker ? { relatedWorker } : {}),
      }),
    (result) => {
      const repairs = [
        repairCache?.loaded ? `math repairs of ${repairCache.loaded} texts reused` : "",
        result.repairedInWorkers ? `${result.repairedInWorkers} texts repaired on ${Math.min(jobs, result.repairedInWorkers)} threads` : "",
        topicCache && result.classified < result.papers.length ? `topics of ${result.papers.length - result.classified} papers reused` : "",
      ].filter(Boolean);
      return [
        `${count(result.papers.length, "paper")} over ${count(result.archive.dayCount, "day")}, ${count(result.archive.topics.length, "topic")} (by ${result.byTopicModel ? "the trained model" : "the taxonomy's rules"})`,
        ...repairs,
        result.relatedSearch,
      ].join("; ");
    },
  );
  if (topicCache) await saveTopicCache(topicCache, enriched.topicsByKey);
  if (repairCache)
    await saveRepairCache(
      repairCache,
      enriched.papers.flatMap((paper) => [paper.title, paper.abstract]),
      mathText,
    );

  // For a large archive, rendered on a worker while this thread writes the input and renders.
  const feeds = startFeeds(enriched, settings, jobs);
  const renderCache = useCache ? await openRenderCache(workDir, settings) : undefined;
  const { spare: spareSurvey, cache: cacheSurvey } = await survey;
  const input = await timed(
    log,
    "input",
    () =>
      writeEleventyInput(enriched, {
        workDir,
        settings,
        shardSize: options.shardSize ?? DEFAULT_SHARD_SIZE,
        ...(renderCache ? { cache: renderCache } : {}),
        ...(cacheSurvey ? { cacheSurvey } : {}),
      }),
    (result) => {
      const { paperPages } = result;
      const listingPages = { rendered: result.rendered.length - paperPages.rendered, reused: result.reused.length - paperPages.reused };
      const shards = result.shards.length ? ` (in ${count(result.shards.length, "shard")})` : "";
      if (!renderCache) return `into ${displayPath(workDir)}${shards}`;
      return `into ${displayPath(workDir)}; paper pages: ${paperPages.rendered} to render, ${paperPages.reused} unchanged${shards}; listing pages: ${listingPages.rendered} to render, ${listingPages.reused} unchanged`;
    },
  );

  const { folder: staging, recycled } = takenEarly ?? (await takeBuildFolder(paths, false, log));
  let published: Publication;
  let report: BuildReport;
  // What clearing a recycled folder moved out of it, removed once the build is done either way.
  let trash: string | undefined;
  try {
    const site = await timed(
      log,
      "eleventy",
      async () =>
        renderSite(input, {
          folder: staging,
          recycled,
          ...(recycled && spareSurvey ? { survey: spareSurvey } : {}),
          basePath: settings.basePath,
          jobs,
          log,
          ...(renderCache ? { cache: renderCache } : {}),
        }),
      (result) => {
        const processes = result.processes
          ? ` from ${result.processes} Eleventy processes, ${Math.min(jobs, result.processes)} at a time`
          : "";
        const reused = renderCache ? `; ${result.reused} pages reused from the cache` : "";
        const redirects = enriched.archive.redirects.length
          ? `; ${count(enriched.archive.redirects.length, "redirect page")} for moved URLs`
          : "";
        return `${result.rendered + result.reused} pages${processes}${reused}${redirects}`;
      },
    );
    trash = site.trash;
    await timed(
      log,
      "feeds",
      async () => syndicate(site.folder, enriched, settings, await feeds()),
      (result) => `${count(result.feeds, "feed")}, sitemap of ${result.sitemapUrls} URLs`,
    );
    const dates = new Map(enriched.papers.map((paper) => [paperUrl(paper.slug), latestDate(paper)]));
    const pageKeys = new Map([...input.rendered, ...input.reused].map(({ file, key }) => [urlOfPageFile(file), key] as const));
    // The registry's text is made while Pagefind's processes index, which leaves this thread waiting.
    let registryText: string | undefined;
    const search = await timed(
      log,
      "pagefind",
      () =>
        buildSearchIndex(site.folder, enriched.searchParts, (url) => dates.get(url), {
          scratch: workDir,
          jobs,
          ...(useCache ? { cache: path.join(workDir, "search-cache"), pageKeys } : {}),
          log,
          onIndexing: () => (registryText = serializeRegistry(enriched.registry)),
        }),
      (result) => {
        const reuse = result.reindexed < result.parts ? ` (${result.reindexed} re-indexed, ${result.parts - result.reindexed} reused)` : "";
        return `${result.indexed} papers indexed in ${count(result.parts, "part")}${reuse}, ${result.files} files`;
      },
    );
    removeEmptyFolders(site.folder, site.vacated);
    published = await publish(
      site.folder,
      paths,
      { file: registryFile, text: registryText ?? serializeRegistry(enriched.registry) },
      (written) => {
        if (written) {
          const moved = enriched.movedPermalinks ? ` and ${count(enriched.movedPermalinks, "moved URL")}` : "";
          log(
            `[permalinks] recorded ${count(enriched.newPermalinks, "new permalink")}${moved} in ${displayPath(registryFile)}; commit it so these URLs never move`,
          );
        }
      },
    );
    report = {
      papers: enriched.papers.length,
      days: enriched.archive.dayCount,
      pages: site.rendered + site.reused,
      indexed: search.indexed,
      newPermalinks: enriched.newPermalinks,
    };
  } catch (error) {
    // Not published. A recycled folder goes in the background (it may be large) and under a name no build
    // takes, so whatever in it failed this build cannot fail the next one too.
    if (recycled) await discardFolder(staging);
    else await fs.rm(staging, { recursive: true, force: true });
    if (trash) await removeInBackground(trash);
    throw error;
  }
  // Published: from here on nothing removes the new site.
  log(`[output] ${displayPath(published.output)}`);
  await published.cleanup;
  if (trash) await removeInBackground(trash);
  return report;
}

/** The folder this build renders into (see prepareBuildFolder), noting the leftovers it removed. */
async function takeBuildFolder(paths: OutputPaths, recycle: boolean, log: Log): Promise<{ folder: string; recycled: boolean }> {
  const { folder, recycled, removedLeftovers } = await prepareBuildFolder(paths, { recycle });
  if (removedLeftovers) log(`[output] removed ${count(removedLeftovers, "folder")} that interrupted builds left`);
  return { folder, recycled };
}

/** The search index's folders, which hold no page: a survey of the spare need not read their files. */
const SEARCH_FOLDERS = [PRIMARY_SEARCH_FOLDER, OLDER_SEARCH_FOLDER].map((folder) => folder.replace(/\/$/, ""));

const displayPath = (file: string) => path.relative(process.cwd(), file) || ".";

function describeParse(result: Awaited<ReturnType<typeof readDigestFolder>>): string {
  const entries = result.digests.reduce((sum, digest) => sum + digest.entries.length, 0);
  const skipped = result.skipped.length
    ? `; skipped ${count(result.skipped.length, "non-digest file")} (${result.skipped.map((file) => path.basename(file)).join(", ")})`
    : "";
  const reused = result.reused ? `; ${result.reused} unchanged since the last build` : "";
  return `${count(result.digests.length, "digest")}, ${count(entries, "entry", "entries")}${reused}${skipped}`;
}

function readTaxonomy(file: string): Taxonomy {
  try {
    return loadTaxonomy(file);
  } catch (error) {
    throw error instanceof TaxonomyError ? new BuildError(error.message) : error;
  }
}
