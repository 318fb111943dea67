import { createHash } from "node:crypto";
import { normalizeTitle } from "./normalize-title.ts";

function wordSet(text: string): Set<string> {
  return new Set(normalizeTitle(text).split(" ").filter((word) => word.length > 2));
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

/** Below this, two abstracts under one title are clearly different papers. */
export const DIFFERENT_PAPER_SIMILARITY = 0.25;

/** A short stable fingerprint of an abstract, insensitive to case, spacing and punctuation. */
export function abstractFingerprint(abstract: string): string {
  return createHash("sha256").update(normalizeTitle(abstract)).digest("hex").slice(0, 12);
}
