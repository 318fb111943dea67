import { hash } from "node:crypto";
import { normalizeTitle } from "./normalize-title.ts";

function wordSet(text: string): Set<string> {
  return new Set(
    normalizeTitle(text)
      .split(" ")
      .filter((word) => word.length > 2),
  );
}

/** Jaccard overlap of the two abstracts' word sets: near 1 for one abstract re-scraped, near 0 for different papers. */
export function abstractSimilarity(first: string, second: string): number {
  const a = wordSet(first);
  const b = wordSet(second);
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of the shorter abstract's words found in the longer one: near 1 when one is a cut-down copy of the other. */
export function abstractContainment(first: string, second: string): number {
  const a = wordSet(first);
  const b = wordSet(second);
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return large.size === 0 ? 1 : 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}

/** At or above this, an abstract under the same title is the other one shortened (its first sentences, say). */
export const SHORTENED_ABSTRACT_CONTAINMENT = 0.9;

/** Below this, two abstracts under one title are clearly different papers. */
export const DIFFERENT_PAPER_SIMILARITY = 0.25;

/** A short stable fingerprint of an abstract, insensitive to case, spacing and punctuation. */
export function abstractFingerprint(abstract: string): string {
  return hash("sha256", normalizeTitle(abstract), "hex").slice(0, 12);
}
