/**
 * The one place KaTeX is called. Repaired spans are rendered here once to
 * decide whether they stay math (a span KaTeX rejects is shown verbatim as
 * text), and the markdown renderer reuses the cached HTML.
 */
import katex, { type KatexOptions } from "katex";

/**
 * Options shared by validation and rendering. `trust: false` keeps `\href`,
 * `\url`, `\htmlData` and `\includegraphics` inert; the caps stop `\def`
 * bombs and absurd sizes; `strict: "ignore"` keeps the build log quiet.
 */
export const KATEX_OPTIONS = {
  output: "htmlAndMathml",
  trust: false,
  strict: "ignore",
  throwOnError: false,
  maxSize: 10,
  maxExpand: 100,
} as const satisfies KatexOptions;

// Formulas repeat across pages and feeds; one build of a large archive has a few hundred thousand.
const CACHE_LIMIT = 500_000;
const renderedCache = new Map<string, string | null>();

/**
 * KaTeX HTML for `tex`, or null when KaTeX cannot parse it, blows a limit,
 * overflows the stack (deep nesting), or uses a command that needs trust.
 * Untrusted commands count as failures (instead of KaTeX's red command
 * name) so the reader sees the source text rather than a half-formula.
 */
export function renderTexOrNull(tex: string, displayMode = false, output: MathOutput = "htmlAndMathml"): string | null {
  const key = `${displayMode ? "D" : "I"}${output === "mathml" ? "M" : "H"}${tex}`;
  const cached = renderedCache.get(key);
  if (cached !== undefined) return cached;
  const result = renderUncached(tex, displayMode, output);
  if (renderedCache.size >= CACHE_LIMIT) renderedCache.clear();
  renderedCache.set(key, result);
  return result;
}

/**
 * Pages get KaTeX's HTML plus MathML; feeds get MathML alone, because feed
 * readers have no KaTeX stylesheet and would show its HTML spans as clutter.
 */
export type MathOutput = "htmlAndMathml" | "mathml";

function renderUncached(tex: string, displayMode: boolean, output: MathOutput): string | null {
  let askedForTrust = false;
  try {
    const html = katex.renderToString(tex, {
      ...KATEX_OPTIONS,
      output,
      displayMode,
      throwOnError: true,
      trust: () => {
        askedForTrust = true;
        return false;
      },
      // A fresh macro table per span: a shared one would let `\gdef` in one
      // abstract redefine commands in every later abstract.
      macros: {},
    });
    return askedForTrust ? null : html;
  } catch {
    // ParseError, but also RangeError from thousands of nested braces.
    return null;
  }
}

/** Whether KaTeX renders `tex` as inline math without error or untrusted commands. */
export function isRenderableTex(tex: string): boolean {
  return renderTexOrNull(tex) !== null;
}
