import type { Paper } from "../model/types.ts";
import type { DayOrder } from "./day-order.ts";
import { arxivAbstractUrl, arxivPdfUrl, arxivTitleSearchUrl } from "./arxiv-links.ts";
import { firstDate } from "./paper-dates.ts";
import type { DayPlace, PaperLink, PaperPage, RelatedLink, TopicRef } from "../model/site.ts";
import { dayEntryUrl, dayLabel, dayUrl } from "./calendar.ts";
import { bibtex, plainCitation } from "./citation.ts";
import { truncateAtWord } from "./truncate-at-word.ts";

export const paperUrl = (slug: string) => `/papers/${slug}/`;

export function paperLink(paper: OtherPaper): PaperLink {
  return { url: paperUrl(paper.slug), titleMarkdown: paper.text.titleMarkdown, titleText: paper.text.titleText };
}

/**
 * A paper beside this one (on its first day, or in its related list): the page shows its link, made
 * from these two. It is the paper itself, read through this type, so gathering a page's input copies nothing.
 */
export type OtherPaper = Pick<Paper, "slug" | "text">;

/**
 * Everything a paper's page is made from: the paper itself and what the page
 * shows of the papers and days around it. toPaperPage reads nothing else, so
 * this (with the code and the build settings) decides the page's bytes and
 * keys its render-cache entry (paperPageKey); gathering it is cheap, making the page is not.
 */
export interface PaperPageInput {
  paper: Omit<Paper, "title" | "abstract" | "topics" | "related">;
  topics: TopicRef[];
  siteUrl: string;
  /** Its 0-based place on each day it appeared on, in the order of its appearances. */
  places: number[];
  /** How many papers its first day has, and the papers before and after it there. */
  firstDay: { count: number; previous?: OtherPaper; next?: OtherPaper };
  /** paperPageKey keys these fields one by one: a field added here must be added there. */
  related: { paper: OtherPaper; date: string; topic?: TopicRef }[];
}

/** The related papers the archive has, each with its first day and first topic. */
function relatedInput(
  slugs: readonly string[],
  paperBySlug: (slug: string) => Paper | undefined,
  topicRef: (slug: string) => TopicRef,
): PaperPageInput["related"] {
  const related: PaperPageInput["related"] = [];
  for (const slug of slugs) {
    const other = paperBySlug(slug);
    if (!other) continue;
    const topic = other.topics[0];
    related.push(topic ? { paper: other, date: firstDate(other), topic: topicRef(topic) } : { paper: other, date: firstDate(other) });
  }
  return related;
}

/** What toPaperPage needs of `paper` and the archive around it. */
export function paperPageInput(
  paper: Paper,
  topicRef: (slug: string) => TopicRef,
  paperBySlug: (slug: string) => Paper | undefined,
  siteUrl: string,
  days: DayOrder,
): PaperPageInput {
  const { title: _title, abstract: _abstract, topics, related, ...own } = paper;
  const first = paper.appearances[0]!;
  const list = days.days.get(first.date) ?? [paper];
  const places = paper.appearances.map(({ date }) => Math.max(0, days.indexOn(paper, date)));
  const place = places[0]!;
  const [previous, next] = [list[place - 1], list[place + 1]];
  return {
    paper: own,
    topics: topics.map(topicRef),
    siteUrl,
    places,
    firstDay: {
      count: list.length,
      ...(previous ? { previous } : {}),
      ...(next ? { next } : {}),
    },
    related: relatedInput(related, paperBySlug, topicRef),
  };
}

/** The paper's place in the day it first appeared on. */
function dayPlace(input: PaperPageInput): DayPlace {
  const { date } = input.paper.appearances[0]!;
  const { count, previous, next } = input.firstDay;
  return {
    date,
    label: dayLabel(date),
    entryUrl: dayEntryUrl(date, input.places[0]!, input.paper.slug),
    position: input.places[0]! + 1,
    count,
    ...(previous ? { previous: paperLink(previous) } : {}),
    ...(next ? { next: paperLink(next) } : {}),
  };
}

function relatedLink({ paper, date, topic }: PaperPageInput["related"][number]): RelatedLink {
  return { ...paperLink(paper), date, dateLabel: dayLabel(date), ...(topic ? { topic } : {}) };
}

/** Two papers of one title in a list are told apart by their dates, in the link text too. */
function markSameTitles(links: RelatedLink[]): RelatedLink[] {
  const count = new Map<string, number>();
  for (const link of links) count.set(link.titleText, (count.get(link.titleText) ?? 0) + 1);
  return links.map((link) => ((count.get(link.titleText) ?? 0) > 1 ? { ...link, sameTitle: true } : link));
}

/** Where to read the paper, each link only when the digest gives what it needs. */
function outLinks(paper: PaperPageInput["paper"], searchQuery: string): PaperPage["links"] {
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

/** Everything a paper's page shows, made from its input (see PaperPageInput) alone. */
export function toPaperPage(input: PaperPageInput): PaperPage {
  const { paper, topics, siteUrl } = input;
  const { titleText, abstractText } = paper.text;
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
      [...input.related.map((related) => related.paper), input.firstDay.previous, input.firstDay.next].some(
        (other) => other?.text.titleHasMath,
      ),
    mathWords: paper.text.mathWords,
    appearances: paper.appearances.map(({ date }, index) => ({
      date,
      url: dayUrl(date),
      label: dayLabel(date),
      entryUrl: dayEntryUrl(date, input.places[index]!, paper.slug),
    })),
    dayPlace: dayPlace(input),
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
    related: markSameTitles(input.related.map(relatedLink)),
  };
}
