import { describe, expect, it } from "vitest";
import { MathText } from "../math/math-text.ts";
import type { TopicPage } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import type { EnrichedArchive } from "./enrich.ts";
import { startFeeds } from "./syndicate.ts";

const settings = { siteTitle: "Papers", siteDescription: "Every paper.", siteUrl: "https://example.org", basePath: "/" };
const mathText = new MathText();
const paper = (slug: string, date: string, topics: string[], abstract: string): Paper => ({
  slug,
  title: `Title ${slug}`,
  abstract,
  text: mathText.paperText({ title: `Title ${slug}`, abstract }),
  appearances: [{ date, position: 0 }],
  card: {},
  authors: ["Ada Lovelace"],
  topics,
  related: [],
});
const papers = [
  paper("plain", "2025-08-20", ["vision"], "A plain abstract about images."),
  // Math, so the worker renders MathML with KaTeX as this thread does.
  paper("math", "2025-08-21", ["vision", "theory"], "We prove an O(n log n) bound for every epsilon > 0 in $\\ell_p$ norms."),
  paper("other", "2025-08-22", ["theory"], "Another abstract, on bounds."),
];
const topic = (slug: string, name: string): TopicPage =>
  ({ slug, name, url: `/topics/${slug}/`, description: `About ${name}.`, paperCount: 2 }) as TopicPage;
// Only what the feeds read of the enriched archive: its papers and its topics.
const content = { papers, archive: { topics: [topic("vision", "Vision"), topic("theory", "Theory")] } } as unknown as EnrichedArchive;

describe("startFeeds", () => {
  it("makes the same feed files on a worker thread as on this one", async () => {
    const here = await startFeeds(content, settings, 2)();
    const onWorker = await startFeeds(content, settings, 2, 1)();
    expect(onWorker).toEqual(here);
    expect(here.map((file) => file.path)).toEqual(["feed.xml", "rss.xml", "feed.json", "topics/vision/feed.xml", "topics/theory/feed.xml"]);
    expect(here.find((file) => file.path === "feed.xml")!.content).toContain("<math");
  });

  it("renders on this thread with a single core, however large the archive", async () => {
    expect(await startFeeds(content, settings, 1, 1)()).toEqual(await startFeeds(content, settings, 2)());
  });
});
