import { arxivAbstractUrl } from "../site/arxiv-links.ts";
import { feedPaths } from "./feed-paths.ts";
import type { BuildSettings, TopicPage } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { dayUrl } from "../site/calendar.ts";
import { firstDate } from "../site/paper-dates.ts";
import { paperUrl } from "../site/paper-page.ts";
import { atomFeed, jsonFeed, rssFeed, type FeedEntry } from "./build-feeds.ts";
import { selectFeedDays, type FeedDay } from "./feed-window.ts";

/** How many papers a feed carries, at most (whole days, except a newest day larger than this). */
export const FEED_LIMIT = 200;

export interface FeedFile {
  /** Path inside the site, e.g. "feed.xml" or "topics/retrieval/feed.xml". */
  path: string;
  content: string;
}

export interface FeedSources {
  papers: readonly Paper[];
  topics: readonly TopicPage[];
  settings: BuildSettings;
  /** A paper's abstract markdown as feed-safe HTML: math as MathML, no KaTeX HTML. */
  renderAbstractHtml: (abstractMarkdown: string) => string;
}

export { feedPaths };

/** The site's Atom, RSS and JSON feeds, and one Atom feed per topic. */
export function siteFeeds(sources: FeedSources): FeedFile[] {
  const { settings } = sources;
  const absolute = (path: string) => `${settings.siteUrl}/${path}`;
  const topicNames = new Map(sources.topics.map((topic) => [topic.slug, topic.name]));
  // A paper is in the site's feeds and in each of its topics' feeds: its entry, the abstract rendered
  // to HTML most of all, is made once.
  const entries = new Map<string, FeedEntry>();
  const entryFor = (paper: Paper, date: string): FeedEntry => {
    const key = `${paper.slug}\0${date}`;
    let entry = entries.get(key);
    if (entry === undefined) entries.set(key, (entry = makeEntry(paper, date)));
    return entry;
  };
  const makeEntry = (paper: Paper, date: string): FeedEntry => ({
    url: `${settings.siteUrl}${paperUrl(paper.slug)}`,
    title: paper.text.titleText,
    date,
    // A paper seen again is placed at its latest day, but it was first published on its first.
    published: firstDate(paper),
    summary: paper.text.abstractText,
    contentHtml: sources.renderAbstractHtml(paper.text.abstractMarkdown),
    categories: paper.topics.map((slug) => ({ term: slug, label: topicNames.get(slug) ?? slug })),
    ...(paper.arxivId ? { arxivUrl: arxivAbstractUrl(paper.arxivId) } : {}),
    authors: paper.authors,
  });

  const window = (papers: readonly Paper[]) => {
    const selected = selectFeedDays(feedDays(papers), FEED_LIMIT);
    return { entries: selected.days.flatMap((day) => day.items.map((paper) => entryFor(paper, day.date))), cut: selected.cut };
  };
  /** The channel's description, saying when the newest day was too large to carry whole. */
  const describe = (description: string, cut: ReturnType<typeof window>["cut"]) =>
    cut
      ? `${description} The newest day, ${cut.date}, lists ${cut.total.toLocaleString("en-US")} papers; this feed carries the first ${cut.carried}, and the day's page at ${settings.siteUrl}${dayUrl(cut.date)} lists them all.`
      : description;
  const siteWindow = window(sources.papers);
  const siteEntries = siteWindow.entries;
  const site = {
    title: settings.siteTitle,
    description: describe(settings.siteDescription, siteWindow.cut),
    homeUrl: `${settings.siteUrl}/`,
    links: { atom: absolute(feedPaths.atom), rss: absolute(feedPaths.rss), json: absolute(feedPaths.json) },
    entries: siteEntries,
  };
  const files: FeedFile[] = [
    { path: feedPaths.atom, content: atomFeed(site) },
    { path: feedPaths.rss, content: rssFeed(site) },
    { path: feedPaths.json, content: jsonFeed(site) },
  ];
  for (const topic of sources.topics) {
    const papers = sources.papers.filter((paper) => paper.topics.includes(topic.slug));
    const topicWindow = window(papers);
    files.push({
      path: feedPaths.topic(topic.slug),
      content: atomFeed({
        title: `${topic.name} · ${settings.siteTitle}`,
        description: describe(topic.description, topicWindow.cut),
        homeUrl: `${settings.siteUrl}${topic.url}`,
        links: { atom: absolute(feedPaths.topic(topic.slug)) },
        entries: topicWindow.entries,
      }),
    });
  }
  return files;
}

/**
 * Papers grouped by the day they appeared, each in digest order. A paper seen
 * on several days is one item, placed at its most recent day.
 */
function feedDays(papers: readonly Paper[]): FeedDay<Paper>[] {
  const byDay = new Map<string, { position: number; paper: Paper }[]>();
  for (const paper of papers) {
    const latest = paper.appearances[paper.appearances.length - 1];
    if (!latest) continue;
    byDay.set(latest.date, [...(byDay.get(latest.date) ?? []), { position: latest.position, paper }]);
  }
  return [...byDay].map(([date, items]) => ({ date, items: items.sort((a, b) => a.position - b.position).map((item) => item.paper) }));
}
