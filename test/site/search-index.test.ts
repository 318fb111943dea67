import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as pagefind from "pagefind";
import { describe, expect, inject, it } from "vitest";
import { PAGEFIND_OPTIONS } from "../../src/pipeline/search-index.ts";
import { listFiles, readPage } from "./read-site.ts";
import { tempFolderSync } from "../temp-folder.ts";

const archiveSite = inject("archiveSite");
const sampleSite = inject("sampleSite");

const paperUrls = (site: string) =>
  listFiles(site)
    .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
    .map((file) => `/${file.replace(/index\.html$/, "")}`)
    .sort();

const readOrder = (site: string) =>
  JSON.parse(fs.readFileSync(path.join(site, "search", "newest-first.json"), "utf8")) as {
    days: [string, string][];
    byUrl: Record<string, Record<string, string>>;
  };

describe("the search index", () => {
  it("is one bundle for an archive within the part size, named on the search page", () => {
    expect(readPage(sampleSite, "/search/").querySelector("#search-form")!.getAttribute("data-bundles")).toBe("pagefind/");
    expect(fs.existsSync(path.join(sampleSite, "pagefind-parts"))).toBe(false);
  });

  it("splits a larger archive into parts of whole days: the newest is the primary bundle, older parts hold only index data", () => {
    expect(readPage(archiveSite, "/search/").querySelector("#search-form")!.getAttribute("data-bundles")).toBe(
      "pagefind/ pagefind-parts/2025-08-20/",
    );
    expect(fs.readdirSync(path.join(archiveSite, "pagefind"))).toEqual(
      expect.arrayContaining(["pagefind.js", "wasm.en.pagefind", "pagefind-entry.json", "fragment", "index"]),
    );
    const older = fs.readdirSync(path.join(archiveSite, "pagefind-parts", "2025-08-20")).sort();
    expect(older.filter((name) => !name.endsWith(".pf_meta"))).toEqual(["filter", "fragment", "index", "pagefind-entry.json"]);
    const fragments = (folder: string) => fs.readdirSync(path.join(archiveSite, folder, "fragment")).length;
    expect(fragments("pagefind-parts/2025-08-20") + fragments("pagefind")).toBe(paperUrls(archiveSite).length);
    // All of the sample day's 67 papers, the one the card day shows again included: parts go by first appearance.
    expect(fragments("pagefind-parts/2025-08-20")).toBe(67);
  });

  it("writes every paper's date for newest-first order, newest day first", () => {
    for (const site of [sampleSite, archiveSite]) {
      const order = readOrder(site);
      const dates = order.days.map(([date]) => date);
      expect(dates).toEqual([...dates].sort().reverse());
      const ids = order.days.flatMap(([, list]) => list.split(" "));
      expect(ids.length + Object.values(order.byUrl).reduce((sum, urls) => sum + Object.keys(urls).length, 0)).toBe(paperUrls(site).length);
    }
    expect(readOrder(archiveSite).days.map(([date]) => date)).toEqual(["2025-08-22", "2025-08-21", "2025-08-20"]);
  });

  it("leaves the date sort out of Pagefind's metadata, which every first search downloads", () => {
    const page = fs.readFileSync(
      path.join(sampleSite, "papers", "muvera-multi-vector-retrieval-via-fixed-dimensional-encodings", "index.html"),
      "utf8",
    );
    expect(page).not.toContain("data-pagefind-sort");
    expect(page).toContain('data-pagefind-filter="year"');
  });
});

describe("what the build gives Pagefind", () => {
  it("indexes to exactly the bundle Pagefind makes from the whole pages", async () => {
    const part = path.join(archiveSite, "pagefind-parts", "2025-08-20");
    const urls = fs.readdirSync(path.join(part, "fragment")).map((name) => {
      const json = gunzipSync(fs.readFileSync(path.join(part, "fragment", name)))
        .subarray("pagefind_dcd".length)
        .toString("utf8");
      return (JSON.parse(json) as { url: string }).url;
    });
    expect(urls).toHaveLength(67);
    const input = tempFolderSync("dpa-whole-pages-");
    const { index } = await pagefind.createIndex(PAGEFIND_OPTIONS);
    // In URL order, as the build adds them (a folder would be read in the file system's order).
    for (const url of [...urls].sort()) {
      const added = await index!.addHTMLFile({ url, content: fs.readFileSync(path.join(archiveSite, url, "index.html"), "utf8") });
      expect(added.errors).toEqual([]);
    }
    const output = path.join(input, "_pagefind");
    await index!.writeFiles({ outputPath: output });
    await pagefind.close();
    const data = listFiles(part);
    expect(data.length).toBeGreaterThan(67);
    for (const file of data)
      expect(fs.readFileSync(path.join(output, file)).equals(fs.readFileSync(path.join(part, file))), file).toBe(true);
  });
});
