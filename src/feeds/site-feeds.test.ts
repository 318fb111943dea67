import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { MathText } from "../math/math-text.ts";
import type { Paper } from "../model/types.ts";
import { FEED_LIMIT, siteFeeds } from "./site-feeds.ts";

const settings = { siteTitle: "Papers", siteDescription: "Every paper.", siteUrl: "https://example.org", basePath: "/" };
const paper = (slug: string, dates: string[], authors: string[] = []): Paper => ({
  slug,
  title: `Title ${slug}`,
  abstract: `Abstract of ${slug}.`,
  text: new MathText().paperText({ title: `Title ${slug}`, abstract: `Abstract of ${slug}.` }),
  appearances: dates.map((date, position) => ({ date, position })),
  card: {},
  authors,
  topics: [],
  related: [],
});
const feeds = (papers: Paper[]) => {
  const files = siteFeeds({ papers, topics: [], settings, renderAbstractHtml: (text) => `<p>${text}</p>` });
  const file = (name: string) => files.find((candidate) => candidate.path === name)!.content;
  return { atom: parseAtomFeed(file("feed.xml")), json: parseJsonFeed(JSON.parse(file("feed.json"))) };
};

describe("siteFeeds", () => {
  it("dates a repeated paper's Atom published by its first day, its updated by its latest", () => {
    const { atom, json } = feeds([
      paper("again", ["2025-08-20", "2025-08-22"], ["Ada Lovelace", "Alan Turing"]),
      paper("once", ["2025-08-21"]),
    ]);
    const again = atom.entries?.find((entry) => entry.id?.endsWith("/again/"));
    expect(again?.published).toBe("2025-08-20T00:00:00.000Z");
    expect(again?.updated).toBe("2025-08-22T00:00:00.000Z");
    expect(again?.authors?.map((author) => author.name)).toEqual(["Ada Lovelace", "Alan Turing"]);
    const item = json.items?.find((entry) => entry.id?.endsWith("/again/"));
    expect(item).toMatchObject({
      date_published: "2025-08-20T00:00:00Z",
      date_modified: "2025-08-22T00:00:00Z",
      authors: [{ name: "Ada Lovelace" }, { name: "Alan Turing" }],
    });
  });

  it("caps a feed whose newest day is huge by entries, and says so in the feed", () => {
    const huge = Array.from({ length: 5_000 }, (_, index) => paper(`p${index}`, ["2025-08-21"]));
    const { atom, json } = feeds([...huge, paper("older", ["2025-08-20"])]);
    expect(atom.entries).toHaveLength(FEED_LIMIT);
    expect(json.items).toHaveLength(FEED_LIMIT);
    expect(atom.entries?.[0]?.id).toBe("https://example.org/papers/p0/");
    expect(atom.subtitle?.value ?? "").toContain(
      `The newest day, 2025-08-21, lists 5,000 papers; this feed carries the first ${FEED_LIMIT}, and the day's page at https://example.org/2025/08/21/ lists them all.`,
    );
  });
});
