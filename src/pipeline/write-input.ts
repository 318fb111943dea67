import fs from "node:fs/promises";
import path from "node:path";
import { KATEX_STYLESHEET_PATH, katexStylesheet } from "../markdown/katex-assets.ts";
import type { BuildSettings, PaperFrontMatter } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { listingsData, pageFileOf, paginatedPages } from "../site/listing-pages.ts";
import { listingPageKey, pageKeyContext, paperPageKey } from "../site/page-keys.ts";
import { paperPageInput, paperUrl, toPaperPage, type PaperPageInput } from "../site/paper-page.ts";
import type { EnrichedArchive } from "./enrich.ts";
import { topicRefLookup } from "./enrich.ts";
import { mapInBatches } from "./file-batches.ts";
import { paperMarkdownFile } from "./front-matter.ts";
import { heldPages, pageKey, type CachedPage, type RenderCache } from "./render-cache.ts";
import { discardFolder, removeTrashIn } from "./remove-in-background.ts";
import { writeRenderJob } from "./render-job.ts";
import type { FileStat } from "./survey-folder.ts";

/** What the write-input stage returns: Eleventy input folders, and which paper pages each build renders or reuses. */
export interface EleventyInput {
  /** The site's own pages (days, months, topics, home) and, for a small archive, the paper pages too. */
  listings: string;
  /** Folders holding only paper pages, each rendered by its own Eleventy process; empty when the papers went into `listings`. */
  shards: string[];
  /** Pages Eleventy renders this time (papers, then listings), with their cache keys; all of them without a cache. */
  rendered: CachedPage[];
  /** Pages an earlier build rendered from identical data: copied, not rendered. */
  reused: CachedPage[];
  /** How many of `rendered` and of `reused` are paper pages, for the build log. */
  paperPages: { rendered: number; reused: number };
}

export interface WriteInputOptions {
  workDir: string;
  settings: BuildSettings;
  /** When more paper pages than this are to render, they render in shards of this many, each in its own process. */
  shardSize: number;
  cache?: RenderCache;
  /** The cache folder's files as a worker found them (see surveyFiles), for checking its entries without a `stat` each. */
  cacheSurvey?: ReadonlyMap<string, FileStat>;
}

/**
 * Writes the generated Eleventy input, which is never committed: the listings
 * folder (global data and the KaTeX stylesheet) and one markdown file per
 * paper that needs rendering. With a render cache, pages whose exact bytes
 * were rendered before are left out and copied from the cache after
 * rendering: papers by their page data, the paginated listings (days, topic
 * pages, months, years, redirects) by the data each reads, so the `archive`
 * global data holds only the listings to render. When more than
 * `shardSize` papers are to render, their files go into shard folders of at
 * most that many (in slug order), so no process holds the whole archive. Every folder starts empty
 * (the last build's is moved aside and removed in the background), so a
 * removed paper does not linger.
 */
