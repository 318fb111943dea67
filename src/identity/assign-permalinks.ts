import { titlesAreClose } from "./close-titles.ts";
import type { MergedPaper } from "./merge-papers.ts";
import { normalizeTitle } from "./normalize-title.ts";
import { resolveSlug, type PermalinkRegistry } from "./permalink-registry.ts";
import { cutAtWordBoundary, MAX_SLUG_LENGTH, slugFromTitle } from "./slug-from-title.ts";

/** A URL that moved: the old slug's page sends readers to the new one. */
export interface SlugRedirect {
  from: string;
  to: string;
}

export interface AssignedPermalinks {
  /** The slug of each paper, in the order the papers were given. */
  slugs: string[];
  /** The registry with every new assignment and redirect added; never loses an entry. */
  registry: PermalinkRegistry;
  /** Papers that got a slug for the first time. */
  added: number;
  /** Slugs that became redirects in this build. */
  moved: number;
  /** Every recorded slug that leads to a paper of this build under another slug, sorted. */
  redirects: SlugRedirect[];
}

/**
 * Gives every paper its slug. A paper already in the registry (same arXiv id,
 * an abstract seen before, or an unambiguous title) keeps its recorded slug;
 * a new paper gets its title's slug if free, else the slug with its arXiv id
 * or abstract fingerprint appended. New papers are placed oldest first, so
 * the result does not depend on the registry when there is no clash.
 *
 * URLs never break: when a known paper's title changes so that its slug would
 * change (a typo fixed), it gets the new slug and the old one becomes a
 * redirect; when one paper matches two recorded slugs (two pages turned out
 * to be one paper), the weaker match becomes a redirect to the stronger.
 */
export function assignPermalinks(papers: readonly MergedPaper[], previous: PermalinkRegistry): AssignedPermalinks {
  const registry: PermalinkRegistry = { version: 1, papers: { ...previous.papers } };
  const slugs: (string | undefined)[] = papers.map(() => undefined);
  const claimed = new Set<string>();
  let moved = 0;
  // Every recorded title is compared several times; a large registry makes normalising them again costly.
  // A recorded title is most often the title a paper has now, whose key merging made already.
  const normalizedTitles = new Map<string, string>(papers.map((paper) => [paper.title, paper.titleKey]));
  const normalized = (title: string) => {
    let key = normalizedTitles.get(title);
    if (key === undefined) normalizedTitles.set(title, (key = normalizeTitle(title)));
    return key;
  };

  const byArxiv = new Map<string, string>();
  const byFingerprint = new Map<string, string[]>();
  const byTitle = new Map<string, string[]>();
  for (const [slug, record] of Object.entries(registry.papers)) {
    if (record.redirectTo) continue;
    if (record.arxivId) byArxiv.set(record.arxivId, slug);
    for (const fingerprint of record.fingerprints) byFingerprint.set(fingerprint, [...(byFingerprint.get(fingerprint) ?? []), slug]);
    const key = normalized(record.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), slug]);
  }

  const claim = (index: number, slug: string) => {
    slugs[index] = slug;
    claimed.add(slug);
  };
  const redirect = (from: string, to: string) => {
    registry.papers[from] = { ...registry.papers[from]!, redirectTo: to };
    moved++;
  };

  // Exact evidence first: an arXiv id, or an abstract recorded under the same or a close title.
  papers.forEach((paper, index) => {
    const byAbstract = paper.fingerprints.flatMap((print) =>
      (byFingerprint.get(print) ?? []).filter((slug) => titlesAreClose(normalized(registry.papers[slug]!.title), paper.titleKey)),
    );
    const candidates = [
      ...new Set([...(paper.arxivId && byArxiv.has(paper.arxivId) ? [byArxiv.get(paper.arxivId)!] : []), ...byAbstract]),
    ].filter((slug) => !claimed.has(slug));
    const [primary, ...same] = candidates;
    if (primary === undefined) return;
    claim(index, primary);
    for (const slug of same) {
      claimed.add(slug);
      redirect(slug, primary);
    }
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

  // A slug is free when no record holds it, or its record only redirects to `owner` (a title changed back).
  const free = (slug: string, owner?: string) =>
    !claimed.has(slug) &&
    (!(slug in registry.papers) ||
      (owner !== undefined && registry.papers[slug]!.redirectTo !== undefined && resolveSlug(registry, slug) === owner));
  const newSlug = (paper: MergedPaper, owner?: string) => {
    const base = slugFromTitle(paper.title);
    if (free(base, owner)) return base;
    let slug = withSuffix(base, paper.arxivId ? paper.arxivId.replace(".", "-") : paper.fingerprints[0]!.slice(0, 6));
    for (let counter = 2; !free(slug, owner); counter++) slug = withSuffix(base, String(counter));
    return slug;
  };

  // Known papers whose title changed enough to change the slug move to the new slug.
  papers.forEach((paper, index) => {
    const slug = slugs[index];
    if (slug === undefined) return;
    const record = registry.papers[slug]!;
    if (normalized(record.title) === paper.titleKey || slugFromTitle(record.title) === slugFromTitle(paper.title)) return;
    const target = newSlug(paper, slug);
    claimed.delete(slug);
    claim(index, target);
    registry.papers[target] = {
      title: paper.title,
      ...(record.arxivId ? { arxivId: record.arxivId } : {}),
      fingerprints: [...record.fingerprints],
    };
    redirect(slug, target);
  });

  const newcomers = papers
    .map((paper, index) => ({ paper, index }))
    .filter(({ index }) => slugs[index] === undefined)
    .sort((a, b) => compareFirstAppearance(a.paper, b.paper) || a.index - b.index);
  for (const { paper, index } of newcomers) {
    const slug = newSlug(paper);
    claim(index, slug);
    registry.papers[slug] = {
      title: paper.title,
      ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
      fingerprints: [...paper.fingerprints],
    };
  }

  // Known papers may have gained an arXiv id, a re-scraped abstract or a corrected title: record them too.
  papers.forEach((paper, index) => {
    const record = registry.papers[slugs[index]!]!;
    const fingerprints = [...new Set([...record.fingerprints, ...paper.fingerprints])];
    registry.papers[slugs[index]!] = {
      ...record,
      title: paper.title,
      ...(record.arxivId || !paper.arxivId ? {} : { arxivId: paper.arxivId }),
      fingerprints,
    };
  });

  const live = new Set(slugs as string[]);
  const redirects = Object.keys(registry.papers)
    .filter((slug) => registry.papers[slug]!.redirectTo !== undefined)
    .sort()
    .flatMap((from) => {
      const to = resolveSlug(registry, from);
      return to !== undefined && live.has(to) ? [{ from, to }] : [];
    });
  return { slugs: slugs as string[], registry, added: newcomers.length, moved, redirects };
}

function withSuffix(base: string, suffix: string): string {
  return `${cutAtWordBoundary(base, MAX_SLUG_LENGTH - suffix.length - 1)}-${suffix}`;
}

function compareFirstAppearance(a: MergedPaper, b: MergedPaper): number {
  const first = (paper: MergedPaper) => paper.appearances[0] ?? { date: "", position: 0 };
  const [x, y] = [first(a), first(b)];
  return x.date < y.date ? -1 : x.date > y.date ? 1 : x.position - y.position;
}
