/**
 * What a built site is made of, by kind of file and, inside HTML pages, by
 * kind of markup: page chrome, KaTeX (its HTML and its MathML), the related
 * list and the search metadata of paper pages. Pure functions of file paths
 * and contents, so they are tested on strings (site-weight.test.ts).
 */

export const FILE_KINDS = [
  "paper pages",
  "day pages",
  "month and year pages",
  "topic listings",
  "feeds",
  "search index",
  "sitemap",
  "assets",
  "other",
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The kind of a file by its path relative to the site root, with "/" separators. */
export function fileKind(relative: string): FileKind {
  if (/^papers\/[^/]+\/index\.html$/.test(relative)) return "paper pages";
  if (/^(?:pagefind|pagefind-parts)\//.test(relative) || relative === "search/newest-first.json") return "search index";
  if (/^topics\/[^/]+\/feed\.xml$/.test(relative) || /^(?:feed\.xml|rss\.xml|feed\.json)$/.test(relative)) return "feeds";
  if (/^topics\//.test(relative) && relative.endsWith(".html")) return "topic listings";
  if (/^\d{4}\/\d{2}\/\d{2}\//.test(relative)) return "day pages";
  if (/^\d{4}\/(?:\d{2}\/)?index\.html$/.test(relative)) return "month and year pages";
  if (/^sitemap.*\.xml$/.test(relative)) return "sitemap";
  if (relative.startsWith("assets/")) return "assets";
  return "other";
}

export const MARKUP_KINDS = [
  "<head> without JSON-LD",
  "JSON-LD",
  "header, footer, scripts",
  "KaTeX HTML",
  "KaTeX MathML",
  "related papers",
  "search metadata",
  "details",
  "rest of <main>",
] as const;
export type MarkupKind = (typeof MARKUP_KINDS)[number];

const utf8Bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** End (exclusive) of the element whose start tag begins at `start`, counting nested tags of the same name. */
export function elementEnd(html: string, start: number, tag: string): number {
  const open = new RegExp(`<${tag}[\\s>]|</${tag}>`, "g");
  open.lastIndex = start;
  let depth = 0;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    depth += match[0].startsWith("</") ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return html.length;
}

/** Byte ranges [start, end) of every element opened by `startTag` (not nested inside an earlier one). */
function elementRanges(html: string, startTag: string, tag: string, from = 0, to = html.length): [number, number][] {
  const ranges: [number, number][] = [];
  for (let index = html.indexOf(startTag, from); index !== -1 && index < to; index = html.indexOf(startTag, index)) {
    const end = elementEnd(html, index, tag);
    ranges.push([index, end]);
    index = end;
  }
  return ranges;
}

const rangeBytes = (html: string, ranges: readonly [number, number][]) =>
  ranges.reduce((sum, [start, end]) => sum + utf8Bytes(html.slice(start, end)), 0);

/** Bytes of one HTML page by kind of markup; the kinds add up to the page's size. */
export function markupBytes(html: string): Record<MarkupKind, number> {
  const mainStart = html.indexOf("<main");
  const mainEnd = mainStart === -1 ? -1 : elementEnd(html, mainStart, "main");
  const total = utf8Bytes(html);
  const main = mainStart === -1 ? [0, 0] : [mainStart, mainEnd];
  const within = (startTag: string, tag: string) => elementRanges(html, startTag, tag, main[0], main[1]);
  const katex = within('<span class="katex">', "span");
  const mathml = katex.flatMap(([start, end]) => elementRanges(html, '<span class="katex-mathml">', "span", start, end));
  const katexBytes = rangeBytes(html, katex);
  const mathmlBytes = rangeBytes(html, mathml);
  const headEnd = html.indexOf("</head>");
  const jsonLd = elementRanges(html, '<script type="application/ld+json">', "script", 0, headEnd === -1 ? 0 : headEnd);
  const head = headEnd === -1 ? 0 : utf8Bytes(html.slice(0, headEnd + "</head>".length));
  const related = within('<section class="related"', "section");
  const searchMeta = within("<div hidden data-pagefind-ignore>", "div");
  const details = within('<section class="paper__details"', "section");
  // KaTeX inside the related list counts as KaTeX, not twice.
  const katexInRelated = rangeBytes(
    html,
    katex.filter(([start]) => related.some(([from, to]) => start >= from && start < to)),
  );
  const bytes = {
    "<head> without JSON-LD": head - rangeBytes(html, jsonLd),
    "JSON-LD": rangeBytes(html, jsonLd),
    "header, footer, scripts": total - head - utf8Bytes(html.slice(main[0], main[1])),
    "KaTeX HTML": katexBytes - mathmlBytes,
    "KaTeX MathML": mathmlBytes,
    "related papers": rangeBytes(html, related) - katexInRelated,
    "search metadata": rangeBytes(html, searchMeta),
    details: rangeBytes(html, details),
    "rest of <main>": 0,
  };
  const counted = Object.values(bytes).reduce((sum, value) => sum + value, 0);
  bytes["rest of <main>"] = total - counted;
  return bytes;
}
