import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolderSync } from "../../test/temp-folder.ts";
import { buildSettings } from "./settings.ts";
import { cachedPage, heldPages, openRenderCache, storePages, type RenderCache } from "./render-cache.ts";
import type { FileStat } from "./survey-folder.ts";

/** A cache holding one page, "key", stored from a rendered site. */
async function cacheWithOnePage(): Promise<{ cache: RenderCache; stored: FileStat }> {
  const root = tempFolderSync("dpa-render-cache-");
  const site = path.join(root, "site");
  fs.mkdirSync(path.join(site, "papers", "a"), { recursive: true });
  fs.writeFileSync(path.join(site, "papers", "a", "index.html"), "<p>A page</p>");
  const cache = await openRenderCache(path.join(root, "work"), buildSettings("https://example.org", ""));
  await storePages(cache, [{ file: "papers/a/index.html", key: "key" }], site, new Set(["key"]));
  const { size, mtimeMs, dev, ino } = fs.statSync(cachedPage(cache, "key"));
  return { cache, stored: { size, mtimeMs, dev, ino } };
}

describe("heldPages", () => {
  const own = (stored: FileStat) => ({ dev: stored.dev, ino: stored.ino });
  it.each([
    ["with no survey, by a stat of its own", () => undefined, own],
    // A survey's identity unlike the file's shows that the survey, not a stat, was read.
    [
      "by the survey's entry, which stands for a stat",
      (stored: FileStat) => new Map([["key.html", { ...stored, ino: 1 }]]),
      (stored: FileStat) => ({ dev: stored.dev, ino: 1 }),
    ],
    ["by a stat, when the survey lacks the entry", () => new Map<string, FileStat>(), own],
    ["by its bytes, when the survey shows another size", (stored: FileStat) => new Map([["key.html", { ...stored, size: 1 }]]), own],
  ])("finds an intact entry %s", async (_how, survey, identity) => {
    const { cache, stored } = await cacheWithOnePage();
    expect(await heldPages(cache, ["key", "unknown"], survey(stored))).toEqual(new Set(["key"]));
    expect(cache.identities.get("key")).toEqual(identity(stored));
  });

  it("drops an entry whose bytes changed, though the survey shows it whole but for its size", async () => {
    const { cache, stored } = await cacheWithOnePage();
    fs.writeFileSync(cachedPage(cache, "key"), "<p>Edited</p>");
    expect(await heldPages(cache, ["key"], new Map([["key.html", { ...stored, size: 1 }]]))).toEqual(new Set());
    expect(cache.entries.has("key")).toBe(false);
    expect(fs.existsSync(cachedPage(cache, "key"))).toBe(false);
  });
});
