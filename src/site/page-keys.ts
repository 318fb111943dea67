import { hash } from "node:crypto";
import type { PaperSummary, TopicEntry, TopicPage, TopicRef } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import type { PaginatedPage } from "./listing-pages.ts";
import { paperUrl, type OtherPaper, type PaperPageInput } from "./paper-page.ts";

/**
 * What the keys of one build's pages share: each paper's text key by its page
 * URL, and each topic's key by its slug.
 *
 * A page's key is the data it is made from in a compact form, which changes
 * exactly when that data does. Every form of a paper's title and abstract (and
 * whether they hold math) is a function of its raw two and of the code (which
 * the render cache's version covers), so the paper's `sourceKey` stands for
 * them; a topic reference (slug, name, URL) is stood for by its slug and a
 * short hash of its name and URL. Serialising and hashing the whole text of
 * every paper, once for its page and again for each listing holding it, was
 * most of a daily rebuild's input stage.
 */
export interface PageKeyContext {
  textKeyOf: (url: string) => string;
  topicKeyOf: (topic: TopicRef) => string;
}

export function pageKeyContext(papers: readonly Paper[], topics: readonly TopicPage[]): PageKeyContext {
  const textKeys = new Map(papers.map((paper) => [paperUrl(paper.slug), paper.text.sourceKey]));
  const topicKeys = new Map(topics.map(({ slug, name, url }) => [slug, topicKey(slug, name, url)]));
  return {
    textKeyOf: (url) => {
      const key = textKeys.get(url);
      // Listings are made from the same papers: a URL none of them has would key its entry without its text.
      if (key === undefined) throw new Error(`pageKeyContext: no paper at ${url}`);
      return key;
    },
    // A topic the taxonomy lacks gets a reference made from its slug alone (see topicRefLookup); it is keyed as made.
    topicKeyOf: ({ slug, name, url }) => topicKeys.get(slug) ?? topicKey(slug, name, url),
  };
}

function topicKey(slug: string, name: string, url: string): string {
  return `${slug}~${hash("sha256", JSON.stringify([name, url]), "base64url").slice(0, 12)}`;
}

/**
 * A paper page's key: its input (see PaperPageInput) with every paper's text and every topic in their
 * compact forms, one field a line. Slugs, dates, numbers, text keys and topic keys hold no space or line
 * break, so joining them is unambiguous; what may hold anything is JSON. Joining strings takes a third of the
 * time that serialising the same as JSON took (page-keys.test.ts checks that every field is there).
 */
export function paperPageKey(input: PaperPageInput, context: PageKeyContext): string {
  const { text, ...paper } = input.paper;
  const { count, previous, next } = input.firstDay;
  return [
    text.sourceKey,
    JSON.stringify(paper),
    JSON.stringify(input.siteUrl),
    input.topics.map(context.topicKeyOf).join(" "),
    input.places.join(" "),
    count,
    previous ? otherKey(previous) : "",
    next ? otherKey(next) : "",
    ...input.related.map((link) => `${otherKey(link.paper)} ${link.date} ${link.topic ? context.topicKeyOf(link.topic) : ""}`),
  ].join("\n");
}

const otherKey = (other: OtherPaper) => `${other.slug} ${other.text.sourceKey}`;

// A listed paper's key lists its fields one by one, but for the text forms its text key stands for
// (page-keys.test.ts checks that every other field is there): an object rest took half the time.

/** A day's paper without what its text key stands for: titleMarkdown, titleText, abstractMarkdown, excerpt, hasMath. */
const summaryKey = (summary: PaperSummary, context: PageKeyContext) => [
  summary.url,
  context.textKeyOf(summary.url),
  summary.slug,
  summary.authorsShort,
  summary.topics.map(context.topicKeyOf),
  summary.otherDays,
  summary.arxivId,
  summary.upvotes,
];

/** A topic page's paper without what its text key stands for: titleMarkdown, titleText, excerpt. */
const entryKey = (entry: TopicEntry, context: PageKeyContext) => [
  entry.url,
  context.textKeyOf(entry.url),
  entry.date,
  entry.dateLabel,
  entry.dayUrl,
  entry.topics.map(context.topicKeyOf),
];

/** A listing page's key: the data its template reads, with its papers' text and topics in their compact forms. */
export function listingPageKey({ data }: PaginatedPage, context: PageKeyContext): string {
  const compact = (() => {
    switch (data.template) {
      case "day":
        return { ...data, day: { ...data.day, papers: data.day.papers.map((summary) => summaryKey(summary, context)) } };
      case "topic":
        return { ...data, listing: { ...data.listing, entries: data.listing.entries.map((entry) => entryKey(entry, context)) } };
      default:
        return data;
    }
  })();
  return JSON.stringify(compact);
}
