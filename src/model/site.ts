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

/** A moved page: `from` gets a static page sending visitors to `to`; both root-relative. */
export const redirectSchema = z.object({ from: rootUrl, to: rootUrl });
export type Redirect = z.infer<typeof redirectSchema>;

export const paperLinkSchema = z.object({ url: rootUrl, titleMarkdown: z.string(), titleText: z.string() });
export type PaperLink = z.infer<typeof paperLinkSchema>;

/** A paper listed beside another: with its date and first topic, so two papers of the same title are told apart. */
export const relatedLinkSchema = paperLinkSchema.extend({
  date: isoDate,
  dateLabel: z.string(),
  topic: topicRefSchema.optional(),
  /** Another paper in the same list has this title: the link text then says the date too. */
  sameTitle: z.boolean().optional(),
});
export type RelatedLink = z.infer<typeof relatedLinkSchema>;

/** Where a paper sits in the day it first appeared on, with its neighbours there. */
export const dayPlaceSchema = z.object({
  date: isoDate,
  label: z.string(),
  /** The paper's entry on the day's page: `/2025/08/20/#slug`, or a later page of a very large day. */
  entryUrl: z.string().regex(/^\/[a-z0-9/-]*#[a-z0-9-]+$/),
  /** 1-based. */
  position: z.number().int().positive(),
  count: z.number().int().positive(),
  previous: paperLinkSchema.optional(),
  next: paperLinkSchema.optional(),
});
export type DayPlace = z.infer<typeof dayPlaceSchema>;

export const paperPageSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .max(80),
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
  /** Whether its own title or abstract has math: search then reads them as plain text (see layouts/paper.njk). */
  hasMath: z.boolean(),
  /** Whether anything on the page renders math (its own text, a related paper's or a neighbour's title): the page loads KaTeX's stylesheet. */
  needsMathStyles: z.boolean(),
  /** The names of the formulas' symbols, for search only (see src/search/math-words.ts). */
  mathWords: z.string(),
  appearances: z.array(dayRefSchema.extend({ entryUrl: z.string() })).min(1),
  dayPlace: dayPlaceSchema,
  /** Links out, each only when known: arXiv (abstract, PDF), Hugging Face, code, project page. */
  links: z.array(z.object({ label: z.string(), url: z.url(), kind: z.enum(["arxiv", "pdf", "huggingface", "code", "project", "search"]) })),
  citation: z.object({ bibtex: z.string(), plain: z.string() }),
  firstDate: isoDate,
  lastDate: isoDate,
  arxiv: z.object({ id: z.string(), abs: z.url(), pdf: z.url() }).optional(),
  searchLinks: z.object({ arxiv: z.url(), huggingface: z.url() }),
  card: cardMetadataSchema,
  authors: z.array(z.string()),
  topics: z.array(topicRefSchema),
  related: z.array(relatedLinkSchema),
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
  /** "A. Author, B. Author, C. Author et al." when the digest names authors. */
  authorsShort?: string;
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
  /** The day's topics by the papers whose first topic it is, most first. */
  topicCounts: { topic: TopicRef; count: number }[];
  /** The month this day is in, as a calendar grid. */
  calendar: CalendarMonth;
}

/** A day's list on one page: a day of more than DAY_PAGE_SIZE papers is split over several. */
export interface DayListing {
  url: string;
  /** Index into `archive.days`. */
  dayIndex: number;
  order: "digest" | "upvotes";
  pageNumber: number;
  pageCount: number;
  /** The slice of the day's papers (in this order) this page shows: [start, end). */
  start: number;
  end: number;
  pages: { url: string; pageNumber: number; start: number; end: number }[];
}

/** A month as a grid of weeks, Monday first; a cell without a date pads the first and last week. */
export interface CalendarMonth {
  label: string;
  url: string;
  weeks: ({ day: number; date: string; url?: string; count?: number } | null)[][];
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
  /** Listings: a paper on two days of the month counts twice. */
  paperCount: number;
  /** Papers, each once. */
  distinctPaperCount: number;
  calendar: CalendarMonth;
  previous?: { url: string; label: string };
  next?: { url: string; label: string };
}

export interface YearPage {
  year: number;
  url: string;
  months: MonthPage[];
  paperCount: number;
  distinctPaperCount: number;
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

/** What a topic's listing pages show of the topic itself: no count, which every new paper would change. */
export type TopicHeading = Omit<TopicPage, "paperCount">;

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
  topic: TopicHeading;
  url: string;
  /** The topic's papers, on the front page only: a numbered page shows nothing a newer day changes. */
  paperCount?: number;
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
  /** Every page of every day's list, in digest order and most upvoted first. */
  dayListings: DayListing[];
  /** The newest days, for the home page: a week, or more until they hold 30 papers (indexes into `days`). */
  homeDays: number[];
  months: MonthPage[];
  years: YearPage[];
  latest?: DayPage;
  paperCount: number;
  dayCount: number;
  topics: TopicPage[];
  topicPages: TopicListingPage[];
  /** Old addresses that redirect (layouts/pages/redirect.njk). */
  redirects: Redirect[];
}

/**
 * The `archive` global data as written for Eleventy: the whole archive's
 * shared data, and of the pages made by pagination (days, topics, months,
 * years, redirects) only those to render this time; the others are copied from
 * the render cache (see src/site/listing-pages.ts). `days` holds the days those
 * day pages and the home page read, with `dayListings` and `homeDays` indexing
 * into it.
 */
export interface ListingsData extends ArchiveData {
  /** The year pages to render; `years` stays whole for the archive and search pages. */
  yearPages: YearPage[];
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
