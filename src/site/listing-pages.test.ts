import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ArchiveData } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { testPaper } from "../../test/fixtures/test-paper.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";
import { buildArchiveData } from "./archive-data.ts";
import { listingsData, paginatedPages, pageFileOf, urlOfPageFile } from "./listing-pages.ts";
import { TOPIC_PAGE_SIZE, topicListingPages, topicSummaries } from "./topic-pages.ts";

const taxonomy = testTaxonomy([topic("graphs", { GNN: 3 }), topic("bandits", { bandit: 3 })]);
const topicRef = (slug: string) => ({ slug, name: slug, url: `/topics/${slug}/` });

function paper(index: number, date: string, position: number): Paper {
  return testPaper({
    slug: `paper-${index}`,
    title: `Paper ${index}`,
    abstract: `Abstract ${index}.`,
    appearances: [{ date, position }],
    // Every paper is about bandits; every third also about graphs.
    topics: index % 3 === 0 ? ["bandits", "graphs"] : ["bandits"],
  });
}

/** `days` days of 12 papers from 2025-07-10, one a day (July then August). */
function papersOver(days: number): Paper[] {
  return Array.from({ length: days * 12 }, (_, index) => {
    const day = Math.floor(index / 12);
    const date = new Date(Date.UTC(2025, 6, 10 + day)).toISOString().slice(0, 10);
    return paper(index, date, (index % 12) + 1);
  });
}

function archiveOf(papers: Paper[]): ArchiveData {
  const topics = topicSummaries(taxonomy, papers);
  return buildArchiveData(papers, topicRef, topics, topicListingPages(topics, papers, topicRef), [
    { from: "/topics/old-bandits/", to: "/topics/bandits/" },
  ]);
}

const dataByFile = (archive: ArchiveData) => new Map(paginatedPages(archive).map((page) => [page.file, JSON.stringify(page.data)]));

describe("paginated pages", () => {
  it("names one file per page, for every kind of listing", () => {
    const archive = archiveOf(papersOver(30));
    const files = paginatedPages(archive).map((page) => page.file);
    expect(new Set(files).size).toBe(files.length);
    expect(paginatedPages(archive).map((page) => urlOfPageFile(page.file))).toContain("/topics/bandits/page/1/");
    expect(files).toContain("2025/08/08/index.html");
    expect(files).toContain("topics/bandits/index.html");
    expect(files).toContain("topics/bandits/page/1/index.html");
    expect(files).toContain("2025/07/index.html");
    expect(files).toContain("2025/index.html");
    expect(files).toContain("topics/old-bandits/index.html");
    expect(files.length).toBe(
      archive.dayListings.length + archive.topicPages.length + archive.months.length + archive.years.length + archive.redirects.length,
    );
  });

  it("change on a new day only for the pages that show it: its month's days, the month, the year, and its topics' newest pages", () => {
    const before = archiveOf(papersOver(40));
    // One more day (2025-08-19): 12 papers, all about bandits, 4 also about graphs.
    const after = archiveOf(papersOver(41));
    const [old, now] = [dataByFile(before), dataByFile(after)];
    const changed = [...now].filter(([file, data]) => old.get(file) !== data).map(([file]) => file);

    const augustDays = after.days.filter((day) => day.date.startsWith("2025-08")).map((day) => pageFileOf(day.url));
    const newestNumbered = (slug: string) => {
      const numbered = after.topicPages.filter((page) => page.topic.slug === slug && page.pageNumber);
      const full = numbered.filter((page) => page.entries.length === TOPIC_PAGE_SIZE).map((page) => page.url);
      const grown = numbered.filter(
        (page) => !before.topicPages.some((old) => old.url === page.url && old.entries.length === TOPIC_PAGE_SIZE),
      );
      return { full, grown: grown.map((page) => pageFileOf(page.url)) };
    };
    const bandits = newestNumbered("bandits");
    const graphs = newestNumbered("graphs");
    expect(changed.sort()).toEqual(
      [
        ...augustDays,
        "2025/08/index.html",
        "2025/index.html",
        "topics/bandits/index.html",
        "topics/graphs/index.html",
        ...bandits.grown,
        ...graphs.grown,
      ].sort(),
    );
    // Most of what a topic lists is on full pages, which stay as they were.
    expect(bandits.full.length).toBeGreaterThan(5);
    expect(changed.filter((file) => file.startsWith("2025/07/"))).toEqual([]);
  });
});

