/**
 * Whitespace that `\s+` → " " would change: any but a plain space (JavaScript's `\s` spelt out, which
 * V8 scans several times faster than a class with `\S` in it), or two plain spaces.
 */
const FOLDABLE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/**
 * Every run of whitespace as one space. Digest text is folded when it is
 * parsed, so most texts have nothing to fold: they are returned as they are,
 * which saves a copy of every title and abstract each time one is rendered.
 */
export const collapseSpaces = (text: string): string => (FOLDABLE.test(text) ? text.replace(/\s+/g, " ") : text);
