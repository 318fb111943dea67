const ASCII = /^[\x00-\x7f]*$/;

/**
 * The form in which two titles count as the same: case, whitespace and
 * punctuation do not matter ("Foo: a Bar" and "foo - A bar." are one title).
 * A title with no letters or digits at all (emoji only, "🤗🚀") keeps its
 * symbols, so two such titles stay apart and none becomes the empty title.
 */
export function normalizeTitle(title: string): string {
  // ASCII text (most titles and abstracts) has no marks to strip and no letters beyond a-z: the same
  // result from a plain regex, several times faster on an abstract, which identity fingerprints.
  if (ASCII.test(title)) {
    const words = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
    if (words !== "") return words;
  }
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
