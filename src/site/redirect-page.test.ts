import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { redirectPageHtml } from "./redirect-page.ts";

describe("redirectPageHtml", () => {
  const html = redirectPageHtml({ target: "/papers/new/", absoluteTarget: "https://example.org/papers/new/", title: 'A "quoted" <b>title</b> & more' });
  const page = parse(html);

  it("refreshes to the new URL, names it canonical and keeps the old one out of search engines", () => {
    expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe("0; url=/papers/new/");
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://example.org/papers/new/");
    expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect(page.querySelector("a")?.getAttribute("href")).toBe("/papers/new/");
  });

  it("escapes the title: digest text never becomes markup", () => {
    expect(html).not.toContain("<b>");
    expect(page.querySelector("a")?.textContent).toBe('A "quoted" <b>title</b> & more');
    expect(page.querySelector("title")?.textContent).toBe('Moved: A "quoted" <b>title</b> & more');
  });
});
