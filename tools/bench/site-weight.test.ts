import { describe, expect, it } from "vitest";
import { elementEnd, fileKind, markupBytes } from "./site-weight.ts";

describe("fileKind", () => {
  it.each([
    ["papers/muvera/index.html", "paper pages"],
    ["2025/08/20/index.html", "day pages"],
    ["2025/08/20/by-upvotes/index.html", "day pages"],
    ["2025/08/index.html", "month and year pages"],
    ["2025/index.html", "month and year pages"],
    ["topics/bandits/index.html", "topic listings"],
    ["topics/bandits/page/3/index.html", "topic listings"],
    ["topics/index.html", "topic listings"],
    ["topics/bandits/feed.xml", "feeds"],
    ["feed.json", "feeds"],
    ["rss.xml", "feeds"],
    ["pagefind/pagefind-entry.json", "search index"],
    ["pagefind-parts/2023-01-01/index/en_1.pf_index", "search index"],
    ["search/newest-first.json", "search index"],
    ["search/index.html", "other"],
    ["sitemap.xml", "sitemap"],
    ["assets/katex/katex.min.css", "assets"],
    ["index.html", "other"],
  ])("%s is %s", (file, kind) => {
    expect(fileKind(file)).toBe(kind);
  });
});

describe("markupBytes", () => {
  const katex =
    '<span class="katex"><span class="katex-mathml"><math><mi>x</mi></math></span><span class="katex-html"><span>x</span></span></span>';
  const page =
    '<html><head><title>T</title><script type="application/ld+json">{"a":1}</script></head><body><header>nav</header>' +
    `<main><div hidden data-pagefind-ignore><span>m</span></div><p>An é ${katex}</p><section class="paper__details"><dl></dl></section>` +
    `<section class="related"><ul><li>${katex}</li></ul></section></main><footer>f</footer></body></html>`;

  it("splits a page into kinds that add up to its size", () => {
    const bytes = markupBytes(page);
    expect(Object.values(bytes).reduce((sum, value) => sum + value, 0)).toBe(Buffer.byteLength(page));
    const mathml = '<span class="katex-mathml"><math><mi>x</mi></math></span>'.length;
    expect(bytes["KaTeX MathML"]).toBe(2 * mathml);
    expect(bytes["KaTeX HTML"]).toBe(2 * (katex.length - mathml));
    expect(bytes["JSON-LD"]).toBe('<script type="application/ld+json">{"a":1}</script>'.length);
    expect(bytes["<head> without JSON-LD"]).toBe("<html><head><title>T</title></head>".length);
    expect(bytes["header, footer, scripts"]).toBe("<body><header>nav</header><footer>f</footer></body></html>".length);
    expect(bytes["search metadata"]).toBe("<div hidden data-pagefind-ignore><span>m</span></div>".length);
    expect(bytes.details).toBe('<section class="paper__details"><dl></dl></section>'.length);
    expect(bytes["related papers"]).toBe('<section class="related"><ul><li></li></ul></section>'.length);
    expect(bytes["rest of <main>"]).toBe("<main><p>An é </p></main>".length + 1);
  });

  it("finds the end of an element over nested ones of the same name", () => {
    const html = "<span a><span>x</span></span><span>y</span>";
    expect(elementEnd(html, 0, "span")).toBe("<span a><span>x</span></span>".length);
  });
});
