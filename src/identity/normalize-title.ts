/**
 * The form in which two titles count as the same: case, whitespace and
 * punctuation do not matter ("Foo: a Bar" and "foo - A bar." are one title).
 * A title with no letters or digits at all (emoji only, "🤗🚀") keeps its
 * symbols, so two such titles stay apart and none becomes the empty title.
 */
export function normalizeTitle(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (words !== "") return words;
  return title
    .normalize("NFC")
    .replace(/[\s\p{M}\uFE0F]+/gu, " ")
    .trim();
}
