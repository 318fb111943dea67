import { describe, expect, it } from "vitest";
import { paperPageSchema } from "../model/site.ts";
import { MathText } from "../math/math-text.ts";
import type { Paper } from "../model/types.ts";
import { toPaperPage } from "./paper-page.ts";

function paper(slug: string, title: string, dates: string[], topics: string[], related: string[] = []): Paper {
  return {
    slug,
    title,
    abstract: "An abstract.",
    text: new MathText().paperText({ title, abstract: "An abstract." }),
    appearances: dates.map((date, position) => ({ date, position })),
    card: {},
    authors: [],
    topics,
    related,
  };
}

describe("toPaperPage related entries", () => {
  // Two related papers with the same title: their day tells them apart.
  const others = [
    paper("sparse-attention", "Sparse attention", ["2025-08-19", "2025-08-21"], ["llm-inference", "architectures"]),
    paper("sparse-attention-2", "Sparse attention", ["2025-08-22"], []),
  ];
  const bySlug = new Map(others.map((other) => [other.slug, other]));
  const topicRef = (slug: string) => ({ slug, name: `Name of ${slug}`, url: `/topics/${slug}/` });
  const page = toPaperPage(
    paper("query", "Query", ["2025-08-20"], ["llm-inference"], ["sparse-attention", "sparse-attention-2", "missing"]),
    topicRef,
    (slug) => bySlug.get(slug),
    "https://papers.example.org",
  );

  it("gives each related paper the day it first appeared and its first topic", () => {
    expect(page.related).toEqual([
      {
        url: "/papers/sparse-attention/",
        titleMarkdown: "Sparse attention",
        titleText: "Sparse attention",
        day: { date: "2025-08-19", url: "/2025/08/19/", label: "August 19, 2025" },
        topic: { slug: "llm-inference", name: "Name of llm-inference", url: "/topics/llm-inference/" },
      },
      {
        url: "/papers/sparse-attention-2/",
        titleMarkdown: "Sparse attention",
        titleText: "Sparse attention",
        day: { date: "2025-08-22", url: "/2025/08/22/", label: "August 22, 2025" },
      },
    ]);
  });

  it("validates against the page schema", () => {
    expect(paperPageSchema.safeParse(page).success).toBe(true);
  });
});
