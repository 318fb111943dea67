import type { Paper } from "../model/types.ts";
import type { DayOrder } from "./day-order.ts";
import { arxivAbstractUrl, arxivPdfUrl, arxivTitleSearchUrl } from "./arxiv-links.ts";
import { firstDate } from "./paper-dates.ts";
import type { DayPlace, PaperLink, PaperPage, RelatedLink, TopicRef } from "../model/site.ts";
import { dayEntryUrl, dayLabel, dayUrl } from "./calendar.ts";
import { bibtex, plainCitation } from "./citation.ts";
import { truncateAtWord } from "./truncate-at-word.ts";

export const paperUrl = (slug: string) => `/papers/${slug}/`;

export function paperLink(paper: Paper): PaperLink {
  return { url: paperUrl(paper.slug), titleMarkdown: paper.text.titleMarkdown, titleText: paper.text.titleText };
}

/** The papers before and after it on the day it first appeared on. */
function neighbours(paper: Paper, days: DayOrder): (Paper | undefined)[] {
  const date = firstDate(paper);
  const list = days.days.get(date) ?? [];
  const index = days.indexOn(paper, date);
  return index < 0 ? [] : [list[index - 1], list[index + 1]];
}

/** The paper's place in the day it first appeared on. */
function dayPlace(paper: Paper, days: DayOrder): DayPlace {
  const first = paper.appearances[0]!;
  const list = days.days.get(first.date) ?? [paper];
  const index = Math.max(0, days.indexOn(paper, first.date));
  const previous = list[index - 1];
  const next = list[index + 1];
  return {
    date: first.date,
    label: dayLabel(first.date),
    entryUrl: dayEntryUrl(first.date, index, paper.slug),
    position: index + 1,
    count: list.length,
    ...(previous ? { previous: paperLink(previous) } : {}),
    ...(next ? { next: paperLink(next) } : {}),
  };
}

function relatedLink(paper: Paper, topicRef: (slug: string) => TopicRef): RelatedLink {
  const date = firstDate(paper);
  return { ...paperLink(paper), date, dateLabel: dayLabel(date), ...(paper.topics[0] ? { topic: topicRef(paper.topics[0]) } : {}) };
}

/** Two papers of one title in a list are told apart by their dates, in the link text too. */
function markSameTitles(links: RelatedLink[]): RelatedLink[] {
  const count = new Map<string, number>();
  for (const link of links) count.set(link.titleText, (count.get(link.titleText) ?? 0) + 1);
  return links.map((link) => ((count.get(link.titleText) ?? 0) > 1 ? { ...link, sameTitle: true } : link));
}

/** Where to read the paper, each link only when the digest gives what it needs. */
function outLinks(paper: Paper, searchQuery: string): PaperPage["links"] {
  const links: PaperPage["links"] = [];
  if (paper.arxivId) {
    links.push({ kind: "arxiv", label: "arXiv abstract", url: arxivAbstractUrl(paper.arxivId) });
    links.push({ kind: "pdf", label: "PDF", url: arxivPdfUrl(paper.arxivId) });
    links.push({ kind: "huggingface", label: "Hugging Face", url: `https://huggingface.co/papers/${paper.arxivId}` });
  }
  if (paper.card.githubRepo) links.push({ kind: "code", label: "Code", url: paper.card.githubRepo });
  if (paper.card.projectPage) links.push({ kind: "project", label: "Project page", url: paper.card.projectPage });
  if (!paper.arxivId) {
    links.push({ kind: "search", label: "Search arXiv", url: arxivTitleSearchUrl(searchQuery) });
    links.push({ kind: "search", label: "Search Hugging Face", url: `https://huggingface.co/papers?q=${searchQuery}` });
  }
  return links;
}

/** Everything a paper's page shows, derived from the merged paper. */
export function toPaperPage(
  paper: Paper,
  topicRef: (slug: string) => TopicRef,
  paperBySlug: (slug: string) => Paper | undefined,
  siteUrl: string,
  days: DayOrder,
): PaperPage {
  const { titleText, abstractText } = paper.text;
  const topics = paper.topics.map(topicRef);
  const query = encodeURIComponent(titleText);
  const dates = paper.appearances.map((appearance) => appearance.date);
  const citation = {
    titleText,
    authors: paper.authors,
    ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
    date: paper.card.publishedOn ?? dates[0]!,
    url: `${siteUrl}${paperUrl(paper.slug)}`,
  };
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
      ...(paper.arxivId ? { sameAs: arxivAbstractUrl(paper.arxivId) } : {}),
      keywords: topics.map((topic) => topic.name),
      ...(paper.authors.length ? { author: paper.authors.map((name) => ({ "@type": "Person" as const, name })) } : {}),
    },
    hasMath: paper.text.titleHasMath || paper.text.abstractHasMath,
    // Related titles, and the titles of the papers before and after it, render with math too.
    needsMathStyles:
      paper.text.titleHasMath ||
      paper.text.abstractHasMath ||
      [...paper.related.map(paperBySlug), ...neighbours(paper, days)].some((other) => other !== undefined && other.text.titleHasMath),
    mathWords: paper.text.mathWords,
    appearances: paper.appearances.map(({ date }) => ({
      date,
      url: dayUrl(date),
      label: dayLabel(date),
      entryUrl: dayEntryUrl(date, Math.max(0, days.indexOn(paper, date)), paper.slug),
    })),
    dayPlace: dayPlace(paper, days),
    links: outLinks(paper, query),
    citation: {
      bibtex: bibtex(citation),
      plain: plainCitation(citation),
    },
    firstDate: dates[0]!,
    lastDate: dates[dates.length - 1]!,
    ...(paper.arxivId ? { arxiv: { id: paper.arxivId, abs: arxivAbstractUrl(paper.arxivId), pdf: arxivPdfUrl(paper.arxivId) } } : {}),
    searchLinks: {
      arxiv: arxivTitleSearchUrl(query),
      huggingface: `https://huggingface.co/papers?q=${query}`,
    },
    card: paper.card,
    authors: paper.authors,
    topics,
    related: markSameTitles(
      paper.related.flatMap((slug) => {
        const other = paperBySlug(slug);
        return other ? [relatedLink(other, topicRef)] : [];
      }),
    ),
  };
}
