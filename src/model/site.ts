/**
 * What templates receive. Preprocessing builds these from the digests; every
 * string that came from a digest is either plain text (escaped by Nunjucks'
 * autoescape) or markdown produced by `digestTextToMarkdown` (escaped there and
 * rendered by markdown-it with raw HTML off). Nothing else reaches a template.
 */
import { z } from "zod";
import { cardMetadataSchema, isoDate } from "./types.ts";

const rootUrl = z.string().regex(/^\/(?:[a-z0-9-]+\/)*$/, "expected a root-relative URL ending in /");

export const topicRefSchema = z.object({ slug: z.string(), name: z.string(), url: rootUrl });
export type TopicRef = z.infer<typeof topicRefSchema>;

export const dayRefSchema = z.object({ date: isoDate, url: rootUrl, label: z.string() });
export type DayRef = z.infer<typeof dayRefSchema>;

export const paperLinkSchema = z.object({ url: rootUrl, titleMarkdown: z.string(), titleText: z.string() });
export type PaperLink = z.infer<typeof paperLinkSchema>;

export const paperPageSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80),
  url: rootUrl,
  titleMarkdown: z.string().min(1),
  titleText: z.string().min(1),
  description: z.string(),
  /** schema.org ScholarlyArticle, serialised into the page head. */
  jsonLd: z.object({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("ScholarlyArticle"),
    headline: z.string(),
    abstract: z.string(),
    datePublished: isoDate,
    url: z.url(),
    sameAs: z.url().optional(),
    keywords: z.array(z.string()),
    author: z.array(z.object({ "@type": z.literal("Person"), name: z.string() })).optional(),
  }),
  hasMath: z.boolean(),
  appearances: z.array(dayRefSchema).min(1),
  firstDate: isoDate,
  lastDate: isoDate,
  arxiv: z.object({ id: z.string(), abs: z.url(), pdf: z.url() }).optional(),
  searchLinks: z.object({ arxiv: z.url(), huggingface: z.url() }),
  card: cardMetadataSchema,
  authors: z.array(z.string()),
  topics: z.array(topicRefSchema),
  related: z.array(paperLinkSchema),
});
export type PaperPage = z.infer<typeof paperPageSchema>;

/** Front matter of a generated paper markdown file. */
export const paperFrontMatterSchema = z.strictObject({
  layout: z.literal("paper.njk"),
  templateEngineOverride: z.literal("md"),
  permalink: z.string().regex(/^\/papers\/[a-z0-9-]+\/index\.html$/),
  paper: paperPageSchema,
});
export type PaperFrontMatter = z.infer<typeof paperFrontMatterSchema>;

/** A paper as it is listed on a day's page. */
export interface PaperSummary extends PaperLink {
  slug: string;
  abstractMarkdown: string;
  /** The abstract's opening as plain text, for the home page's brief listing. */
  excerpt: string;
  hasMath: boolean;
  topics: TopicRef[];
  /** Other days it appeared on, so a reader sees it is not new. */
  otherDays: DayRef[];
  arxivId?: string;
  upvotes?: number;
}

export interface DayPage extends DayRef {
  /** "Wednesday, August 20, 2025" */
  longLabel: string;
  papers: PaperSummary[];
  hasMath: boolean;
  /** Whether any title has math: the home page lists titles and plain excerpts only. */
  titlesHaveMath: boolean;
  previous?: DayRef;
  next?: DayRef;
  month: { url: string; label: string };
  /** When the day's cards carry upvotes: the page listing them most-upvoted first, and that order. */
  byUpvotes?: { url: string; order: number[] };
}

export interface DayCount extends DayRef {
  count: number;
}

export interface MonthPage {
  year: number;
  month: number;
  url: string;
  /** "August 2025" */
  label: string;
  days: DayCount[];
  paperCount: number;
  previous?: { url: string; label: string };
  next?: { url: string; label: string };
}

export interface YearPage {
  year: number;
  url: string;
  months: MonthPage[];
  paperCount: number;
  dayCount: number;
}

export interface TopicPage {
  slug: string;
  name: string;
  description: string;
  url: string;
  feedUrl: string;
  paperCount: number;
}

/** A paper as a topic page lists it: newest first, with a plain-text excerpt. */
export interface TopicEntry extends PaperLink {
  /** The day the paper was first listed, which places it on the topic's pages. */
  date: string;
  dateLabel: string;
  dayUrl: string;
  excerpt: string;
  topics: TopicRef[];
}

/**
 * One page of a topic's listing (50 papers a page): its front page (the newest
 * papers) or a numbered page, page 1 holding the oldest (see topicListingPages).
 */
export interface TopicListingPage {
  topic: TopicPage;
  url: string;
  /** Absent on the front page. */
  pageNumber?: number;
  /** Newest first. Empty on a topic without papers, and on the numbered page that fills next. */
  entries: TopicEntry[];
  hasMath: boolean;
  /** The numbered page of the next newer papers; absent on the front page and on the newest numbered page. */
  newer?: string;
  /** The numbered page of the next older papers. */
  older?: string;
}

/** Everything the listing pages need, written as the `archive` global data. */
export interface ArchiveData {
  days: DayPage[];
  /** The days whose cards carry upvotes, for their most-upvoted-first pages. */
  upvoteDays: DayPage[];
  months: MonthPage[];
  years: YearPage[];
  latest?: DayPage;
  paperCount: number;
  dayCount: number;
  topics: TopicPage[];
  topicPages: TopicListingPage[];
}

/** The search index's bundles, written as the `search` global data for the search page. */
export interface SearchData {
  /** Bundle folders under the site root, newest first: the first is the primary Pagefind bundle, the rest are merged into it. */
  bundles: string[];
}

/** Build settings templates need, written as the `build` global data. */
export interface BuildSettings {
  siteTitle: string;
  siteDescription: string;
  /** Absolute origin plus base path, no trailing slash: "https://example.org/papers". */
  siteUrl: string;
  /** "/" or "/prefix/". */
  basePath: string;
}
