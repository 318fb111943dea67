import { describe, expect, it } from "vitest";
import { parseBuiltLine, parseStageLines } from "./stage-lines.ts";

describe("parseStageLines", () => {
  it("reads each stage's seconds from the build log", () => {
    const log = [
      "[parse] 31 digests, 1023 entries in 0.41 s",
      "[identify] 1000 papers from 31 digests, 1000 new permalinks in 0.30 s",
      "[enrich] 1000 papers over 31 days, 37 topics in 2.10 s",
      "[input] into /tmp/x; 1000 paper pages to render, 0 unchanged in 0.52 s",
      "[eleventy] 1290 pages in 14.8 s",
      "[feeds] 3 feeds, sitemap of 1290 URLs in 0.20 s",
      "[pagefind] 1000 papers indexed from 1290 pages, 900 files in 5.02 s",
      "[output] /tmp/site",
      "Built 1000 papers, 31 days, 1290 pages in 23.4 s",
    ].join("\n");
    expect(parseStageLines(log)).toEqual({
      parse: 0.41,
      identify: 0.3,
      enrich: 2.1,
      input: 0.52,
      eleventy: 14.8,
      feeds: 0.2,
      pagefind: 5.02,
    });
    expect(parseBuiltLine(log)).toEqual({ papers: 1000, days: 31, pages: 1290, seconds: 23.4 });
  });

  it("ignores lines that are not stage timings", () => {
    expect(parseStageLines("[permalinks] recorded 3 new permalinks in x.json; commit it\nhello")).toEqual({});
    expect(parseBuiltLine("Build failed: nope")).toBeUndefined();
  });
});
