import type { TopicListingPage, TopicPage, TopicRef } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import type { Taxonomy } from "../topics/taxonomy.ts";
import { dayLabel, dayUrl } from "./calendar.ts";
import { paperLink } from "./paper-page.ts";
import { truncateAtWord } from "./truncate-at-word.ts";

export const TOPIC_PAGE_SIZE = 50;

export const topicUrl = (slug: string) => `/topics/${slug}/`;
export const topicPageUrl = (slug: string, pageNumber: number) => (pageNumber === 1 ? topicUrl(slug) : `${topicUrl(slug)}page/${pageNumber}/`);

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
    feedUrl: `${topicUrl(topic.slug)}feed.xml`,
    paperCount: counts.get(topic.slug) ?? 0,
  }));
}

/** Each topic's papers, newest first (by the last day they appeared), 50 a page. */
export function topicListingPages(topics: readonly TopicPage[], papers: readonly Paper[], topicRef: (slug: string) => TopicRef): TopicListingPage[] {
  const newestFirst = [...papers].sort((a, b) => {
    const [x, y] = [a.appearances[a.appearances.length - 1]!, b.appearances[b.appearances.length - 1]!];
    return x.date !== y.date ? (x.date < y.date ? 1 : -1) : x.position - y.position;
  });
  return topics.flatMap((topic) => {
    const members = newestFirst.filter((paper) => paper.topics.includes(topic.slug));
    const pageCount = Math.max(1, Math.ceil(members.length / TOPIC_PAGE_SIZE));
    return Array.from({ length: pageCount }, (_, index) => {
      const pageNumber = index + 1;
      const chunk = members.slice(index * TOPIC_PAGE_SIZE, pageNumber * TOPIC_PAGE_SIZE);
      return {
        topic,
        url: topicPageUrl(topic.slug, pageNumber),
        pageNumber,
        pageCount,
        entries: chunk.map((paper) => {
          const date = paper.appearances[paper.appearances.length - 1]!.date;
          return {
            ...paperLink(paper),
            date,
            dateLabel: dayLabel(date),
            dayUrl: dayUrl(date),
            excerpt: truncateAtWord(paper.text.abstractText, 280),
            topics: paper.topics.map(topicRef),
          };
        }),
        hasMath: chunk.some((paper) => paper.text.titleHasMath),
        ...(pageNumber > 1 ? { previous: topicPageUrl(topic.slug, pageNumber - 1) } : {}),
        ...(pageNumber < pageCount ? { next: topicPageUrl(topic.slug, pageNumber + 1) } : {}),
      };
    });
  });
}
