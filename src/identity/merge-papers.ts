import path from "node:path";
import type { Appearance, CardMetadata, Digest } from "../model/types.ts";
import { abstractFingerprint, abstractSimilarity, DIFFERENT_PAPER_SIMILARITY } from "./abstract-similarity.ts";
import { normalizeTitle } from "./normalize-title.ts";

/** A paper found in one or more digests, before it has a permalink. */
export interface MergedPaper {
  title: string;
  abstract: string;
  arxivId?: string;
  titleKey: string;
  /** Fingerprints of every abstract text seen for this paper. */
  fingerprints: string[];
  appearances: Appearance[];
  card: CardMetadata;
  authors: string[];
}

/**
 * Folds the entries of every digest into papers: the same arXiv id, or the same
 * normalised title with a similar abstract, is one paper. Two papers that share
 * a title but have clearly different abstracts (or different arXiv ids) stay apart.
 * Digests are read oldest first, so a paper's text is the one it first appeared with.
 */
export function mergePapers(digests: readonly Digest[]): MergedPaper[] {
  // Within a day, 2025-08-20.txt comes before 2025-08-20-extra.txt.
  const stem = (file: string) => path.basename(file).replace(/\.[^.]+$/, "");
  const ordered = [...digests].sort((a, b) => (a.date === b.date ? compare(stem(a.file), stem(b.file)) : compare(a.date, b.date)));
  const papers: MergedPaper[] = [];
  const byArxiv = new Map<string, MergedPaper>();
  const byTitle = new Map<string, MergedPaper[]>();
  const positionInDay = new Map<string, number>();

  for (const digest of ordered) {
    for (const entry of digest.entries) {
      const titleKey = normalizeTitle(entry.title);
      const arxivId = entry.card.arxivId;
      let paper = arxivId ? byArxiv.get(arxivId) : undefined;
      paper ??= (byTitle.get(titleKey) ?? []).find(
        (candidate) =>
          !(arxivId && candidate.arxivId && candidate.arxivId !== arxivId) &&
          abstractSimilarity(candidate.abstract, entry.abstract) >= DIFFERENT_PAPER_SIMILARITY,
      );
      if (!paper) {
        paper = { title: entry.title, abstract: entry.abstract, titleKey, fingerprints: [], appearances: [], card: {}, authors: [] };
        papers.push(paper);
        byTitle.set(titleKey, [...(byTitle.get(titleKey) ?? []), paper]);
      }
      if (arxivId && !paper.arxivId) {
        paper.arxivId = arxivId;
        byArxiv.set(arxivId, paper);
      }
      const fingerprint = abstractFingerprint(entry.abstract);
      if (!paper.fingerprints.includes(fingerprint)) paper.fingerprints.push(fingerprint);
      // Later cards carry fresher counts (upvotes, stars); keep every field any card had.
      paper.card = { ...paper.card, ...definedFields(entry.card) };
      if (entry.authors.length > 0) paper.authors = entry.authors;
      // A day split over two files (2025-08-22.txt and 2025-08-22-extra.txt) is one day.
      if (!paper.appearances.some((appearance) => appearance.date === digest.date)) {
        const position = positionInDay.get(digest.date) ?? 0;
        positionInDay.set(digest.date, position + 1);
        paper.appearances.push({ date: digest.date, position });
      }
    }
  }
  return papers;
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
