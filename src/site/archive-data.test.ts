import { describe, expect, it } from "vitest";
import { MathText } from "../math/math-text.ts";
import type { Paper } from "../model/types.ts";
import { buildArchiveData, homeDays, shortAuthors } from "./archive-data.ts";
import { DAY_PAGE_SIZE, dayEntryUrl, monthGrid } from "./calendar.ts";

const topicRef = (slug: string) => ({ slug, name: slug.toUpperCase(), url: `/topics/${slug}/` });

const mathText = new MathText();

function paper(slug: string, date: string, position: number, topics: string[] = ["a"], upvotes?: number): Paper {
  return {
    slug,
    title: `Title ${slug}`,
    abstract: `Abstract ${slug}.`,
    text: mathText.paperText({ title: `Title ${slug}`, abstract: `Abstract ${slug}.` }),
    appearances: [{ date, position }],
    card: upvotes === undefined ? {} : { upvotes },
    authors: [],
    topics,
    related: [],
  };
}

describe("day listings", () => {
  it(`split a day of more than ${DAY_PAGE_SIZE} papers into pages, in digest order and most upvoted first`, () => {
    const papers = Array.from({ length: 450 }, (_, index) => paper(`p${index}`, "2025-08-20", index, ["a"], index));
    const archive = buildArchiveData(papers, topicRef, [], []);
    expect(
      archive.dayListings.map((listing) => [listing.url, listing.order, listing.start, listing.end, listing.pageNumber, listing.pageCount]),
    ).toEqual([
      ["/2025/08/20/", "digest", 0, 200, 1, 3],
      ["/2025/08/20/page/2/", "digest", 200, 400, 2, 3],
      ["/2025/08/20/page/3/", "digest", 400, 450, 3, 3],
      ["/2025/08/20/by-upvotes/", "upvotes", 0, 200, 1, 3],
      ["/2025/08/20/by-upvotes/page/2/", "upvotes", 200, 400, 2, 3],
      ["/2025/08/20/by-upvotes/page/3/", "upvotes", 400, 450, 3, 3],
    ]);
    expect(archive.days[0]!.byUpvotes!.order.slice(0, 3)).toEqual([449, 448, 447]);
  });

  it("keep a day of up to one page whole", () => {
    const archive = buildArchiveData([paper("x", "2025-08-20", 0)], topicRef, [], []);
    expect(archive.dayListings.map((listing) => [listing.url, listing.pageCount])).toEqual([["/2025/08/20/", 1]]);
  });

  it("link a paper's entry on the page that holds it", () => {
    expect(dayEntryUrl("2025-08-20", 0, "x")).toBe("/2025/08/20/#x");
    expect(dayEntryUrl("2025-08-20", 199, "x")).toBe("/2025/08/20/#x");
    expect(dayEntryUrl("2025-08-20", 200, "x")).toBe("/2025/08/20/page/2/#x");
  });

  it("count the day's topics, a paper under each of its topics, most first", () => {
    const papers = [paper("a1", "2025-08-20", 0, ["b", "a"]), paper("a2", "2025-08-20", 1, ["a"]), paper("a3", "2025-08-20", 2, ["c"])];
    const day = buildArchiveData(papers, topicRef, [], []).days[0]!;
    expect(day.topicCounts.map((item) => [item.topic.slug, item.count])).toEqual([
      ["a", 2],
      ["b", 1],
      ["c", 1],
    ]);
  });
});

describe("the home page's days", () => {
  const days = (counts: [string, number][]) => counts.map(([date, count]) => ({ date, papers: { length: count } })) as never;
  it.each([
    [
      "a week of days when they hold 30 papers",
      [
        ["2025-08-20", 20],
        ["2025-08-18", 20],
        ["2025-08-13", 20],
        ["2025-08-12", 5],
      ],
      [0, 1],
    ],
    [
      "more days until 30 papers",
      [
        ["2025-08-20", 5],
        ["2025-08-01", 10],
        ["2025-07-01", 20],
        ["2025-06-01", 9],
      ],
      [0, 1, 2],
    ],
    ["every day of a small archive", [["2025-08-20", 1]], [0]],
  ])("%s", (_, counts, expected) => {
    expect(homeDays(days(counts as [string, number][]))).toEqual(expected);
  });
});

describe("month grids", () => {
  it("lays out a month in weeks from Monday, linking the days with a digest", () => {
    const grid = monthGrid("2025-08", new Map([["2025-08-20", 67]]));
    expect(grid.weeks).toHaveLength(5);
    expect(grid.weeks[0]!.map((cell) => cell?.day ?? null)).toEqual([null, null, null, null, 1, 2, 3]);
    expect(grid.weeks[3]![2]).toEqual({ day: 20, date: "2025-08-20", url: "/2025/08/20/", count: 67 });
    expect(grid.weeks[4]!.map((cell) => cell?.day ?? null)).toEqual([25, 26, 27, 28, 29, 30, 31]);
  });

  it("pads a month that starts on a Monday with nothing, and a leap February", () => {
    const grid = monthGrid("2024-02", new Map());
    expect(grid.weeks[0]![3]!.day).toBe(1);
    expect(grid.weeks.flat().filter(Boolean)).toHaveLength(29);
    expect(monthGrid("2025-09", new Map()).weeks[0]![0]!.day).toBe(1);
  });
});

describe("short author lists", () => {
  it.each([
    [[], undefined],
    [["A"], "A"],
    [["A", "B", "C", "D"], "A, B, C, D"],
    [["A", "B", "C", "D", "E"], "A, B, C et al."],
  ])("%j", (authors, expected) => {
    expect(shortAuthors(authors)).toBe(expected);
  });
});
