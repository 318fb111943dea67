import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { PROJECT_ROOT } from "../paths.ts";
import { listFiles, pageExists, readPage, text } from "./read-site.ts";

const site = inject("sampleSite");
const taxonomy = parseYaml(fs.readFileSync(path.join(PROJECT_ROOT, "content", "topics.yaml"), "utf8")) as { topics: { slug: string; name: string }[] };
const paperUrls = listFiles(site)
  .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
  .map((file) => `/${file.replace(/index\.html$/, "")}`);

describe("topic pages in the built site", () => {
  it("lists every topic of the taxonomy on /topics/ with its paper count, counts adding up to the papers' topics", () => {
    const index = readPage(site, "/topics/");
    const items = index.querySelectorAll(".topic-list li");
    expect(items.map((item) => item.querySelector("a")?.getAttribute("href"))).toEqual(taxonomy.topics.map((topic) => `/topics/${topic.slug}/`));
    const counts = items.map((item) => Number(text(item.querySelector(".count")).match(/\d+/)![0]));
    const tagged = paperUrls.reduce((sum, url) => sum + readPage(site, url).querySelectorAll(".paper__header .tag").length, 0);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(tagged);
  });

  it("gives every paper one to three topics, and lists each paper on each of its topic pages", () => {
    for (const url of paperUrls) {
      const tags = readPage(site, url).querySelectorAll(".paper__header .tag").map((tag) => tag.getAttribute("href")!);
      expect(tags.length, url).toBeGreaterThanOrEqual(1);
      expect(tags.length, url).toBeLessThanOrEqual(3);
      for (const topic of tags) {
        const listed = readPage(site, topic).querySelectorAll(".topic-entry h2 a").map((link) => link.getAttribute("href"));
        expect(listed, `${topic} lists ${url}`).toContain(url);
      }
    }
  });

  it("links topics from each entry of the day page", () => {
    const entries = readPage(site, "/2025/08/20/").querySelectorAll(".day-entries > .entry");
    expect(entries).toHaveLength(67);
    for (const entry of entries) {
      const tags = entry.querySelectorAll(".tag").map((tag) => tag.getAttribute("href")!);
      expect(tags.length).toBeGreaterThanOrEqual(1);
      for (const tag of tags) expect(pageExists(site, tag), tag).toBe(true);
    }
  });
});

describe("related papers in the built site", () => {
  it("lists up to five other existing papers on every paper page, never the paper itself", () => {
    let withRelated = 0;
    for (const url of paperUrls) {
      const related = readPage(site, url).querySelectorAll(".related a").map((link) => link.getAttribute("href")!);
      expect(related.length, url).toBeLessThanOrEqual(5);
      expect(related, url).not.toContain(url);
      expect(new Set(related).size).toBe(related.length);
      for (const other of related) expect(pageExists(site, other), other).toBe(true);
      if (related.length === 5) withRelated++;
    }
    expect(withRelated).toBeGreaterThan(paperUrls.length * 0.8);
  });

  it("relates papers on the same subject", () => {
    const related = readPage(site, "/papers/tight-regret-bounds-for-single-pass-streaming-multi-armed-bandits/")
      .querySelectorAll(".related a")
      .map((link) => text(link));
    expect(related.some((title) => /bandit/i.test(title))).toBe(true);
  });
});
