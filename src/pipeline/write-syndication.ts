import fs from "node:fs/promises";
import path from "node:path";
import { siteFeeds } from "../feeds/site-feeds.ts";
import { digestTextToMarkdown } from "../math/digest-text.ts";
import { createMarkdownRenderer } from "../markdown/renderer.ts";
import type { BuildSettings } from "../model/site.ts";
import { robotsTxt, sitemapEntries, sitemapXml } from "../site/sitemap.ts";
import type { SiteContent } from "./preprocess.ts";

/** Feeds, sitemap and robots.txt, written straight into the (staging) site folder. */
export async function writeSyndication(site: string, content: SiteContent, settings: BuildSettings): Promise<{ feeds: number; sitemapUrls: number }> {
  const markdown = createMarkdownRenderer({ mathOutput: "mathml" });
  const feeds = siteFeeds({
    papers: content.papers,
    topics: content.archive.topics,
    settings,
    renderAbstractHtml: (abstract) => markdown.render(digestTextToMarkdown(abstract)).trim(),
  });
  const entries = sitemapEntries(content.archive, content.papers);
  const files = [
    ...feeds,
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
