import { describe, expect, it } from "vitest";
import { indexedHtml } from "./indexed-html.ts";

const page = (body: string, aside = "<aside>Related: A, B</aside>") =>
  `<!doctype html><html lang="en"><head><title>T</title></head><body><header>Site</header><main>${body}${aside}</main></body></html>`;

describe("indexedHtml", () => {
  it.each([
    {
      name: "keeps the html tag and the body element",
      html: page(`<article class="paper" data-pagefind-body><h1>Title</h1><p>Text</p></article>`),
      expected: `<html lang="en">\n<article class="paper" data-pagefind-body><h1>Title</h1><p>Text</p></article>`,
    },
    {
      name: "finds the body attribute with a value",
      html: page(`<article data-pagefind-body="" id="x"><p>Text</p></article>`),
      expected: `<html lang="en">\n<article data-pagefind-body="" id="x"><p>Text</p></article>`,
    },
  ])("$name", ({ html, expected }) => {
    expect(indexedHtml(html)).toBe(expected);
  });

  it("ignores what lies outside the body, such as related papers", () => {
    const body = `<article data-pagefind-body><p>Text</p></article>`;
    expect(indexedHtml(page(body, "<aside>Related: C</aside>"))).toBe(indexedHtml(page(body)));
  });

  it("changes when the body or the language changes", () => {
    const body = `<article data-pagefind-body><p>Text</p></article>`;
    expect(indexedHtml(page(`<article data-pagefind-body><p>Other</p></article>`))).not.toBe(indexedHtml(page(body)));
    expect(indexedHtml(page(body).replace('lang="en"', 'lang="fr"'))).not.toBe(indexedHtml(page(body)));
  });

  it.each([
    { name: "no body element", html: page(`<article><p>Text</p></article>`) },
    { name: "an article nested in the body", html: page(`<article data-pagefind-body><article>x</article></article>`) },
    { name: "a body that never closes", html: `<html><article data-pagefind-body><p>Text` },
    { name: "an attribute that only starts the same", html: page(`<article data-pagefind-body-x><p>Text</p></article>`) },
  ])("falls back to the whole page on $name", ({ html }) => {
    expect(indexedHtml(html)).toBe(html);
  });
});