describe("listings data", () => {
  const archive = archiveOf(papersOver(40));

  it("holds every paginated page when every page renders", () => {
    const data = listingsData(archive, () => true);
    expect(data.days).toEqual(archive.days);
    expect(data.dayListings).toEqual(archive.dayListings);
    expect(data.homeDays).toEqual(archive.homeDays);
    expect(data.topicPages).toEqual(archive.topicPages);
    expect(data.months).toEqual(archive.months);
    expect(data.yearPages).toEqual(archive.years);
    expect(data.redirects).toEqual(archive.redirects);
  });

  it("keeps only the pages to render, and the days they and the home page read, at their new places", () => {
    const render = new Set(["2025/07/12/index.html", "2025/08/01/index.html", "topics/graphs/index.html", "2025/08/index.html"]);
    const data = listingsData(archive, (file) => render.has(file));
    expect(data.dayListings.map((listing) => listing.url)).toEqual(["/2025/08/01/", "/2025/07/12/"]);
    for (const listing of data.dayListings) expect(data.days[listing.dayIndex]!.url).toBe(listing.url);
    expect(data.homeDays.map((index) => data.days[index])).toEqual(archive.homeDays.map((index) => archive.days[index]));
    expect(data.days.length).toBe(archive.homeDays.length + 2);
    expect(data.topicPages.map((page) => page.url)).toEqual(["/topics/graphs/"]);
    expect(data.months.map((month) => month.url)).toEqual(["/2025/08/"]);
    expect(data.yearPages).toEqual([]);
    expect(data.redirects).toEqual([]);
    // The pages that list the whole archive read these whole.
    expect(data.years).toEqual(archive.years);
    expect(data.topics).toEqual(archive.topics);
    expect(data.latest).toEqual(archive.latest);
  });
});

describe("the paginated templates", () => {
  const layouts = path.resolve(import.meta.dirname, "../../layouts");
  const read = (file: string) => fs.readFileSync(path.join(layouts, file), "utf8");
  const ofTheDay = "archive.days[dayListing.dayIndex]";
  /** Every `archive.…` a template reads, with its line; any field of a day page's day counts as its day. */
  const archiveReads = (file: string) =>
    read(file)
      .split("\n")
      .flatMap((line) =>
        [...line.matchAll(/\barchive\.[\w.[\]]+/g)].map((match) => ({ read: match[0].startsWith(ofTheDay) ? ofTheDay : match[0], line })),
      );

  it("read nothing of the archive but their own page's data, so its key covers all they show", () => {
    const own: Record<string, string[]> = {
      "pages/day.njk": ["archive.dayListings", ofTheDay],
      "pages/topic.njk": ["archive.topicPages"],
      "pages/month.njk": ["archive.months"],
      "pages/year.njk": ["archive.yearPages"],
      "pages/redirect.njk": ["archive.redirects"],
    };
    const partials = fs.readdirSync(path.join(layouts, "partials")).map((name) => `partials/${name}`);
    for (const [file, allowed] of Object.entries(own))
      expect(new Set(archiveReads(file).map((item) => item.read))).toEqual(new Set(allowed));
    for (const file of partials) expect(archiveReads(file)).toEqual([]);
    // The layout reads the day of a day page, and the home page's days only on the home page (never cached).
    for (const { read, line } of archiveReads("base.njk")) {
      if (read === ofTheDay) continue;
      expect(line).toContain('page.url == "/"');
    }
    for (const file of [...Object.keys(own), ...partials, "base.njk"]) expect(read(file)).not.toMatch(/\bsearch\.bundles\b/);
  });
});
