import { arxivAbstractUrl } from "../site/arxiv-links.ts";
import { feedPaths } from "./feed-paths.ts";
import type { BuildSettings, TopicPage } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { dayUrl } from "../site/calendar.ts";
import { firstDate } from "../site/paper-dates.ts";
import { paperUrl } from "../site/paper-page.ts";
import { atomFeed, jsonFeed, rssFeed, type FeedChannel, type FeedEntry } from "./build-feeds.ts";
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

/** What a feed entry shows of its paper: plain data, so a plan can be rendered on another thread. */
export interface FeedPaper {
  slug: string;
  titleText: string;
  abstractText: string;
  abstractMarkdown: string;
  /** Its first digest date: a paper seen again is listed at its latest day, but was first published on its first. */
  published: string;
  categories: { term: string; label: string }[];
  arxivId?: string;
  authors: string[];
}

/** One feed file to make: its channel, its entries naming papers of the plan by index. */
export interface PlannedFeed {
  path: string;
  format: "atom" | "rss" | "json";
  channel: Omit<FeedChannel, "entries">;
  entries: { paper: number; date: string }[];
}

/** Every feed of the site, with the papers any of them carries, each once. */
export interface FeedPlan {
  siteUrl: string;
  papers: FeedPaper[];
  feeds: PlannedFeed[];
}

/** The site's Atom, RSS and JSON feeds, and one Atom feed per topic. */
export function siteFeeds(sources: FeedSources): FeedFile[] {
  return renderFeeds(planFeeds(sources), sources.renderAbstractHtml);
}

/** Which papers each feed carries, and its channel: cheap, and all of it decided by the archive. */
export function planFeeds(sources: Omit<FeedSources, "renderAbstractHtml">): FeedPlan {
  const { settings } = sources;
  const absolute = (path: string) => `${settings.siteUrl}/${path}`;
  const topicNames = new Map(sources.topics.map((topic) => [topic.slug, topic.name]));
  const papers: FeedPaper[] = [];
  const place = new Map<Paper, number>();
  const placeOf = (paper: Paper): number => {
    let index = place.get(paper);
    if (index === undefined) {
      place.set(paper, (index = papers.length));
      papers.push({
        slug: paper.slug,
        titleText: paper.text.titleText,
        abstractText: paper.text.abstractText,
        abstractMarkdown: paper.text.abstractMarkdown,
        published: firstDate(paper),
        categories: paper.topics.map((slug) => ({ term: slug, label: topicNames.get(slug) ?? slug })),
        ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
        authors: paper.authors,
      });
    }
    return index;
  };
  const window = (papers: readonly Paper[]) => {
    const selected = selectFeedDays(feedDays(papers), FEED_LIMIT);
    return {
      entries: selected.days.flatMap((day) => day.items.map((paper) => ({ paper: placeOf(paper), date: day.date }))),
      cut: selected.cut,
    };
  };
  /** The channel's description, saying when the newest day was too large to carry whole. */
  const describe = (description: string, cut: ReturnType<typeof window>["cut"]) =>
    cut
      ? `${description} The newest day, ${cut.date}, lists ${cut.total.toLocaleString("en-US")} papers; this feed carries the first ${cut.carried}, and the day's page at ${settings.siteUrl}${dayUrl(cut.date)} lists them all.`
      : description;
  const siteWindow = window(sources.papers);
  const site = {
    title: settings.siteTitle,
    description: describe(settings.siteDescription, siteWindow.cut),
    homeUrl: `${settings.siteUrl}/`,
    links: { atom: absolute(feedPaths.atom), rss: absolute(feedPaths.rss), json: absolute(feedPaths.json) },
  };
  const feeds: PlannedFeed[] = [
    { path: feedPaths.atom, format: "atom", channel: site, entries: siteWindow.entries },
    { path: feedPaths.rss, format: "rss", channel: site, entries: siteWindow.entries },
    { path: feedPaths.json, format: "json", channel: site, entries: siteWindow.entries },
  ];
  for (const topic of sources.topics) {
    const topicWindow = window(sources.papers.filter((paper) => paper.topics.includes(topic.slug)));
    feeds.push({
      path: feedPaths.topic(topic.slug),
      format: "atom",
      channel: {
        title: `${topic.name} · ${settings.siteTitle}`,
        description: describe(topic.description, topicWindow.cut),
        homeUrl: `${settings.siteUrl}${topic.url}`,
        links: { atom: absolute(feedPaths.topic(topic.slug)) },
      },
      entries: topicWindow.entries,
    });
  }
  return { siteUrl: settings.siteUrl, papers, feeds };
}

/**
 * The feed files of a plan. A paper is in the site's feeds and in each of its
 * topics' feeds: its entry, the abstract rendered to HTML most of all, is made once.
 */
export function renderFeeds(plan: FeedPlan, renderAbstractHtml: FeedSources["renderAbstractHtml"]): FeedFile[] {
  const entries = new Map<string, FeedEntry>();
  const entryFor = ({ paper: index, date }: PlannedFeed["entries"][number]): FeedEntry => {
    const key = `${index}\0${date}`;
    let entry = entries.get(key);
    if (entry === undefined) {
      const paper = plan.papers[index]!;
      entry = {
        url: `${plan.siteUrl}${paperUrl(paper.slug)}`,
        title: paper.titleText,
        date,
        published: paper.published,
        summary: paper.abstractText,
        contentHtml: renderAbstractHtml(paper.abstractMarkdown),
        categories: paper.categories,
        ...(paper.arxivId ? { arxivUrl: arxivAbstractUrl(paper.arxivId) } : {}),
        authors: paper.authors,
      };
      entries.set(key, entry);
    }
    return entry;
  };
  const write = { atom: atomFeed, rss: rssFeed, json: jsonFeed };
  return plan.feeds.map((feed) => ({
    path: feed.path,
    content: write[feed.format]({ ...feed.channel, entries: feed.entries.map(entryFor) }),
  }));
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
