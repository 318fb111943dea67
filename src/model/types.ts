/**
 * The data that flows from the pipeline into templates, defined once.
 * Zod schemas double as runtime validation of generated front matter, so a
 * malformed page fails the build instead of rendering wrongly.
 */
import { z } from "zod";

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a YYYY-MM-DD calendar date");

/** What a card-layout digest carries around a title and abstract. */
export const cardMetadataSchema = z.object({
  arxivId: z
    .string()
    .regex(/^\d{4}\.\d{4,5}$/)
    .optional(),
  upvotes: z.number().int().nonnegative().optional(),
  authorCount: z.number().int().positive().optional(),
  organization: z.string().optional(),
  submitter: z.string().optional(),
  githubStars: z.string().optional(),
  comments: z.number().int().nonnegative().optional(),
  /** The paper's own publication date shown on a card (not the digest's date). */
  publishedOn: isoDate.optional(),
  /** The organisation's Hugging Face page, when the digest names one. */
  organizationUrl: z.url().optional(),
  /** The paper's code repository (Hugging Face API `githubRepo`). */
  githubRepo: z.url().optional(),
  /** The paper's project page (Hugging Face API `projectPage`). */
  projectPage: z.url().optional(),
  /** Keywords the Hugging Face API attaches (`ai_keywords`). */
  keywords: z.array(z.string()).optional(),
  /** The calendar date (UTC) on which `upvotes` and `comments` were counted. */
  countedOn: isoDate.optional(),
});
export type CardMetadata = z.infer<typeof cardMetadataSchema>;

/** One title + abstract as read from a digest file. */
export interface DigestEntry {
  title: string;
  abstract: string;
  /** 1-based line of the title in the source file. */
  line: number;
  card: CardMetadata;
  authors: string[];
}

export interface Digest {
  /** Path of the source file as given to the parser. */
  file: string;
  date: string;
  entries: DigestEntry[];
}

export interface DigestProblem {
  file: string;
  /** 1-based; 0 when the problem concerns the file as a whole (its name, emptiness). */
  line: number;
  message: string;
}

export interface Appearance {
  date: string;
  /** 0-based position in that day's digest. */
  position: number;
}

/** A paper after identity merging: one page, however many digests it appeared in. */
export interface IdentifiedPaper {
  slug: string;
  title: string;
  abstract: string;
  arxivId?: string;
  /** Oldest first. */
  appearances: Appearance[];
  card: CardMetadata;
  authors: string[];
}

/** Title and abstract in every form the site shows them, made once per paper from its repaired math. */
export interface PaperText {
  readonly titleMarkdown: string;
  readonly titleText: string;
  readonly titleHasMath: boolean;
  readonly abstractMarkdown: string;
  readonly abstractText: string;
  readonly abstractHasMath: boolean;
  /** What a reader types for the formulas of both ("epsilon", "ell_p"), indexed as hidden text. */
  readonly mathWords: string;
  /** A hash of the raw title and abstract, which every form above is a function of (with the code). */
  readonly sourceKey: string;
}

/** A paper with everything the site shows of it: what enrichment returns. */
export interface Paper extends IdentifiedPaper {
  /** Topic slugs, best first. */
  topics: string[];
  /** Slugs of similar papers, most similar first. */
  related: string[];
  text: PaperText;
}
