/**
 * The repair pass: digest text in, segments out. Text keeps every character
 * it had (apart from TeX escapes turned into the characters they stand for);
 * math segments carry TeX that KaTeX has already accepted, so whatever
 * renders them never has to deal with a failure.
 */
import { hash } from "node:crypto";
import { isRenderableTex } from "./katex-check.ts";
import { isMathFree } from "./math-free.ts";
import { findMathRanges } from "./span-finder.ts";
import { finishPlainText, repairTextBeforeMath, splitEmphasis } from "./text-repairs.ts";
import { spanToTex } from "./to-tex.ts";

export type Segment =
  | { kind: "text"; text: string }
  /** `origin` tells repaired spans from `$...$` that the digest already had. */
  | { kind: "math"; tex: string; origin: "repaired" | "delimited" }
  | { kind: "emphasis"; text: string };

/**
 * `$...$` as Pandoc reads it: the opening `$` is followed by a non-space, the
 * closing one preceded by a non-space and not followed by a digit. So prices
 * (`$5 and $10`) stay text. `$$...$$` is accepted too and shown inline.
 */
const DELIMITED_MATH = /(?<!\\)\$\$([^$]+?)\$\$|(?<!\\)\$(?=\S)((?:\\.|[^$\\])+?)(?<=\S)\$(?!\d)/g;

const URL = /\b(?:https?:\/\/|www\.)\S+/g;

/**
 * Nunjucks and Liquid read `{{`, `{%` and `{#` even inside math. A space
 * between two braces changes nothing in TeX, so formulas never contain them,
 * whatever template engine the markdown later passes through.
 */
function withoutTemplateSyntax(tex: string): string {
  return tex.replace(/\{(?=[{%#])|[}%#](?=\})/g, "$& ");
}

function mathOrText(tex: string, source: string, origin: "repaired" | "delimited"): Segment {
  const safeTex = withoutTemplateSyntax(tex);
  return isRenderableTex(safeTex) ? { kind: "math", tex: safeTex, origin } : { kind: "text", text: source };
}

function repairProse(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const range of findMathRanges(text)) {
    if (range.start > last) segments.push({ kind: "text", text: finishPlainText(text.slice(last, range.start)) });
    const source = text.slice(range.start, range.end);
    const segment = mathOrText(spanToTex(source), source, "repaired");
    segments.push(segment.kind === "text" ? { kind: "text", text: finishPlainText(source) } : segment);
    last = range.end;
  }
  if (last < text.length) segments.push({ kind: "text", text: finishPlainText(text.slice(last)) });
  return segments;
}

function repairTextWithoutUrls(text: string): Segment[] {
  return splitEmphasis(repairTextBeforeMath(text)).flatMap((piece): Segment[] => {
    if (piece.kind === "text") return repairProse(piece.text);
    const emphasised = finishPlainText(piece.text);
    return emphasised === "" ? [] : [{ kind: "emphasis", text: emphasised }];
  });
}

/** URLs are copied as they are: `progressive_gradient_flow_nm_sparsity` is no subscript. */
function repairUndelimitedText(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL)) {
    segments.push(...repairTextWithoutUrls(text.slice(last, match.index)));
    segments.push({ kind: "text", text: match[0] });
    last = match.index + match[0].length;
  }
  segments.push(...repairTextWithoutUrls(text.slice(last)));
  return segments;
}

/**
 * Joins neighbours of the same kind, and pulls digits that follow a formula
 * into it: in markdown, `$x$2` would not close the formula.
 */
function tidy(segments: Segment[]): Segment[] {
  const result: Segment[] = [];
  for (const segment of segments) {
    const previous = result[result.length - 1];
    if (segment.kind === "text" && segment.text === "") continue;
    if (previous?.kind === "math" && segment.kind === "text") {
      const digits = /^\d+/.exec(segment.text)?.[0];
      if (digits) {
        previous.tex = `${previous.tex}${digits}`;
        const rest = segment.text.slice(digits.length);
        if (rest !== "") result.push({ kind: "text", text: rest });
        continue;
      }
    }
    if (previous?.kind === "text" && segment.kind === "text") previous.text += segment.text;
    else if (previous?.kind === "math" && segment.kind === "math") previous.tex = `${previous.tex} ${segment.tex}`;
    else result.push({ ...segment });
  }
  return result;
}

/**
 * The repair without its fast path: every text goes through the span finder.
 * Kept as the reference the fast path is checked against (math-free.test.ts, `npm run bench:math`).
 */
export function repairByFullSearch(text: string): Segment[] {
  const normalized = text.replace(/\s+/g, " ");
  const segments: Segment[] = [];
  let last = 0;
  for (const match of normalized.matchAll(DELIMITED_MATH)) {
    segments.push(...repairUndelimitedText(normalized.slice(last, match.index)));
    const tex = (match[1] ?? match[2] ?? "").trim();
    segments.push(mathOrText(tex, match[0], "delimited"));
    last = match.index + match[0].length;
  }
  segments.push(...repairUndelimitedText(normalized.slice(last)));
  return tidy(segments);
}

/** The repair of one text, not memoised: a text without anything math-like skips the span finder (see math-free.ts). */
export function repairUncached(text: string): Segment[] {
  const normalized = text.replace(/\s+/g, " ");
  if (isMathFree(normalized)) return normalized === "" ? [] : [{ kind: "text", text: normalized }];
  return repairByFullSearch(normalized);
}

/** The key an earlier build's repair of `text` is kept under (see pipeline/repair-cache.ts). */
// The one-shot hash: a build hashes every title and abstract, and making a Hash object for each doubled the time.
export const repairKey = (text: string) => hash("sha1", text, "base64url");

/**
 * Digest text (a title or an abstract) as text, math and emphasis segments,
 * frozen. Pure and not memoised: `MathText` (math-text.ts) remembers repairs
 * for a build.
 */
export function repairMath(text: string): readonly Segment[] {
  return Object.freeze(repairUncached(text).map((segment) => Object.freeze(segment)));
}

/**
 * Stands, among kept repairs, for "the text as it is, one text segment": what
 * the repair makes of most texts (those without math), which a cache then
 * need not hold a second copy of. Told apart by identity (see MathText).
 */
export const TEXT_AS_IT_IS: readonly Segment[] = Object.freeze([]);

/** Whether `segments` are `text` as it is (see TEXT_AS_IT_IS). */
export const isTextAsItIs = (segments: readonly Segment[], text: string) =>
  segments.length === 1 && segments[0]!.kind === "text" && segments[0]!.text === text && Object.keys(segments[0]!).length === 2;

/** Each text's repair: what a worker thread runs over its share of an archive (see pipeline/repair-in-workers.ts). */
export function repairEach(texts: readonly string[]): (readonly Segment[])[] {
  return texts.map(repairMath);
}

/** How many formulas the repair pass restored in `text` (not counting `$...$` it already had). */
export function countRepairedSpans(text: string): number {
  return repairMath(text).filter((segment) => segment.kind === "math" && segment.origin === "repaired").length;
}
