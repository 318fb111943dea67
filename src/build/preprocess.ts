import fs from "node:fs/promises";
import path from "node:path";
import { assignPermalinks } from "../identity/assign-permalinks.ts";
import { mergePapers } from "../identity/merge-papers.ts";
import type { PermalinkRegistry } from "../identity/permalink-registry.ts";
import type { ArchiveData, BuildSettings, TopicPage, TopicRef } from "../model/site.ts";
import type { Digest, Paper } from "../model/types.ts";
import { buildArchiveData } from "../site/archive-data.ts";
import { paperUrl, toPaperPage } from "../site/paper-page.ts";
import { paperMarkdownFile } from "./front-matter.ts";
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

/**
 * Writes Eleventy's input: one markdown file per paper and the global data.
 * The folder is generated and never committed; it is emptied first so a paper
 * removed from the digests does not linger.
 */
export async function writeEleventyInput(folder: string, content: SiteContent, settings: BuildSettings): Promise<number> {
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(path.join(folder, "papers"), { recursive: true });
  await fs.mkdir(path.join(folder, "_data"), { recursive: true });
  const bySlug = new Map(content.papers.map((paper) => [paper.slug, paper]));
  const topicRef = topicRefLookup(content.archive.topics);
  for (const paper of content.papers) {
    const page = toPaperPage(paper, topicRef, (slug) => bySlug.get(slug), settings.siteUrl);
    const file = paperMarkdownFile(
      { layout: "paper.njk", templateEngineOverride: "md", permalink: `${paperUrl(paper.slug)}index.html`, paper: page },
      digestTextToMarkdown(paper.abstract),
    );
    await fs.writeFile(path.join(folder, "papers", `${paper.slug}.md`), file);
  }
  await fs.mkdir(path.join(folder, path.dirname(KATEX_STYLESHEET_PATH)), { recursive: true });
  await fs.writeFile(path.join(folder, KATEX_STYLESHEET_PATH), katexStylesheet());
  await fs.writeFile(path.join(folder, "_data", "archive.json"), JSON.stringify(content.archive));
  await fs.writeFile(path.join(folder, "_data", "build.json"), JSON.stringify(settings));
  return content.papers.length;
}
