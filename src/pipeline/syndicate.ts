import fs from "node:fs/promises";
import path from "node:path";
import { siteFeeds } from "../feeds/site-feeds.ts";
import { createMarkdownRenderer } from "../markdown/renderer.ts";
import type { BuildSettings } from "../model/site.ts";
import { topicFeedAliases } from "../site/redirects.ts";
import { robotsTxt, sitemapEntries, sitemapXml } from "../site/sitemap.ts";
import type { EnrichedArchive } from "./enrich.ts";

/** What the syndicate stage reports: the feeds and sitemap it wrote into the site. */
export interface Syndication {
  feeds: number;
  sitemapUrls: number;
}

/** Feeds, sitemap and robots.txt, written straight into the (staging) site folder. */
export async function syndicate(site: string, content: EnrichedArchive, settings: BuildSettings): Promise<Syndication> {
  const markdown = createMarkdownRenderer({ mathOutput: "mathml" });
  const feeds = siteFeeds({
    papers: content.papers,
    topics: content.archive.topics,
    settings,
    renderAbstractHtml: (abstractMarkdown) => markdown.render(abstractMarkdown).trim(),
  });
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
