import { describe, expect, it } from "vitest";
import { MathText } from "../math/math-text.ts";
import type { Paper } from "../model/types.ts";
import { TOPIC_PAGE_SIZE, topicListingPages, topicSummaries } from "./topic-pages.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";

// In file order: a topic with no papers first, then the smaller of two topics.
const taxonomy = testTaxonomy([topic("graphs", { GNN: 3 }), topic("robotics", { robot: 3 }), topic("bandits", { bandit: 3 })]);

const mathText = new MathText();

function paper(index: number, topics: string[]): Paper {
  const day = String((index % 28) + 1).padStart(2, "0");
  const month = index < 60 ? "07" : "08";
  const title = `Paper ${index}`;
  const abstract = `Abstract ${index}.`;
  return {
    slug: `paper-${index}`,
    title,
    abstract,
    text: mathText.paperText({ title, abstract }),
    appearances: [{ date: `2025-${month}-${day}`, position: index }],
    card: {},
    authors: [],
    topics,
    related: [],
  };
}

describe("topic pages", () => {
  const papers = Array.from({ length: 120 }, (_, index) =>
    paper(index, index % 10 === 0 ? ["other"] : index % 10 === 1 ? ["robotics", "bandits"] : ["bandits"]),
  );
  const topics = topicSummaries(taxonomy, papers);
  const pages = topicListingPages(topics, papers, (slug) => ({ slug, name: slug, url: `/topics/${slug}/` }));

  it("counts every topic's papers, largest first, keeping empty topics last", () => {
    expect(topics.map((topic) => [topic.slug, topic.paperCount, topic.url, topic.feedUrl])).toEqual([
      ["bandits", 108, "/topics/bandits/", "/topics/bandits/feed.xml"],
      ["other", 12, "/topics/other/", "/topics/other/feed.xml"],
      ["robotics", 12, "/topics/robotics/", "/topics/robotics/feed.xml"],
      ["graphs", 0, "/topics/graphs/", "/topics/graphs/feed.xml"],
    ]);
  });

  it("pages a topic 50 papers at a time at /topics/<slug>/page/N/, linked both ways", () => {
    const bandits = pages.filter((page) => page.topic.slug === "bandits");
    expect(TOPIC_PAGE_SIZE).toBe(50);
    expect(bandits.map((page) => [page.url, page.entries.length, page.previous, page.next])).toEqual([
      ["/topics/bandits/", 50, undefined, "/topics/bandits/page/2/"],
      ["/topics/bandits/page/2/", 50, "/topics/bandits/", "/topics/bandits/page/3/"],
      ["/topics/bandits/page/3/", 8, "/topics/bandits/page/2/", undefined],
    ]);
    expect(new Set(bandits.flatMap((page) => page.entries.map((entry) => entry.url))).size).toBe(108);
  });

  it("lists papers newest first", () => {
    const dates = pages.filter((page) => page.topic.slug === "bandits").flatMap((page) => page.entries.map((entry) => entry.date));
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("gives an empty topic one page that says so rather than no page", () => {
    const empty = topicListingPages(topicSummaries(taxonomy, []), [], (slug) => ({ slug, name: slug, url: `/topics/${slug}/` }));
    expect(empty.map((page) => [page.url, page.entries.length])).toEqual([
      ["/topics/bandits/", 0],
      ["/topics/graphs/", 0],
      ["/topics/other/", 0],
      ["/topics/robotics/", 0],
    ]);
  });
});
