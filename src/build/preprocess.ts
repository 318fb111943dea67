import fs from "node:fs/promises";
import path from "node:path";
import { assignPermalinks } from "../identity/assign-permalinks.ts";
import { mergePapers } from "../identity/merge-papers.ts";
import type { PermalinkRegistry } from "../identity/permalink-registry.ts";
import type { ArchiveData, BuildSettings, SearchData, TopicPage, TopicRef } from "../model/site.ts";
import type { Digest, Paper } from "../model/types.ts";
import { buildArchiveData } from "../site/archive-data.ts";
import { paperUrl, toPaperPage } from "../site/paper-page.ts";
import { paperMarkdownFile } from "./front-matter.ts";
import { mapInBatches } from "./file-batches.ts";
import { hasPage, pageKey, type CachedPaper, type RenderCache } from "./render-cache.ts";
import { digestTextToMarkdown } from "../math/digest-text.ts";
import { KATEX_STYLESHEET_PATH, katexStylesheet } from "../markdown/katex-assets.ts";
import { relatedPapers } from "../related/related.ts";
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
const RELATED_COUNT = 5;

/** Digests to papers with permalinks, topics and related papers, and the data every listing page needs. */
export function buildSiteContent(digests: readonly Digest[], registry: PermalinkRegistry, taxonomy: Taxonomy): SiteContent {
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
  const compiled = compileTaxonomy(taxonomy);
  for (const paper of papers) paper.topics = classifyPaper(paper, compiled);
  const related = relatedPapers(papers.map((paper) => ({ id: paper.slug, title: paper.title, abstract: paper.abstract })), RELATED_COUNT);
  for (const paper of papers) paper.related = related.get(paper.slug) ?? [];

  const topics = topicSummaries(taxonomy, papers);
  const topicRef = topicRefLookup(topics);
  const archive = buildArchiveData(papers, topicRef, topics, topicListingPages(topics, papers, topicRef));
  return { papers, archive, registry: assigned.registry, newPermalinks: assigned.added };
}

function topicRefLookup(topics: TopicPage[]): (slug: string) => TopicRef {
  const bySlug = new Map(topics.map((topic) => [topic.slug, { slug: topic.slug, name: topic.name, url: topic.url }]));
  return (slug) => bySlug.get(slug) ?? { slug, name: slug, url: topicUrl(slug) };
}

/** Where Eleventy reads from: the listings folder, and one folder per shard of paper pages. */
export interface EleventyInputs {
  /** Global data, site assets and (when unsharded) the papers; the site's own pages render from here. */
  listings: string;
  /** Folders holding only paper pages, each rendered by its own Eleventy process. Empty when unsharded. */
  shards: string[];
  /** Papers Eleventy renders this time, with their cache keys. */
  rendered: CachedPaper[];
  /** Papers whose page an earlier build rendered from identical input: copied, not rendered. */
  reused: CachedPaper[];
}

/**
 * Writes Eleventy's input: one markdown file per paper that needs rendering,
 * and the global data. The folders are generated and never committed; they are
 * emptied first so a paper removed from the digests does not linger. With more
 * papers to render than `shardSize`, paper pages are split into shard folders
 * (in slug order) that separate processes render, so no process holds the
 * whole archive. With a render cache, papers whose exact page was rendered
 * before are left out and copied from the cache after rendering.
 */
export async function writeEleventyInput(
  workDir: string,
  content: SiteContent,
  settings: BuildSettings,
  search: SearchData,
  shardSize: number,
  cache?: RenderCache,
): Promise<EleventyInputs> {
  const listings = path.join(workDir, "site");
  const shardRoot = path.join(workDir, "shards");
  await fs.rm(listings, { recursive: true, force: true });
  await fs.rm(shardRoot, { recursive: true, force: true });
  await fs.mkdir(path.join(listings, "_data"), { recursive: true });

  const bySlug = new Map(content.papers.map((paper) => [paper.slug, paper]));
  const topicRef = topicRefLookup(content.archive.topics);
  const generatedFile = (paper: Paper) =>
    paperMarkdownFile(
      {
        layout: "paper.njk",
        templateEngineOverride: "md",
        permalink: `${paperUrl(paper.slug)}index.html`,
        paper: toPaperPage(paper, topicRef, (slug) => bySlug.get(slug), settings.siteUrl),
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
  const toRender: { slug: string; key: string }[] = [];
  const reused: CachedPaper[] = [];
  const decided = await mapInBatches(sorted, async (paper) => {
    const file = generatedFile(paper);
    const key = cache ? pageKey(cache, file) : "";
    const render = !(cache && (await hasPage(cache, key)));
    if (render) await fs.writeFile(path.join(pending, `${paper.slug}.md`), file);
    return { slug: paper.slug, key, render };
  });
  for (const { slug, key, render } of decided) (render ? toRender : reused).push({ slug, key });

  const shardCount = toRender.length > shardSize ? Math.ceil(toRender.length / shardSize) : 0;
  const shards = Array.from({ length: shardCount }, (_, index) => path.join(shardRoot, String(index + 1).padStart(4, "0")));
  const settingsJson = JSON.stringify(settings);
  for (const shard of shards) {
    await fs.mkdir(path.join(shard, "_data"), { recursive: true });
    await fs.writeFile(path.join(shard, "_data", "build.json"), settingsJson);
  }
  if (shardCount === 0) await fs.rename(pending, path.join(listings, "papers"));
  else {
    for (const [index, shard] of shards.entries()) {
      await fs.mkdir(path.join(shard, "papers"));
      await mapInBatches(toRender.slice(index * shardSize, (index + 1) * shardSize), ({ slug }) =>
        fs.rename(path.join(pending, `${slug}.md`), path.join(shard, "papers", `${slug}.md`)),
      );
    }
    await fs.rm(pending, { recursive: true, force: true });
  }
  await fs.mkdir(path.join(listings, path.dirname(KATEX_STYLESHEET_PATH)), { recursive: true });
  await fs.writeFile(path.join(listings, KATEX_STYLESHEET_PATH), katexStylesheet());
  await fs.writeFile(path.join(listings, "_data", "archive.json"), JSON.stringify(content.archive));
  await fs.writeFile(path.join(listings, "_data", "build.json"), settingsJson);
  await fs.writeFile(path.join(listings, "_data", "search.json"), JSON.stringify(search));
  return { listings, shards, rendered: toRender, reused };
}