export async function writeEleventyInput(enriched: EnrichedArchive, options: WriteInputOptions): Promise<EleventyInput> {
  const { workDir, settings, shardSize, cache, cacheSurvey } = options;
  const listings = path.join(workDir, "site");
  const shardRoot = path.join(workDir, "shards");
  const pending = path.join(workDir, "pending");
  // The last build's generated input (a clean build's is a file per paper) is moved aside and removed in the
  // background, and so is any an interrupted build left there.
  await removeTrashIn(workDir);
  await discardFolder(listings, shardRoot, pending);

  await fs.mkdir(path.join(listings, "_data"), { recursive: true });
  await fs.mkdir(path.join(listings, path.dirname(KATEX_STYLESHEET_PATH)), { recursive: true });
  await fs.writeFile(path.join(listings, KATEX_STYLESHEET_PATH), katexStylesheet());
  const keyContext = pageKeyContext(enriched.papers, enriched.archive.topics);
  const listingPages = await withRenderFlags(
    paginatedPages(enriched.archive).map((page) => ({
      file: page.file,
      key: cache ? pageKey(cache, listingPageKey(page, keyContext)) : "",
    })),
    cache,
    cacheSurvey,
  );
  const listingsToRender = new Set(listingPages.filter((page) => page.render).map((page) => page.file));
  await fs.writeFile(
    path.join(listings, "_data", "archive.json"),
    JSON.stringify(listingsData(enriched.archive, (file) => listingsToRender.has(file))),
  );
  await fs.writeFile(path.join(listings, "_data", "build.json"), JSON.stringify(settings));
  await fs.writeFile(
    path.join(listings, "_data", "search.json"),
    JSON.stringify({ bundles: enriched.searchParts.map((part) => part.folder) }),
  );
  await writeRenderJob(listings, { papersOnly: false });

  // Each file is written as soon as it is made, into a holding folder: an archive's generated
  // files together are larger than the archive.
  await fs.mkdir(pending, { recursive: true });
  const pageInputOf = pageInputMaker(enriched, settings);
  const sorted = [...enriched.papers].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  // The page is a function of its input and of the code (in the cache's version), so the input keys it (see
  // page-keys.ts); the page data and the generated file (schema check, serialising) are made only for the pages that render.
  const decided = await withRenderFlags(
    sorted.map((paper) => ({
      paper,
      file: pageFileOf(paperUrl(paper.slug)),
      key: cache ? pageKey(cache, paperPageKey(pageInputOf(paper), keyContext)) : "",
    })),
    cache,
    cacheSurvey,
  );
  const renderedPapers = decided.filter((page) => page.render);
  await mapInBatches(renderedPapers, ({ paper }) =>
    fs.writeFile(path.join(pending, `${paper.slug}.md`), paperMarkdownFile(frontMatter(pageInputOf(paper)), paper.text.abstractMarkdown)),
  );
  const pages = (render: boolean) =>
    [...decided, ...listingPages].filter((page) => page.render === render).map(({ file, key }) => ({ file, key }));
  const result = {
    listings,
    rendered: pages(true),
    reused: pages(false),
    paperPages: { rendered: renderedPapers.length, reused: decided.length - renderedPapers.length },
  };

  // Few pages to render (a daily rebuild, a small archive) render in this process, beside the listings.
  if (renderedPapers.length <= shardSize) {
    await fs.rename(pending, path.join(listings, "papers"));
    return { ...result, shards: [] };
  }
  const shards = Array.from({ length: Math.ceil(renderedPapers.length / shardSize) }, (_, index) =>
    path.join(shardRoot, String(index + 1).padStart(4, "0")),
  );
  for (const [index, shard] of shards.entries()) {
    await fs.mkdir(path.join(shard, "_data"), { recursive: true });
    await fs.writeFile(path.join(shard, "_data", "build.json"), JSON.stringify(settings));
    await writeRenderJob(shard, { papersOnly: true });
    await fs.mkdir(path.join(shard, "papers"));
    await mapInBatches(renderedPapers.slice(index * shardSize, (index + 1) * shardSize), ({ paper }) =>
      fs.rename(path.join(pending, `${paper.slug}.md`), path.join(shard, "papers", `${paper.slug}.md`)),
    );
  }
  await fs.rm(pending, { recursive: true, force: true });
  return { ...result, shards };
}

/** Each page with whether it must render: without a cache every page does, with one those it does not hold whole. */
async function withRenderFlags<Page extends CachedPage>(
  pages: Page[],
  cache: RenderCache | undefined,
  cacheSurvey: ReadonlyMap<string, FileStat> | undefined,
): Promise<(Page & { render: boolean })[]> {
  const held = cache
    ? await heldPages(
        cache,
        pages.map((page) => page.key),
        cacheSurvey,
      )
    : new Set<string>();
  return pages.map((page) => ({ ...page, render: !held.has(page.key) }));
}

/** What each paper's page is made from (see PaperPageInput). */
function pageInputMaker(enriched: EnrichedArchive, settings: BuildSettings): (paper: Paper) => PaperPageInput {
  const bySlug = new Map(enriched.papers.map((paper) => [paper.slug, paper]));
  const topicRef = topicRefLookup(enriched.archive.topics);
  return (paper) => paperPageInput(paper, topicRef, (slug) => bySlug.get(slug), settings.siteUrl, enriched.days);
}

/** A paper's front matter: its page data, which its generated markdown file holds before its abstract. */
function frontMatter(pageInput: PaperPageInput): PaperFrontMatter {
  return {
    layout: "paper.njk",
    templateEngineOverride: "md",
    permalink: `${paperUrl(pageInput.paper.slug)}index.html`,
    paper: toPaperPage(pageInput),
  };
}
