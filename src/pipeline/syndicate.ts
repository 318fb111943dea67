import fs from "node:fs/promises";
import path from "node:path";
import { planFeeds, renderFeeds, type FeedFile, type FeedPlan } from "../feeds/site-feeds.ts";
import { createMarkdownRenderer } from "../markdown/renderer.ts";
import type { BuildSettings } from "../model/site.ts";
import { topicFeedAliases } from "../site/redirects.ts";
import { robotsTxt, sitemapEntries, sitemapXml } from "../site/sitemap.ts";
import type { EnrichedArchive } from "./enrich.ts";
import { runInWorker } from "./in-worker.ts";

/** What the syndicate stage reports: the feeds and sitemap it wrote into the site. */
export interface Syndication {
  feeds: number;
  sitemapUrls: number;
}

/** From this many papers on, the feeds are rendered on a worker thread; below, its start-up costs more than it saves. */
export const MIN_PAPERS_FOR_FEEDS_WORKER = 4000;

/**
 * Starts making the site's feeds and gives what waits for them. For a large
 * archive they are planned here (which papers each carries) and rendered
 * (abstracts to HTML, XML) on a worker thread at once, while this thread
 * writes the Eleventy input and renders; otherwise all of it happens on this
 * thread when waited for. Nothing is written yet.
 */
export function startFeeds(
  content: EnrichedArchive,
  settings: BuildSettings,
  jobs: number,
  minPapersForWorker = MIN_PAPERS_FOR_FEEDS_WORKER,
): () => Promise<FeedFile[]> {
  const plan = () => planFeeds({ papers: content.papers, topics: content.archive.topics, settings });
  if (jobs < 2 || content.papers.length < minPapersForWorker) return async () => renderFeedFiles(plan());
  const rendering = runInWorker<FeedFile[]>(new URL(import.meta.url), "renderFeedFiles", [plan()]);
  // Waited for later; a build that fails before then must not leave this failure unhandled.
  rendering.catch(() => {});
  return () => rendering;
}

/** The plan's feed files, each abstract's math as MathML (feed readers lack KaTeX's CSS). */
export function renderFeedFiles(plan: FeedPlan): FeedFile[] {
  const markdown = createMarkdownRenderer({ mathOutput: "mathml" });
  return renderFeeds(plan, (abstractMarkdown) => markdown.render(abstractMarkdown).trim());
}

/** Feeds (see startFeeds), sitemap and robots.txt, written straight into the (staging) site folder. */
export async function syndicate(
  site: string,
  content: EnrichedArchive,
  settings: BuildSettings,
  feeds: readonly FeedFile[],
): Promise<Syndication> {
  const entries = sitemapEntries(content.archive, content.papers);
  const feedByPath = new Map(feeds.map((feed) => [feed.path, feed.content]));
  // An old topic's feed address keeps serving: a copy of its new topic's feed.
  const feedAliases = topicFeedAliases(content.archive.redirects).flatMap(({ from, to }) => {
    const feed = feedByPath.get(to.slice(1));
    return feed === undefined ? [] : [{ path: from.slice(1), content: feed }];
  });
  const files = [
    ...feeds,
    ...feedAliases,
    { path: "sitemap.xml", content: sitemapXml(entries, settings.siteUrl) },
    { path: "robots.txt", content: robotsTxt(settings.siteUrl) },
  ];
  for (const file of files) {
    const target = path.join(site, file.path);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content);
  }
  return { feeds: feeds.length, sitemapUrls: entries.length };
}
