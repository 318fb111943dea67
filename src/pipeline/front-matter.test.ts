import { describe, expect, it } from "vitest";
import { paperMarkdownFile } from "./front-matter.ts";
import type { PaperFrontMatter } from "../model/site.ts";

const hostileTitle = '---\nlayout: evil.njk\n--- "quoted" \\ {{ x }} {% y %} \u2028 ]]>';

function frontMatter(title: string): PaperFrontMatter {
  return {
    layout: "paper.njk",
    templateEngineOverride: "md",
    permalink: "/papers/a-paper/index.html",
    paper: {
      slug: "a-paper",
      url: "/papers/a-paper/",
      titleMarkdown: title,
      titleText: title,
      description: "d",
      jsonLd: {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        headline: title,
        abstract: "a",
        datePublished: "2025-08-20",
        url: "https://example.org/papers/a-paper/",
        keywords: [],
      },
      hasMath: false,
      needsMathStyles: false,
      appearances: [{ date: "2025-08-20", url: "/2025/08/20/", label: "August 20, 2025", entryUrl: "/2025/08/20/#a" }],
      dayPlace: { date: "2025-08-20", label: "August 20, 2025", entryUrl: "/2025/08/20/#a", position: 1, count: 1 },
      links: [],
      mathWords: "",
      citation: { bibtex: "@misc{a}", plain: "A." },
      firstDate: "2025-08-20",
      lastDate: "2025-08-20",
      searchLinks: { arxiv: "https://arxiv.org/search/?query=a", huggingface: "https://huggingface.co/papers?q=a" },
      card: {},
      authors: [],
      topics: [],
      related: [],
    },
  };
}

describe("paperMarkdownFile", () => {
  it("keeps hostile text inside one JSON front matter block, read back exactly", () => {
    const file = paperMarkdownFile(frontMatter(hostileTitle), "Body");
    const lines = file.split("\n");
    expect(lines[0]).toBe("---json");
    expect(lines[2]).toBe("---");
    expect(lines.slice(3).join("\n")).toBe("Body\n");
    expect(JSON.parse(lines[1]!)).toEqual(frontMatter(hostileTitle));
  });

  it.each([
    ["a slug with capitals", (data: PaperFrontMatter) => ({ ...data, paper: { ...data.paper, slug: "A-Paper" } })],
    ["a permalink outside /papers/", (data: PaperFrontMatter) => ({ ...data, permalink: "/hijacked/index.html" })],
    ["a date that is not a calendar date string", (data: PaperFrontMatter) => ({ ...data, paper: { ...data.paper, firstDate: "Aug 20" } })],
    ["an unknown key", (data: PaperFrontMatter) => ({ ...data, eleventyComputed: { title: "{{ x }}" } })],
  ])("refuses %s", (_name, corrupt) => {
    expect(() => paperMarkdownFile(corrupt(frontMatter("Title")) as PaperFrontMatter, "Body")).toThrow();
  });
});
