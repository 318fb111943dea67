import { assignPermalinks, type SlugRedirect } from "../identity/assign-permalinks.ts";
import { entryKeys, mergePapers, type EntryKeys } from "../identity/merge-papers.ts";
import type { PermalinkRegistry } from "../identity/permalink-registry.ts";
import type { Digest, IdentifiedPaper } from "../model/types.ts";

/** What the identify stage returns: each paper once, with its permalink, and the registry that now holds every permalink. */
export interface IdentifiedArchive {
  papers: IdentifiedPaper[];
  registry: PermalinkRegistry;
  newPermalinks: number;
  /** Slugs that became redirects in this build (a title fixed, two pages found to be one paper). */
  movedPermalinks: number;
  /** Every old slug that leads to one of these papers: each gets a redirect page. */
  redirects: SlugRedirect[];
}

/**
 * Digests to papers: the same paper on several days becomes one, and every paper gets its permanent slug.
 * `keys`: the digests' entries' identity keys, where the parse kept them.
 */
export function identifyPapers(
  digests: readonly Digest[],
  registry: PermalinkRegistry,
  keys?: ReadonlyMap<Digest, readonly EntryKeys[]>,
): IdentifiedArchive {
  const merged = mergePapers(digests, (digest) => keys?.get(digest) ?? digest.entries.map(entryKeys));
  const assigned = assignPermalinks(merged, registry);
  const papers = merged.map((paper, index): IdentifiedPaper => ({
    slug: assigned.slugs[index]!,
    title: paper.title,
    abstract: paper.abstract,
    ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
    appearances: paper.appearances,
    card: paper.card,
    authors: paper.authors,
  }));
  return {
    papers,
    registry: assigned.registry,
    newPermalinks: assigned.added,
    movedPermalinks: assigned.moved,
    redirects: assigned.redirects,
  };
}
