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

export interface SiteContent {
  papers: Paper[];
  archive: ArchiveData;
  registry: PermalinkRegistry;
  newPermalinks: number;
}

/** Digests to papers with permalinks, and the data every listing page needs. */
export function buildSiteContent(digests: readonly Digest[], registry: PermalinkRegistry): SiteContent {
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
  const topics: TopicPage[] = [];
  const archive = buildArchiveData(papers, topicRefLookup(topics), topics);
  return { papers, archive, registry: assigned.registry, newPermalinks: assigned.added };
}

function topicRefLookup(topics: TopicPage[]): (slug: string) => TopicRef {
  const bySlug = new Map(topics.map((topic) => [topic.slug, { slug: topic.slug, name: topic.name, url: topic.url }]));
  return (slug) => bySlug.get(slug) ?? { slug, name: slug, url: `/topics/${slug}/` };
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
    const page = toPaperPage(paper, topicRef, (slug) => bySlug.get(slug));
    const file = paperMarkdownFile(
      { layout: "paper.njk", templateEngineOverride: "md", permalink: `${paperUrl(paper.slug)}index.html`, paper: page },
      digestTextToMarkdown(paper.abstract),
    );
    await fs.writeFile(path.join(folder, "papers", `${paper.slug}.md`), file);
  }
  await fs.writeFile(path.join(folder, "_data", "archive.json"), JSON.stringify(content.archive));
  await fs.writeFile(path.join(folder, "_data", "build.json"), JSON.stringify(settings));
  return content.papers.length;
}
