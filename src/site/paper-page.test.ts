import { describe, expect, it } from "vitest";
import { MathText } from "../math/math-text.ts";
import { paperPageSchema } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { dayOrder } from "./day-order.ts";
import { paperPageInput, toPaperPage } from "./paper-page.ts";

const topicRef = (slug: string) => ({ slug, name: slug.toUpperCase(), url: `/topics/${slug}/` });

function paper(slug: string, title: string, appearances: Paper["appearances"], extra: Partial<Paper> = {}): Paper {
  const abstract = `About ${slug}.`;
  return {
    slug,
    title,
    abstract,
    text: new MathText().paperText({ title, abstract }),
    appearances,
    card: {},
    authors: [],
    topics: ["t"],
    related: [],
    ...extra,
  };
}

describe("toPaperPage", () => {
  const a = paper("a", "First", [{ date: "2025-08-20", position: 0 }]);
  const b = paper(
    "b",
    "Second",
    [
      { date: "2025-08-20", position: 2 },
      { date: "2025-08-22", position: 0 },
    ],
    {
      arxivId: "2508.12345",
      related: ["c", "d"],
      card: {
        organization: "Example Lab",
        organizationUrl: "https://huggingface.co/example-lab",
        githubRepo: "https://github.com/example/b",
        projectPage: "https://example.org/b",
        upvotes: 12,
        comments: 3,
        countedOn: "2025-08-21",
      },
    },
  );
  const c = paper("c", "Same title", [{ date: "2025-08-20", position: 5 }], { topics: ["u", "t"] });
  const d = paper("d", "Same title", [{ date: "2025-07-01", position: 0 }], { topics: [] });
  const papers = [a, b, c, d];
  const bySlug = new Map(papers.map((item) => [item.slug, item]));
  const page = toPaperPage(paperPageInput(b, topicRef, (slug) => bySlug.get(slug), "https://papers.example.org", dayOrder(papers)));

  it("links out to arXiv, its PDF, Hugging Face, the code and the project page", () => {
    expect(page.links.map((link) => [link.kind, link.url])).toEqual([
      ["arxiv", "https://arxiv.org/abs/2508.12345"],
      ["pdf", "https://arxiv.org/pdf/2508.12345"],
      ["huggingface", "https://huggingface.co/papers/2508.12345"],
      ["code", "https://github.com/example/b"],
      ["project", "https://example.org/b"],
    ]);
    expect(page.card).toMatchObject({
      organizationUrl: "https://huggingface.co/example-lab",
      countedOn: "2025-08-21",
      upvotes: 12,
      comments: 3,
    });
  });

  it("searches arXiv and Hugging Face by title when there is no arXiv id", () => {
    const plain = toPaperPage(paperPageInput(a, topicRef, (slug) => bySlug.get(slug), "https://papers.example.org", dayOrder(papers)));
    expect(plain.links.map((link) => link.label)).toEqual(["Search arXiv", "Search Hugging Face"]);
  });

  it("places it on its first day, between the papers before and after it there", () => {
    expect(page.dayPlace).toEqual({
      date: "2025-08-20",
      label: "August 20, 2025",
      entryUrl: "/2025/08/20/#b",
      position: 2,
      count: 3,
      previous: { url: "/papers/a/", titleMarkdown: "First", titleText: "First" },
      next: { url: "/papers/c/", titleMarkdown: "Same title", titleText: "Same title" },
    });
    expect(page.appearances.map((day) => day.entryUrl)).toEqual(["/2025/08/20/#b", "/2025/08/22/#b"]);
  });

  it("gives each related paper its date and first topic, and tells same-title papers apart", () => {
    expect(page.related.map((link) => [link.url, link.date, link.topic?.slug, link.sameTitle])).toEqual([
      ["/papers/c/", "2025-08-20", "u", true],
      ["/papers/d/", "2025-07-01", undefined, true],
    ]);
  });

  it("validates against the page schema", () => {
    expect(paperPageSchema.safeParse(page).success).toBe(true);
  });
});
