/**
 * The form in which two titles count as the same: case, whitespace and
 * punctuation do not matter ("Foo: a Bar" and "foo - A bar." are one title).
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
