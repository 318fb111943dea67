import fs from "node:fs/promises";
import path from "node:path";
import { assignPermalinks } from "../identity/assign-permalinks.ts";
import { mergePapers } from "../identity/merge-papers.ts";
import type { PermalinkRegistry } from "../identity/permalink-registry.ts";
import type { ArchiveData, BuildSettings, SearchData, TopicPage, TopicRef } from "../model/site.ts";
import type { Digest, Paper } from "../model/types.ts";
import { buildArchiveData } from "../site/archive-data.ts";
import { dayOrder, paperUrl, toPaperPage } from "../site/paper-page.ts";
import { paperMarkdownFile } from "./front-matter.ts";
import { mapInBatches } from "./file-batches.ts";
import { hasPage, pageKey, type CachedPaper, type RenderCache } from "./render-cache.ts";
import { digestTextToMarkdown } from "../math/digest-text.ts";
import { KATEX_STYLESHEET_PATH, katexStylesheet } from "../markdown/katex-assets.ts";
import { topicListingPages, topicSummaries, topicUrl } from "../site/topic-pages.ts";
import { classifyPaper } from "../topics/classify.ts";
import { compileTaxonomy } from "../topics/compile.ts";
import type { Taxonomy } from "../topics/taxonomy.ts";

export interface SiteContent {
  papers: Paper[];
  archive: ArchiveData;
  registry: PermalinkRegistry;
  newPermalinks: number;
}

/** How many similar papers each paper page lists. */
export const RELATED_COUNT = 5;

/** Digests to papers, each once, with its permalink; topics and related papers still empty. */
export function identifyPapers(digests: readonly Digest[], registry: PermalinkRegistry): Omit<SiteContent, "archive"> {
  const merged = mergePapers(digests);
  const assigned = assignPermalinks(merged, registry);
  const papers: Paper[] = merged.map((paper, index) => ({
    slug: assigned.slugs[index]!,
    title: paper.title,
    abstract: paper.abstract,
    ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
    appearances: paper.appearances,
    card: paper.card,
    authors: paper.authors,
    topics: [],
    related: [],
  }));
  return { papers, registry: assigned.registry, newPermalinks: assigned.added };
}

/**
 * Gives each paper its topics, and makes the data every listing page needs.
 * Related papers matter to paper pages only and are the slowest step, so the
 * build finds them meanwhile (see related-off-thread.ts) and adds them with
 * `addRelated`.
 */
export function describeArchive(papers: Paper[], taxonomy: Taxonomy): ArchiveData {
  const compiled = compileTaxonomy(taxonomy);
  for (const paper of papers) paper.topics = classifyPaper(paper, compiled);
  const topics = topicSummaries(taxonomy, papers);
  const topicRef = topicRefLookup(topics);
  return buildArchiveData(papers, topicRef, topics, topicListingPages(topics, papers, topicRef));
}

/** Fills in each paper's related papers. */
export function addRelated(papers: Paper[], related: ReadonlyMap<string, string[]>): void {
  for (const paper of papers) paper.related = related.get(paper.slug) ?? [];
}

function topicRefLookup(topics: TopicPage[]): (slug: string) => TopicRef {
  const bySlug = new Map(topics.map((topic) => [topic.slug, { slug: topic.slug, name: topic.name, url: topic.url }]));
  return (slug) => bySlug.get(slug) ?? { slug, name: slug, url: topicUrl(slug) };
}

/** The listings folder: Eleventy renders the site's own pages (days, months, topics, home) from it. */
export const listingsFolder = (workDir: string) => path.join(workDir, "site");

/**
 * Writes the listings folder's global data and the KaTeX stylesheet. The
 * folder is generated and never committed; it is emptied first.
 */
export async function writeListingsInput(workDir: string, archive: ArchiveData, settings: BuildSettings, search: SearchData): Promise<string> {
  const listings = listingsFolder(workDir);
  await fs.rm(listings, { recursive: true, force: true });
  await fs.mkdir(path.join(listings, "_data"), { recursive: true });
  await fs.mkdir(path.join(listings, path.dirname(KATEX_STYLESHEET_PATH)), { recursive: true });
  await fs.writeFile(path.join(listings, KATEX_STYLESHEET_PATH), katexStylesheet());
  await fs.writeFile(path.join(listings, "_data", "archive.json"), JSON.stringify(archive));
  await fs.writeFile(path.join(listings, "_data", "build.json"), JSON.stringify(settings));
  await fs.writeFile(path.join(listings, "_data", "search.json"), JSON.stringify(search));
  return listings;
}

