import { describe, expect, it } from "vitest";
import type { TopicListingPage } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { numberedPageCount, TOPIC_PAGE_SIZE, topicListingPages, topicSummaries } from "./topic-pages.ts";
import { testPaper } from "../../test/fixtures/test-paper.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";

// In file order: a topic with no papers first, then the smaller of two topics.
const taxonomy = testTaxonomy([topic("graphs", { GNN: 3 }), topic("robotics", { robot: 3 }), topic("bandits", { bandit: 3 })]);

function paper(index: number, topics: string[]): Paper {
  const day = String((index % 28) + 1).padStart(2, "0");
  const month = index < 60 ? "07" : "08";
  return testPaper({
    slug: `paper-${index}`,
    title: `Paper ${index}`,
    abstract: `Abstract ${index}.`,
    appearances: [{ date: `2025-${month}-${day}`, position: index }],
    topics,
  });
}

const byFirstListing = (a: Paper, b: Paper) => {
  const [x, y] = [a.appearances[0]!, b.appearances[0]!];
  return x.date !== y.date ? (x.date < y.date ? -1 : 1) : x.position - y.position;
};

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

  it("shows the newest 50 on the front page, and numbers the pages behind it from the oldest", () => {
    const bandits = pages.filter((page) => page.topic.slug === "bandits");
    expect(TOPIC_PAGE_SIZE).toBe(50);
    expect(bandits.map((page) => [page.url, page.pageNumber, page.entries.length, page.newer, page.older])).toEqual([
      ["/topics/bandits/", undefined, 50, undefined, "/topics/bandits/page/2/"],
      ["/topics/bandits/page/1/", 1, 50, "/topics/bandits/page/2/", undefined],
      ["/topics/bandits/page/2/", 2, 50, "/topics/bandits/page/3/", "/topics/bandits/page/1/"],
      ["/topics/bandits/page/3/", 3, 8, undefined, "/topics/bandits/page/2/"],
    ]);
    const numbered = bandits.filter((page) => page.pageNumber !== undefined).flatMap((page) => page.entries.map((entry) => entry.url));
    expect(numbered).toHaveLength(108);
    expect(new Set(numbered).size).toBe(108);
  });

  it("lists papers newest first on every page, page 1 holding the oldest", () => {
    const bandits = pages.filter((page) => page.topic.slug === "bandits");
    const byDate = (urls: string[]) => urls.map((url) => papers.find((paper) => `/papers/${paper.slug}/` === url)!.appearances[0]!.date);
    for (const page of bandits) {
      const dates = byDate(page.entries.map((entry) => entry.url));
      expect(dates, page.url).toEqual([...dates].sort().reverse());
    }
    const [front, first, second] = bandits;
    expect(byDate(first!.entries.map((entry) => entry.url)).every((date) => date <= byDate([second!.entries.at(-1)!.url])[0]!)).toBe(true);
    const newestFifty = [...papers]
      .filter((paper) => paper.topics.includes("bandits"))
      .sort(byFirstListing)
      .slice(-50)
      .reverse();
    expect(front!.entries.map((entry) => entry.url)).toEqual(newestFifty.map((paper) => `/papers/${paper.slug}/`));
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

/** `count` papers of one topic, `perDay` a day from 2025-01-01 on, in listing order. */
function archive(count: number, perDay = 7): Paper[] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(2025, 0, 1 + Math.floor(index / perDay))).toISOString().slice(0, 10);
    return { ...paper(index, ["bandits"]), appearances: [{ date, position: index % perDay }] };
  });
}

const refs = (slug: string) => ({ slug, name: slug, url: `/topics/${slug}/` });
/** What a numbered page shows: all of it but the topic's paper count, which only the front page prints. */
const shown = (page: TopicListingPage) => JSON.stringify({ ...page, topic: { ...page.topic, paperCount: undefined } });
const banditPages = (papers: Paper[]) =>
  topicListingPages(topicSummaries(taxonomy, papers), papers, refs).filter((page) => page.topic.slug === "bandits");

describe("stable topic pagination", () => {
  it.each([
    { papers: 0, numbered: 0 },
    { papers: 50, numbered: 0 },
    { papers: 51, numbered: 2 },
    { papers: 99, numbered: 2 },
    { papers: 100, numbered: 3 },
    { papers: 101, numbered: 3 },
  ])("$papers papers: $numbered numbered pages", ({ papers, numbered }) => {
    expect(numberedPageCount(papers)).toBe(numbered);
    expect(banditPages(archive(papers)).filter((page) => page.pageNumber !== undefined)).toHaveLength(numbered);
  });

  it("keeps a full page as it was when days are added: only the front page and the newest numbered pages change", () => {
    // Days of 7 papers cross the 50-paper boundary at different places; 350 and 400 end a page exactly.
    for (const [before, after] of [
      [57, 64],
      [98, 105],
      [140, 147],
      [343, 350],
      [350, 357],
      [400, 407],
    ] as const) {
      const old = banditPages(archive(before));
      const now = banditPages(archive(after));
      const changed = now.filter((page) => {
        const earlier = old.find((candidate) => candidate.url === page.url);
        return !earlier || shown(page) !== shown(earlier);
      });
      const newestNumbered = numberedPageCount(before);
      expect(
        changed.map((page) => page.pageNumber ?? 0).every((number) => number === 0 || number >= newestNumbered),
        `${before} → ${after}`,
      ).toBe(true);
      for (const page of old.filter((page) => page.entries.length === TOPIC_PAGE_SIZE && page.pageNumber !== undefined)) {
        expect(shown(now.find((later) => later.url === page.url)!), page.url).toBe(shown(page));
      }
    }
  });

  it("gives a full page a newer link that exists, even when the page that fills next is still empty", () => {
    const fifth = banditPages(archive(100));
    expect(fifth.map((page) => [page.url, page.entries.length, page.newer])).toEqual([
      ["/topics/bandits/", 50, undefined],
      ["/topics/bandits/page/1/", 50, "/topics/bandits/page/2/"],
      ["/topics/bandits/page/2/", 50, "/topics/bandits/page/3/"],
      ["/topics/bandits/page/3/", 0, undefined],
    ]);
  });

  it("keeps every page URL of the newest-first numbering (pages 2 and up) working", { timeout: 30_000 }, () => {
    for (let count = 0; count <= 400; count++) {
      const urls = new Set(banditPages(archive(count)).map((page) => page.url));
      const oldPageCount = Math.max(1, Math.ceil(count / TOPIC_PAGE_SIZE));
      for (let number = 2; number <= oldPageCount; number++) expect(urls, `${count} papers`).toContain(`/topics/bandits/page/${number}/`);
    }
  });

  it("places a paper by the day it was first listed, so listing it again later moves nothing", () => {
    const papers = archive(120);
    const listedAgain = papers.map((paper, index) =>
      index === 3 ? { ...paper, appearances: [...paper.appearances, { date: "2025-12-31", position: 0 }] } : paper,
    );
    expect(banditPages(listedAgain)).toEqual(banditPages(papers));
  });
});
