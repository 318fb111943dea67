import { Feed } from "feed";
import { escapeXmlAttribute, plainTextAsHtml, xmlSafeText } from "./xml-safe-text.ts";

/** One paper in a feed, with every URL already absolute. */
export interface FeedEntry {
  /** The paper's permalink: its link and its id/guid, stable forever. */
  url: string;
  /** Plain text. */
  title: string;
  /** The digest date it is listed under, its latest, YYYY-MM-DD. */
  date: string;
  /** The first digest date it appeared on (default: `date`). */
  published?: string;
  /** Plain-text abstract, for summaries. */
  summary: string;
  /** The full abstract as HTML whose math is MathML (feed readers lack KaTeX's CSS). */
  contentHtml: string;
  categories: { term: string; label: string }[];
  arxivUrl?: string;
  authors: string[];
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The page the feed follows (absolute). */
  homeUrl: string;
  /** This feed's own URLs (absolute). */
  links: { atom?: string; rss?: string; json?: string };
  entries: FeedEntry[];
}

const digestInstant = (date: string) => new Date(`${date}T00:00:00Z`);

/** Updated = the newest digest date in the feed: no build timestamps, so rebuilds are byte-identical. */
function newestDate(channel: FeedChannel): Date {
  const newest = channel.entries.reduce((max, entry) => (entry.date > max ? entry.date : max), "1970-01-01");
  return digestInstant(newest);
}

function contentWithLinks(entry: FeedEntry): string {
  const arxiv = entry.arxivUrl ? `<p><a href="${escapeXmlAttribute(entry.arxivUrl)}">arXiv</a></p>` : "";
  // The feed library wraps this in CDATA and splits any "]]>" itself.
  return xmlSafeText(`${entry.contentHtml}${arxiv}`);
}

function xmlFeed(channel: FeedChannel): Feed {
  const feed = new Feed({
    title: xmlSafeText(channel.title),
    description: xmlSafeText(channel.description),
    id: channel.homeUrl,
    link: channel.homeUrl,
    language: "en",
    updated: newestDate(channel),
    generator: "Daily Papers Archive",
    copyright: "Titles and abstracts belong to their authors.",
    feedLinks: { ...channel.links },
  });
  for (const entry of channel.entries) {
    feed.addItem({
      title: plainTextAsHtml(entry.title),
      // With only a link, the library writes the guid as the permalink it is (isPermaLink="true");
      // Atom takes the same URL as the entry id.
      link: entry.url,
      date: digestInstant(entry.date),
      published: digestInstant(entry.published ?? entry.date),
      description: plainTextAsHtml(entry.summary),
      content: contentWithLinks(entry),
      category: entry.categories.map((category) => ({ name: xmlSafeText(category.label), term: category.term })),
      author: entry.authors.map((name) => ({ name: xmlSafeText(name) })),
    });
  }
  return feed;
}

/**
 * The browser-readable view of a feed (layouts/assets/feed.xsl), linked relative to the feed
 * so it works under any base path: the site's feeds sit at the root, a topic's two folders down.
 */
function withStylesheet(xml: string, feedUrl = ""): string {
  const href = /\/topics\/[^/]+\/feed\.xml$/.test(feedUrl) ? "../../assets/feed.xsl" : "assets/feed.xsl";
  return xml.replace(/^(<\?xml[^>]*\?>)\n?/, `$1\n<?xml-stylesheet type="text/xsl" href="${href}"?>\n`);
}

export function atomFeed(channel: FeedChannel): string {
  return `${withStylesheet(xmlFeed(channel).atom1(), channel.links.atom)}\n`;
}

export function rssFeed(channel: FeedChannel): string {
  return `${withStylesheet(xmlFeed(channel).rss2(), channel.links.rss)}\n`;
}

/**
 * JSON Feed 1.1. The feed library writes version 1.0, so this one is built as
 * a typed object and serialised by JSON.stringify, which escapes everything.
 */
export function jsonFeed(channel: FeedChannel): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.homeUrl,
    ...(channel.links.json ? { feed_url: channel.links.json } : {}),
    description: channel.description,
    language: "en",
    items: channel.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      ...(entry.arxivUrl ? { external_url: entry.arxivUrl } : {}),
      title: xmlSafeText(entry.title),
      content_html: `${entry.contentHtml}${entry.arxivUrl ? `<p><a href="${escapeXmlAttribute(entry.arxivUrl)}">arXiv</a></p>` : ""}`,
      summary: xmlSafeText(entry.summary),
      date_published: digestInstant(entry.published ?? entry.date)
        .toISOString()
        .replace(".000Z", "Z"),
      ...(entry.published && entry.published !== entry.date
        ? { date_modified: digestInstant(entry.date).toISOString().replace(".000Z", "Z") }
        : {}),
      tags: entry.categories.map((category) => category.label),
      ...(entry.authors.length ? { authors: entry.authors.map((name) => ({ name })) } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
