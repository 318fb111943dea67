/**
 * The public face of the math repair: what pages, feeds and the search index
 * call with a digest title or abstract.
 */
import { escapeMarkdown } from "../markdown/escape-markdown.ts";
import { repairMath, type Segment } from "./repair.ts";
import { texToUnicode } from "./tex-to-unicode.ts";

export { countRepairedSpans, repairMath, type Segment } from "./repair.ts";

/**
 * Emphasis markers only work when they touch letters or digits; around
 * punctuation (`*(x)*` after a word) CommonMark would print the asterisks.
 */
function emphasisMarkdown(text: string): string {
  const escaped = escapeMarkdown(text);
  return /^[\p{L}\p{N}](?:.*[\p{L}\p{N}])?$/u.test(text) ? `*${escaped}*` : escaped;
}

/**
 * LaTeX's typing conventions, which abstracts copied from a paper keep, as the characters they
 * stand for: ``quoted'' as “quoted”, --- as an em dash, -- as an en dash (1--2 is 1–2).
 */
export function typographic(text: string): string {
  return text
    .replace(/``/g, "\u201c")
    .replace(/''/g, "\u201d")
    .replace(/(^|[^-])---(?![->])/g, "$1\u2014")
    .replace(/(^|[^-])--(?![->])/g, "$1\u2013");
}

function segmentMarkdown(segment: Segment): string {
  switch (segment.kind) {
    case "text":
      return escapeMarkdown(typographic(segment.text));
    case "emphasis":
      return emphasisMarkdown(typographic(segment.text));
    case "math":
      return `$${segment.tex}$`;
  }
}

/**
 * Digest text (a title or an abstract) as safe markdown for the site's
 * markdown-it renderer: text is escaped so nothing in it is markdown, HTML
 * or template syntax (a `$` in text becomes `\$`, which the KaTeX plugin
 * skips), formulas become `$...$`, emphasis `*...*`.
 */
export function digestTextToMarkdown(text: string): string {
  return remember(markdownCache, text, () => repairMath(text).map(segmentMarkdown).join(""));
}

/** Readable plain text for <title>, feeds, meta descriptions and search: `ell_p` → ℓp, `epsilon` → ε. */
export function digestTextToPlainText(text: string): string {
  return remember(plainTextCache, text, () =>
    repairMath(text)
      .map((segment) => (segment.kind === "math" ? texToUnicode(segment.tex) : typographic(segment.text)))
      .join("")
      .replace(/\s+/g, " ")
      .trim(),
  );
}

// A title is asked for on its own page, in listings, feeds and five related lists: convert it once.
const CACHE_LIMIT = 250_000;
const markdownCache = new Map<string, string>();
const plainTextCache = new Map<string, string>();

function remember(cache: Map<string, string>, text: string, convert: () => string): string {
  let value = cache.get(text);
  if (value === undefined) {
    value = convert();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, value);
  }
  return value;
}

/** Whether the rendered text will contain typeset math (so the page needs KaTeX's CSS). */
export function digestTextHasMath(text: string): boolean {
  return repairMath(text).some((segment) => segment.kind === "math");
}
