import { normalizeTitle } from "./normalize-title.ts";
import type { MergedPaper } from "./merge-papers.ts";
import type { PermalinkRegistry } from "./permalink-registry.ts";
import { cutAtWordBoundary, MAX_SLUG_LENGTH, slugFromTitle } from "./slug-from-title.ts";

export interface AssignedPermalinks {
  /** The slug of each paper, in the order the papers were given. */
  slugs: string[];
  /** The registry with every new assignment added; never loses an entry. */
  registry: PermalinkRegistry;
  added: number;
}

/**
 * Gives every paper its slug. A paper already in the registry (same arXiv id,
 * an abstract seen before, or an unambiguous title) keeps its recorded slug; a
 * new paper gets its title's slug if free, else the slug with its arXiv id or
 * abstract fingerprint appended. New papers are placed oldest first, so the
 * result does not depend on the registry when there is no clash.
 */
export function assignPermalinks(papers: readonly MergedPaper[], previous: PermalinkRegistry): AssignedPermalinks {
  const registry: PermalinkRegistry = { version: 1, papers: { ...previous.papers } };
  const slugs: (string | undefined)[] = papers.map(() => undefined);
  const claimed = new Set<string>();

  const bySlugArxiv = new Map<string, string>();
  // A fingerprint identifies a paper only together with its title, as merging does.
  const byFingerprint = new Map<string, string>();
  const byTitle = new Map<string, string[]>();
  for (const [slug, record] of Object.entries(registry.papers)) {
    if (record.arxivId) bySlugArxiv.set(record.arxivId, slug);
    const key = normalizeTitle(record.title);
    for (const fingerprint of record.fingerprints) byFingerprint.set(`${key}|${fingerprint}`, slug);
    byTitle.set(key, [...(byTitle.get(key) ?? []), slug]);
  }

  const claim = (index: number, slug: string) => {
    slugs[index] = slug;
    claimed.add(slug);
  };

  // Exact evidence first: an arXiv id or an abstract recorded with a slug.
  papers.forEach((paper, index) => {
    const known = (paper.arxivId ? bySlugArxiv.get(paper.arxivId) : undefined) ?? paper.fingerprints.map((print) => byFingerprint.get(`${paper.titleKey}|${print}`)).find(Boolean);
    if (known && !claimed.has(known)) claim(index, known);
  });
  // Then a title alone, for an abstract edited in place: only when exactly one unclaimed
  // recorded slug and one unplaced paper share it. (A digest removed and a different
  // same-titled paper added later would inherit the slug; that trade keeps edits stable.)
  const unplacedByTitle = new Map<string, number[]>();
  papers.forEach((paper, index) => {
    if (slugs[index] === undefined) unplacedByTitle.set(paper.titleKey, [...(unplacedByTitle.get(paper.titleKey) ?? []), index]);
  });
  for (const [titleKey, indexes] of unplacedByTitle) {
    const free = (byTitle.get(titleKey) ?? []).filter((slug) => !claimed.has(slug));
    if (indexes.length === 1 && free.length === 1) claim(indexes[0]!, free[0]!);
  }

  const newcomers = papers
    .map((paper, index) => ({ paper, index }))
    .filter(({ index }) => slugs[index] === undefined)
    .sort((a, b) => compareFirstAppearance(a.paper, b.paper) || a.index - b.index);
  const taken = (slug: string) => claimed.has(slug) || slug in registry.papers;
  for (const { paper, index } of newcomers) {
    const base = slugFromTitle(paper.title);
    let slug = base;
    if (taken(slug)) slug = withSuffix(base, paper.arxivId ? paper.arxivId.replace(".", "-") : paper.fingerprints[0]!.slice(0, 6));
    for (let counter = 2; taken(slug); counter++) slug = withSuffix(base, String(counter));
    claim(index, slug);
    registry.papers[slug] = { title: paper.title, ...(paper.arxivId ? { arxivId: paper.arxivId } : {}), fingerprints: [...paper.fingerprints] };
  }

  // Known papers may have gained an arXiv id or a re-scraped abstract: record them too.
  papers.forEach((paper, index) => {
    const record = registry.papers[slugs[index]!]!;
    const fingerprints = [...new Set([...record.fingerprints, ...paper.fingerprints])];
    registry.papers[slugs[index]!] = { ...record, ...(record.arxivId || !paper.arxivId ? {} : { arxivId: paper.arxivId }), fingerprints };
  });

  return { slugs: slugs as string[], registry, added: newcomers.length };
}

function withSuffix(base: string, suffix: string): string {
  return `${cutAtWordBoundary(base, MAX_SLUG_LENGTH - suffix.length - 1)}-${suffix}`;
}

function compareFirstAppearance(a: MergedPaper, b: MergedPaper): number {
  const first = (paper: MergedPaper) => paper.appearances[0] ?? { date: "", position: 0 };
  const [x, y] = [first(a), first(b)];
  return x.date < y.date ? -1 : x.date > y.date ? 1 : x.position - y.position;
}
