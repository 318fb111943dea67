import type { TopicEntry, TopicListingPage, TopicPage, TopicRef } from "../model/site.ts";
import { feedPaths } from "../feeds/feed-paths.ts";
import type { Paper } from "../model/types.ts";
import type { Taxonomy } from "../topics/taxonomy.ts";
import { dayLabel, dayUrl } from "./calendar.ts";
import { paperUrl } from "./paper-page.ts";
import { truncateAtWord } from "./truncate-at-word.ts";

export const TOPIC_PAGE_SIZE = 50;

export const topicUrl = (slug: string) => `/topics/${slug}/`;
/** A numbered page of a topic's listing, page 1 holding its oldest papers. */
export const topicPageUrl = (slug: string, pageNumber: number) => `${topicUrl(slug)}page/${pageNumber}/`;

/**
 * Every topic of the taxonomy with how many papers it has, largest first
 * (equal counts by name), the order the topics index lists them in. Empty
 * topics are kept: their pages exist and say so.
 */
export function topicSummaries(taxonomy: Taxonomy, papers: readonly Paper[]): TopicPage[] {
  const counts = new Map<string, number>();
  for (const paper of papers) for (const slug of paper.topics) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const bySize = [...taxonomy.topics].sort(
    (a, b) => (counts.get(b.slug) ?? 0) - (counts.get(a.slug) ?? 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  return bySize.map((topic) => ({
    slug: topic.slug,
    name: topic.name,
    description: topic.description,
    url: topicUrl(topic.slug),
    feedUrl: `/${feedPaths.topic(topic.slug)}`,
    paperCount: counts.get(topic.slug) ?? 0,
  }));
}

/** The day a paper was first listed and its place that day: it never changes, so neither do full topic pages. */
function firstListed(paper: Paper) {
  return paper.appearances[0]!;
}

function oldestFirst(a: Paper, b: Paper): number {
  const [x, y] = [firstListed(a), firstListed(b)];
  if (x.date !== y.date) return x.date < y.date ? -1 : 1;
  if (x.position !== y.position) return x.position - y.position;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/**
 * How many numbered pages a topic with `paperCount` papers has: none while its
 * front page holds them all, then every full page plus the one that fills next
 * (empty until the next paper arrives), so a full page's "newer" link never
 * changes.
 */
export function numberedPageCount(paperCount: number): number {
  return paperCount <= TOPIC_PAGE_SIZE ? 0 : Math.floor(paperCount / TOPIC_PAGE_SIZE) + 1;
}

/**
 * Each topic's listing. `/topics/<slug>/` shows its newest 50 papers; behind it,
 * `/topics/<slug>/page/N/` are numbered from the oldest (page 1 holds the 50
 * papers first listed earliest), each newest first within the page. Papers are
 * placed by the day they were first listed, which never changes, so a full
 * page stays byte-identical as days are added: a new day changes only the
 * front page and the newest numbered page (or starts the next one).
 */
export function topicListingPages(
  topics: readonly TopicPage[],
  papers: readonly Paper[],
  topicRef: (slug: string) => TopicRef,
): TopicListingPage[] {
  // Each topic's papers, oldest first: one pass over the archive, not one per topic.
  const byTopic = new Map<string, Paper[]>(topics.map((topic) => [topic.slug, []]));
  for (const paper of [...papers].sort(oldestFirst)) {
    for (const slug of paper.topics) {
      const members = byTopic.get(slug);
      // Once, should a paper name a topic twice.
      if (members && members[members.length - 1] !== paper) members.push(paper);
    }
  }
  const entry = (paper: Paper): TopicEntry => {
    const date = firstListed(paper).date;
    const { text } = paper;
    // Read when the page renders, not for every listing (see MathText.paperText).
    return {
      url: paperUrl(paper.slug),
      get titleMarkdown() {
        return text.titleMarkdown;
      },
      get titleText() {
        return text.titleText;
      },
      date,
      dateLabel: dayLabel(date),
      dayUrl: dayUrl(date),
      get excerpt() {
        return truncateAtWord(text.abstractText, 280);
      },
      topics: paper.topics.map(topicRef),
    };
  };
  const listing = (members: readonly Paper[]) => ({
    entries: [...members].reverse().map(entry),
    hasMath: members.some((paper) => paper.text.titleHasMath),
  });
  return topics.flatMap(({ paperCount, ...topic }) => {
    const members = byTopic.get(topic.slug)!;
    const numbered = numberedPageCount(members.length);
    const newestOnFront = members.slice(-TOPIC_PAGE_SIZE);
    // The page holding the newest paper that the front page has no room for.
    const olderThanFront = members.length - newestOnFront.length - 1;
    const front: TopicListingPage = {
      topic,
      url: topicUrl(topic.slug),
      paperCount,
      ...listing(newestOnFront),
      ...(olderThanFront >= 0 ? { older: topicPageUrl(topic.slug, Math.floor(olderThanFront / TOPIC_PAGE_SIZE) + 1) } : {}),
    };
    const pages = Array.from({ length: numbered }, (_, index): TopicListingPage => {
      const pageNumber = index + 1;
      return {
        topic,
        url: topicPageUrl(topic.slug, pageNumber),
        pageNumber,
        ...listing(members.slice(index * TOPIC_PAGE_SIZE, pageNumber * TOPIC_PAGE_SIZE)),
        ...(pageNumber < numbered ? { newer: topicPageUrl(topic.slug, pageNumber + 1) } : {}),
        ...(pageNumber > 1 ? { older: topicPageUrl(topic.slug, pageNumber - 1) } : {}),
      };
    });
    return [front, ...pages];
  });
}
