import type { CardMetadata, Digest } from "../model/types.ts";
import { normalizeTitle } from "../identity/normalize-title.ts";

/** Something worth a second look that does not stop the build. */
export interface Note {
  /** 1-based line in the input; 0 for the digest as a whole. */
  line: number;
  message: string;
}

/** Abstracts shorter than this are usually cut off or a title pasted twice. */
export const SHORT_ABSTRACT = 150;

const CARD_FIELD_NAMES: Record<keyof CardMetadata, string> = {
  arxivId: "arXiv ids",
  upvotes: "upvotes",
  authorCount: "author counts",
  organization: "organisations",
  submitter: "submitters",
  githubStars: "GitHub stars",
  comments: "comments",
  publishedOn: "publication dates",
  organizationUrl: "organisation pages",
  githubRepo: "code repositories",
  projectPage: "project pages",
  keywords: "keywords",
  countedOn: "count dates",
};

/** The odd things in a digest that parsed cleanly: short abstracts, repeated papers, what metadata came along. */
export function reviewDigest(digest: Digest): Note[] {
  const notes: Note[] = [];
  const excerpt = (title: string) => (title.length > 60 ? `${title.slice(0, 57)}...` : title);

  for (const entry of digest.entries) {
    if (entry.abstract.length < SHORT_ABSTRACT) {
      notes.push({
        line: entry.line,
        message: `"${excerpt(entry.title)}" has a very short abstract (${entry.abstract.length} characters); is it cut off?`,
      });
    }
  }

  const seen = new Map<string, number>();
  for (const entry of digest.entries) {
    const key = normalizeTitle(entry.title);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, entry.line);
    else
      notes.push({
        line: entry.line,
        message: `the title "${excerpt(entry.title)}" appears again (first on line ${first}); the build shows it once`,
      });
  }

  const arxivSeen = new Map<string, number>();
  for (const entry of digest.entries) {
    const id = entry.card.arxivId;
    if (!id) continue;
    const first = arxivSeen.get(id);
    if (first === undefined) arxivSeen.set(id, entry.line);
    else notes.push({ line: entry.line, message: `arXiv ${id} appears again (first on line ${first}); the build shows it once` });
  }

  const withCard = digest.entries.filter((entry) => Object.keys(entry.card).length > 0);
  if (withCard.length > 0) {
    const fields = (Object.keys(CARD_FIELD_NAMES) as (keyof CardMetadata)[]).filter((field) =>
      withCard.some((entry) => entry.card[field] !== undefined),
    );
    notes.push({
      line: 0,
      message: `card metadata found on ${withCard.length} of ${digest.entries.length} papers (${fields.map((field) => CARD_FIELD_NAMES[field]).join(", ")})`,
    });
  }
  const withAuthors = digest.entries.filter((entry) => entry.authors.length > 0).length;
  if (withAuthors > 0) notes.push({ line: 0, message: `author names found on ${withAuthors} of ${digest.entries.length} papers` });
  return notes;
}
