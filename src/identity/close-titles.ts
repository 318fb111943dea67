/**
 * Two normalised titles a few characters apart: a typo fixed, a word's
 * ending changed, an accent lost in re-encoding ("naive" and "na ve"); not a
 * different title.
 */
export function titlesAreClose(a: string, b: string): boolean {
  // The usual case (a paper seen again), and it spares an edit distance.
  if (a === b) return true;
  // Titles of symbols alone (emoji) have no spelling to get wrong: only equal ones are close.
  if (!/[\p{L}\p{N}]/u.test(a) || !/[\p{L}\p{N}]/u.test(b)) return a === b;
  const allowed = Math.max(2, Math.floor(Math.min(a.length, b.length) * 0.05));
  return Math.abs(a.length - b.length) <= allowed && editDistance(a, b, allowed) <= allowed;
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
