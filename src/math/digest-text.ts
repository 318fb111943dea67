/**
 * The public face of the math repair: what pages, feeds and the search index
 * call with a digest title or abstract.
 */
import { escapeMarkdown } from "../markdown/escape-markdown.ts";
import { collapseSpaces } from "../text/collapse-spaces.ts";
import { repairMath, type Segment } from "./repair.ts";
import { texToUnicode } from "./tex-to-unicode.ts";

export { repairMath, type Segment } from "./repair.ts";

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
  // Most texts have none of these: every replacement below needs one.
  if (!text.includes("--") && !text.includes("``") && !text.includes("''")) return text;
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
 * Repaired text as safe markdown for the site's markdown-it renderer: text is
 * escaped so nothing in it is markdown, HTML or template syntax (a `$` in text
 * becomes `\$`, which the KaTeX plugin skips), formulas become `$...$`,
 * emphasis `*...*`.
 */
export const segmentsToMarkdown = (segments: readonly Segment[]): string => segments.map(segmentMarkdown).join("");

/** Readable plain text for <title>, feeds, meta descriptions and search: `ell_p` → ℓp, `epsilon` → ε. */
export const segmentsToPlainText = (segments: readonly Segment[]): string =>
  collapseSpaces(
    segments.map((segment) => (segment.kind === "math" ? texToUnicode(segment.tex) : typographic(segment.text))).join(""),
  ).trim();

/** Whether the rendered text will contain typeset math (so the page needs KaTeX's CSS). */
export const segmentsHaveMath = (segments: readonly Segment[]): boolean => segments.some((segment) => segment.kind === "math");

/** Digest text (a title or an abstract) as safe markdown; see `segmentsToMarkdown`. Not memoised: a build uses `MathText`. */
export const digestTextToMarkdown = (text: string): string => segmentsToMarkdown(repairMath(text));

/** Digest text as readable plain text; see `segmentsToPlainText`. Not memoised: a build uses `MathText`. */
export const digestTextToPlainText = (text: string): string => segmentsToPlainText(repairMath(text));

/** Whether digest text will contain typeset math. Not memoised: a build uses `MathText`. */
export const digestTextHasMath = (text: string): boolean => segmentsHaveMath(repairMath(text));
