import { describe, expect, test } from "vitest";
import { digestTextToMarkdown } from "../math/digest-text.ts";
import { escapeMarkdown } from "./escape-markdown.ts";
import { renderBlock, renderInline } from "./render.ts";
import { createMarkdownRenderer } from "./renderer.ts";

/** Digest text → markdown → HTML, the way paper pages render an abstract. */
function pageHtml(text: string): string {
  return renderBlock(digestTextToMarkdown(text));
}

/** The text content of some HTML, with KaTeX's MathML annotation (the TeX source) removed. */
function visibleText(html: string): string {
  return html
    .replace(/<annotation[^>]*>.*?<\/annotation>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

describe("createMarkdownRenderer", () => {
  test("returns a markdown-it with raw HTML, linkify and typographer off", () => {
    const md = createMarkdownRenderer();
    expect(md.options.html).toBe(false);
    expect(md.options.linkify).toBe(false);
    expect(md.options.typographer).toBe(false);
  });

  test("typesets $...$ with KaTeX, HTML and MathML", () => {
    const html = createMarkdownRenderer().renderInline("a $x^2$ b");
    expect(html).toContain('class="katex"');
    expect(html).toContain("<math");
    expect(html).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
  });

  test("a formula KaTeX rejects is shown as its escaped source, not an error box", () => {
    const html = createMarkdownRenderer().renderInline("a $\\frac{1}$ b");
    expect(html).toBe("a $\\frac{1}$ b");
    expect(html).not.toContain("katex-error");
  });

  test("$$...$$ on its own line is display math; a broken one is escaped text", () => {
    const md = createMarkdownRenderer();
    expect(md.render("$$\nx^2\n$$")).toContain('<p class="katex-block">');
    expect(md.render("$$\n<b>\\frac{1}\n$$")).toBe("<p>$$&lt;b&gt;\\frac{1}\n$$</p>\n");
  });

  test("\\gdef in one formula does not leak into the next", () => {
    const md = createMarkdownRenderer();
    md.renderInline("$\\gdef\\leak{X}\\leak$");
    expect(md.renderInline("$\\leak$")).toBe("$\\leak$");
  });
});

describe("digest text through the renderer", () => {
  test("a title shows math in its heading", () => {
    const html = renderInline(digestTextToMarkdown("Sharper Bounds for ell_p Sensitivity Sampling"));
    expect(html.startsWith('Sharper Bounds for <span class="katex">')).toBe(true);
    expect(html).toContain("\\ell_p</annotation>");
    expect(html.endsWith(" Sensitivity Sampling")).toBe(true);
  });

  test("an escaped dollar in text is not a math delimiter: prices stay literal", () => {
    expect(pageHtml("It costs $5 and $10 per month")).toBe("<p>It costs $5 and $10 per month</p>\n");
    // The repaired x^2 is the only formula; neither dollar opens one.
    const html = pageHtml("between $5 and x^2 and $10");
    expect(html.startsWith('<p>between $5 and <span class="katex">')).toBe(true);
    expect(html.match(/class="katex"/g)).toHaveLength(1);
    expect(html.endsWith("</span> and $10</p>\n")).toBe(true);
  });

  test.each([
    ["{{ x }}", "<p>{{ x }}</p>\n"],
    ["{% if %}", "<p>{% if %}</p>\n"],
    ["<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"],
    ["# heading", "<p># heading</p>\n"],
    ["- item", "<p>- item</p>\n"],
    ["1. one", "<p>1. one</p>\n"],
    ["> quote", "<p>&gt; quote</p>\n"],
    ["[link](javascript:alert(1))", "<p>[link](javascript:alert(1))</p>\n"],
    ["*not emphasis* and `code`", "<p>*not emphasis* and `code`</p>\n"],
    ["a back\\slash and a trailing one\\", "<p>a back\\slash and a trailing one\\</p>\n"],
  ])("%s renders literally", (text, html) => {
    expect(pageHtml(text)).toBe(html);
  });

  test("emphasis renders as <em>, also inside a word", () => {
    expect(pageHtml("can be {it misaligned} with")).toBe("<p>can be <em>misaligned</em> with</p>\n");
    expect(pageHtml("Lion (Evo\\textbf{Lved Sign Momentum}).")).toBe("<p>Lion (Evo<em>Lved Sign Momentum</em>).</p>\n");
  });

  test("text next to a formula keeps its escaping", () => {
    const html = pageHtml("the bound O(n) *holds* <b>");
    expect(visibleText(html)).toContain("*holds* <b>");
    expect(html).not.toContain("<b>");
  });
});

/**
 * Hostile input in a future digest that carries real `$...$` math. Each must
 * render without a link, without data- attributes from \htmlData, and with
 * the attacker's text visible verbatim (escaped) where KaTeX refused it.
 */
const HOSTILE: Array<[name: string, text: string]> = [
  ["\\href", "see $\\href{javascript:alert(1)}{x}$ now"],
  ["\\url", "see $\\url{javascript:alert(1)}$ now"],
  ["\\htmlData", "see $\\htmlData{foo=bar}{x}$ now"],
  ["\\htmlClass", "see $\\htmlClass{evil}{x}$ now"],
  ["\\includegraphics", "see $\\includegraphics{https://evil.example/x.png}$ now"],
  ["\\def loop", "see $\\def\\a{\\a\\a}\\a$ now"],
  [
    "\\def bomb",
    `see $\\def\\a{xxxxxxxxxx}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b\\b\\b\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c\\c\\c\\c\\c\\c\\c}\\d\\d\\d$ now`,
  ],
  ["deep nesting", `see $${"{".repeat(5000)}x${"}".repeat(5000)}$ now`],
  ["huge size", "see $\\rule{100000em}{100000em}$ now"],
  ["unbalanced dollar", "see $x^2 now and $ then $"],
  ["prices", "costs $5 and $10"],
  ["raw html in math", "see $<img src=x onerror=alert(1)>$ now"],
  ["repaired-looking text with a link command", "see \\href{javascript:alert(1)}{x} and mathcal{O}(n) now"],
];

describe("hostile math renders inertly", () => {
  test.each(HOSTILE)("%s", (_name, text) => {
    const html = pageHtml(text);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/data-foo/);
    // No tag carries the payload (escaped text inside KaTeX's annotation is fine).
    expect(html).not.toMatch(/<img|<[^>]*onerror|class="evil"/);
    expect(html).not.toContain("katex-error");
    // Whatever KaTeX refused is shown as the source text.
    if (!html.includes('class="katex"')) expect(visibleText(html)).toBe(`${text}\n`);
  });

  test("refused formulas are visibly the original source", () => {
    expect(visibleText(pageHtml("see $\\href{javascript:alert(1)}{x}$ now"))).toBe("see $\\href{javascript:alert(1)}{x}$ now\n");
    expect(visibleText(pageHtml("see $\\def\\a{\\a\\a}\\a$ now"))).toBe("see $\\def\\a{\\a\\a}\\a$ now\n");
  });

  test("renderer-level hostile math (not through the repair pass) is inert too", () => {
    const md = createMarkdownRenderer();
    const html = md.render("$\\href{javascript:alert(1)}{x}$ $\\htmlData{foo=bar}{x}$ $\\url{javascript:x}$");
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toContain("data-foo");
    expect(html).toContain("$\\href{javascript:alert(1)}{x}$");
  });
});

describe("renderInline / renderBlock", () => {
  test("are memoised per string", () => {
    const markdown = escapeMarkdown("memo check") + " $y^3$";
    expect(renderInline(markdown)).toBe(renderInline(markdown));
    expect(renderBlock(markdown)).toBe(`<p>${renderInline(markdown)}</p>\n`);
  });
});
