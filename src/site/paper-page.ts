import type { Paper } from "../model/types.ts";
import type { PaperLink, PaperPage, TopicRef } from "../model/site.ts";
import { dayLabel, dayUrl } from "./calendar.ts";
import { truncateAtWord } from "./truncate-at-word.ts";

export const paperUrl = (slug: string) => `/papers/${slug}/`;

export function paperLink(paper: Paper): PaperLink {
  return { url: paperUrl(paper.slug), titleMarkdown: paper.text.titleMarkdown, titleText: paper.text.titleText };
}

/** Everything a paper's page shows, derived from the merged paper. */
export function toPaperPage(
  paper: Paper,
  topicRef: (slug: string) => TopicRef,
  paperBySlug: (slug: string) => Paper | undefined,
  siteUrl: string,
): PaperPage {
  const { titleText, abstractText } = paper.text;
  const topics = paper.topics.map(topicRef);
  const query = encodeURIComponent(titleText);
  const dates = paper.appearances.map((appearance) => appearance.date);
  return {
    slug: paper.slug,
    url: paperUrl(paper.slug),
    titleMarkdown: paper.text.titleMarkdown,
    titleText,
    description: truncateAtWord(abstractText, 200),
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      headline: titleText,
      abstract: abstractText,
      datePublished: dates[0]!,
      url: `${siteUrl}${paperUrl(paper.slug)}`,
      ...(paper.arxivId ? { sameAs: `https://arxiv.org/abs/${paper.arxivId}` } : {}),
      keywords: topics.map((topic) => topic.name),
      ...(paper.authors.length ? { author: paper.authors.map((name) => ({ "@type": "Person" as const, name })) } : {}),
    },
    // Related titles render with math too, so they count.
    hasMath:
      paper.text.titleHasMath ||
      paper.text.abstractHasMath ||
      paper.related.some((slug) => {
        const other = paperBySlug(slug);
        return other !== undefined && other.text.titleHasMath;
      }),
    appearances: dates.map((date) => ({ date, url: dayUrl(date), label: dayLabel(date) })),
    firstDate: dates[0]!,
    lastDate: dates[dates.length - 1]!,
    ...(paper.arxivId
      ? { arxiv: { id: paper.arxivId, abs: `https://arxiv.org/abs/${paper.arxivId}`, pdf: `https://arxiv.org/pdf/${paper.arxivId}` } }
      : {}),
    searchLinks: {
      arxiv: `https://arxiv.org/search/?query=${query}&searchtype=title`,
      huggingface: `https://huggingface.co/papers?q=${query}`,
    },
    card: paper.card,
    authors: paper.authors,
    topics,
    related: paper.related.flatMap((slug) => {
      const other = paperBySlug(slug);
      if (!other) return [];
      const date = other.appearances[0]!.date;
      return [{ ...paperLink(other), day: { date, url: dayUrl(date), label: dayLabel(date) }, ...(other.topics[0] ? { topic: topicRef(other.topics[0]) } : {}) }];
    }),
  };
}