/** Where the paper pages to render went. */
export interface PaperInputs {
  /** Folders holding only paper pages, each rendered by its own Eleventy process; empty when the papers went into the listings folder. */
  shards: string[];
  /** Papers Eleventy renders this time, with their cache keys. */
  rendered: CachedPaper[];
  /** Papers whose page an earlier build rendered from identical input: copied, not rendered. */
  reused: CachedPaper[];
}

/**
 * Writes one markdown file per paper that needs rendering. With a render
 * cache, papers whose exact page was rendered before are left out and copied
 * from the cache after rendering. For a small archive the files go into the
 * listings folder (so after writeListingsInput, which empties it), rendered
 * with it in one Eleventy run; for a large one
 * (`separate`) into shard folders of at most `shardSize` papers (in slug
 * order), each rendered by its own process, so no process holds the whole
 * archive. Shard folders are emptied first so a removed paper does not linger.
 */
export async function writePaperInputs(
  workDir: string,
  content: SiteContent,
  settings: BuildSettings,
  { shardSize, separate }: { shardSize: number; separate: boolean },
  cache?: RenderCache,
): Promise<PaperInputs> {
  const shardRoot = path.join(workDir, "shards");
  await fs.rm(shardRoot, { recursive: true, force: true });

  const bySlug = new Map(content.papers.map((paper) => [paper.slug, paper]));
  const topicRef = topicRefLookup(content.archive.topics);
  const days = dayOrder(content.papers);
  const generatedFile = (paper: Paper) =>
    paperMarkdownFile(
      {
        layout: "paper.njk",
        templateEngineOverride: "md",
        permalink: `${paperUrl(paper.slug)}index.html`,
        paper: toPaperPage(paper, topicRef, (slug) => bySlug.get(slug), settings.siteUrl, days),
      },
      digestTextToMarkdown(paper.abstract),
    );

  // Which pages must be rendered: every one without a cache, else those whose input is new.
  // Each file is written as soon as it is made, into a holding folder: an archive's generated
  // files together are larger than the archive.
  const pending = path.join(workDir, "pending");
  await fs.rm(pending, { recursive: true, force: true });
  await fs.mkdir(pending, { recursive: true });
  const sorted = [...content.papers].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const toRender: CachedPaper[] = [];
  const reused: CachedPaper[] = [];
  const decided = await mapInBatches(sorted, async (paper) => {
    const file = generatedFile(paper);
    const key = cache ? pageKey(cache, file) : "";
    const render = !(cache && (await hasPage(cache, key)));
    if (render) await fs.writeFile(path.join(pending, `${paper.slug}.md`), file);
    return { slug: paper.slug, key, render };
  });
  for (const { slug, key, render } of decided) (render ? toRender : reused).push({ slug, key });

  if (!separate) {
    await fs.rename(pending, path.join(listingsFolder(workDir), "papers"));
    return { shards: [], rendered: toRender, reused };
  }
  const shards = Array.from({ length: Math.ceil(toRender.length / shardSize) }, (_, index) => path.join(shardRoot, String(index + 1).padStart(4, "0")));
  for (const [index, shard] of shards.entries()) {
    await fs.mkdir(path.join(shard, "_data"), { recursive: true });
    await fs.writeFile(path.join(shard, "_data", "build.json"), JSON.stringify(settings));
    await fs.mkdir(path.join(shard, "papers"));
    await mapInBatches(toRender.slice(index * shardSize, (index + 1) * shardSize), ({ slug }) =>
      fs.rename(path.join(pending, `${slug}.md`), path.join(shard, "papers", `${slug}.md`)),
    );
  }
  await fs.rm(pending, { recursive: true, force: true });
  return { shards, rendered: toRender, reused };
}
