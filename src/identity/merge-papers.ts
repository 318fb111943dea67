import path from "node:path";
import type { Appearance, CardMetadata, Digest } from "../model/types.ts";
import {
  abstractContainment,
  abstractFingerprint,
  abstractSimilarity,
  DIFFERENT_PAPER_SIMILARITY,
  SHORTENED_ABSTRACT_CONTAINMENT,
} from "./abstract-similarity.ts";
import { titlesAreClose } from "./close-titles.ts";
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

/** What an entry is compared by: functions of its title and abstract alone, which a build may keep with its parse. */
export interface EntryKeys {
  titleKey: string;
  fingerprint: string;
  /** `titleKey` with each word's letters sorted (see looseTitleKey). */
  looseKey: string;
}

export function entryKeys(entry: { title: string; abstract: string }): EntryKeys {
  const titleKey = normalizeTitle(entry.title);
  return { titleKey, fingerprint: abstractFingerprint(entry.abstract), looseKey: looseTitleKey(titleKey) };
}

/**
 * Folds the entries of every digest into papers. One paper is: the same arXiv
 * id; or the same normalised title with a similar abstract (or one abstract a
 * shortened copy of the other); or the same abstract under a title with a
 * typo fixed (the same words, letters swapped or changed in one word). Two
 * papers that share a title but have clearly different abstracts (or
 * different arXiv ids) stay apart. Digests are read oldest first, and a
 * paper's text is the latest it appeared with (a later digest corrects an
 * earlier one), unless that abstract is a cut-down copy of a fuller one.
 * `keysOf` gives a digest's entries' keys (see entryKeys), by default made here.
 */
export function mergePapers(
  digests: readonly Digest[],
  keysOf: (digest: Digest) => readonly EntryKeys[] = (digest) => digest.entries.map(entryKeys),
): MergedPaper[] {
  // Within a day, 2025-08-20.txt comes before 2025-08-20-extra.txt.
  const stem = (file: string) => path.basename(file).replace(/\.[^.]+$/, "");
  const ordered = [...digests].sort((a, b) => (a.date === b.date ? compare(stem(a.file), stem(b.file)) : compare(a.date, b.date)));
  const papers: MergedPaper[] = [];
  const byArxiv = new Map<string, MergedPaper>();
  const byTitle = new Map<string, MergedPaper[]>();
  const byFingerprint = new Map<string, MergedPaper[]>();
  const byLooseTitle = new Map<string, MergedPaper[]>();
  const positionInDay = new Map<string, number>();
  const add = <K>(index: Map<K, MergedPaper[]>, key: K, paper: MergedPaper) => {
    const list = index.get(key) ?? [];
    if (!list.includes(paper)) index.set(key, [...list, paper]);
  };
  const compatible = (candidate: MergedPaper, arxivId: string | undefined) =>
    !(arxivId && candidate.arxivId && candidate.arxivId !== arxivId);

  for (const digest of ordered) {
    const keys = keysOf(digest);
    for (const [index, entry] of digest.entries.entries()) {
      const { titleKey, fingerprint, looseKey } = keys[index]!;
      const arxivId = entry.card.arxivId;
      let paper = arxivId ? byArxiv.get(arxivId) : undefined;
      paper ??= (byTitle.get(titleKey) ?? []).find(
        (candidate) =>
          compatible(candidate, arxivId) &&
          (abstractSimilarity(candidate.abstract, entry.abstract) >= DIFFERENT_PAPER_SIMILARITY ||
            abstractContainment(candidate.abstract, entry.abstract) >= SHORTENED_ABSTRACT_CONTAINMENT),
      );
      // A title fixed or re-encoded between digests, its abstract the same.
      paper ??= (byFingerprint.get(fingerprint) ?? []).find(
        (candidate) => compatible(candidate, arxivId) && titlesAreClose(candidate.titleKey, titleKey),
      );
      paper ??= (byLooseTitle.get(looseKey) ?? []).find(
        (candidate) => compatible(candidate, arxivId) && abstractSimilarity(candidate.abstract, entry.abstract) >= SAME_ABSTRACT_SIMILARITY,
      );
      if (!paper) {
        paper = { title: entry.title, abstract: entry.abstract, titleKey, fingerprints: [], appearances: [], card: {}, authors: [] };
        papers.push(paper);
      } else {
        // The latest text wins, but a cut-down abstract does not replace a fuller one.
        paper.title = entry.title;
        paper.titleKey = titleKey;
        if (entry.abstract.length >= paper.abstract.length * KEEP_FULLER_ABSTRACT) paper.abstract = entry.abstract;
      }
      add(byTitle, titleKey, paper);
      add(byFingerprint, fingerprint, paper);
      add(byLooseTitle, looseKey, paper);
      if (arxivId && !paper.arxivId) {
        paper.arxivId = arxivId;
        byArxiv.set(arxivId, paper);
      }
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

/** A later abstract shorter than this share of the one held is a cut-down copy: the fuller one stays. */
const KEEP_FULLER_ABSTRACT = 0.8;

/** Word overlap of two scrapes of one abstract under a title with a typo fixed. */
const SAME_ABSTRACT_SIMILARITY = 0.8;

/**
 * A title with each word's letters sorted: "Gradeint" and "Gradient" agree,
 * so a transposition typo does not make a second paper (with a similar abstract).
 */
const looseTitleKey = (titleKey: string) =>
  titleKey
    .split(" ")
    .map((word) => [...word].sort().join(""))
    .join(" ");

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
