import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { PROJECT_ROOT } from "../paths.ts";
import { listFiles, pageExists, readPage, text } from "./read-site.ts";

const site = inject("sampleSite");
const taxonomy = parseYaml(fs.readFileSync(path.join(PROJECT_ROOT, "content", "topics.yaml"), "utf8")) as {
  topics: { slug: string; name: string; replaces?: string[] }[];
};
const paperUrls = listFiles(site)
  .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
  .map((file) => `/${file.replace(/index\.html$/, "")}`);

describe("topic pages in the built site", () => {
  it("lists on /topics/ every topic that has papers, largest first, counts adding up to the papers' topics", () => {
    const index = readPage(site, "/topics/");
    const items = index.querySelectorAll(".topic-list li");
    const listed = items.map((item) => item.querySelector("a")?.getAttribute("href"));
    const counts = items.map((item) => Number(text(item.querySelector(".count")).match(/\d+/)![0]));
    const tags = paperUrls.flatMap((url) =>
      readPage(site, url)
        .querySelectorAll(".paper__header .tag")
        .map((tag) => tag.getAttribute("href")!),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(tags.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((count) => count > 0)).toBe(true);
    // Exactly the topics some paper carries: none with papers left out, none without papers listed.
    expect(new Set(listed)).toEqual(new Set(tags));
    expect(text(index.querySelector(".eyebrow"))).toBe(`${listed.length} topics`);
  });

  it("says plainly on an empty topic's page that it has no papers", () => {
    const listed = new Set(
      readPage(site, "/topics/")
        .querySelectorAll(".topic-list li a")
        .map((link) => link.getAttribute("href")),
    );
    const empty = taxonomy.topics.map((topic) => `/topics/${topic.slug}/`).filter((url) => !listed.has(url));
    expect(empty.length).toBeGreaterThan(0); // the sample day has no GUI agents, speech or medicine papers
    for (const url of empty) {
      const page = readPage(site, url);
      expect(page.querySelectorAll(".topic-entry")).toHaveLength(0);
      expect(text(page.querySelector(".empty-topic"))).toBe("No paper in the archive is filed under this topic yet.");
    }
  });

  it("redirects every replaced topic slug to its new topic, with a static page that is neither indexed nor in the sitemap", () => {
    const redirects = taxonomy.topics.flatMap((topic) => (topic.replaces ?? []).map((old) => ({ old, slug: topic.slug })));
    expect(redirects.map((redirect) => redirect.old)).toContain("generative-models");
    const sitemap = fs.readFileSync(path.join(site, "sitemap.xml"), "utf8");
    for (const { old, slug } of redirects) {
      const page = readPage(site, `/topics/${old}/`);
      const target = `https://papers.example.org/topics/${slug}/`;
      expect(page.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(`0; url=${target}`);
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(target);
      expect(page.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
      expect(page.querySelector(`a[href="/topics/${slug}/"]`)).not.toBeNull();
      expect(page.querySelector("[data-pagefind-body]")).toBeNull();
      expect(sitemap).not.toContain(`/topics/${old}/`);
      // Feed readers do not follow an HTML redirect: the old feed address serves the new topic's feed.
      expect(fs.readFileSync(path.join(site, "topics", old, "feed.xml"), "utf8")).toBe(
        fs.readFileSync(path.join(site, "topics", slug, "feed.xml"), "utf8"),
      );
    }
  });

  it("gives every paper one to three topics, and lists each paper on each of its topic pages", () => {
    for (const url of paperUrls) {
      const tags = readPage(site, url)
        .querySelectorAll(".paper__header .tag")
        .map((tag) => tag.getAttribute("href")!);
      expect(tags.length, url).toBeGreaterThanOrEqual(1);
      expect(tags.length, url).toBeLessThanOrEqual(3);
      for (const topic of tags) {
        const listed = readPage(site, topic)
          .querySelectorAll(".topic-entry h2 a")
          .map((link) => link.getAttribute("href"));
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
  it("lists up to five other existing papers on a paper page, never the paper itself, and only similar enough ones", () => {
    const lengths = paperUrls.map((url) => {
      const related = readPage(site, url)
        .querySelectorAll(".related a")
        .map((link) => link.getAttribute("href")!);
      expect(related.length, url).toBeLessThanOrEqual(5);
      expect(related, url).not.toContain(url);
      expect(new Set(related).size).toBe(related.length);
      for (const other of related) expect(pageExists(site, other), other).toBe(true);
      return related.length;
    });
    // A minimum similarity: most papers of a day on these subjects find related ones, but not every list is full.
    expect(lengths.filter((length) => length > 0).length).toBeGreaterThan(paperUrls.length * 0.5);
    expect(lengths.filter((length) => length < 5).length).toBeGreaterThan(0);
  });

  it("relates papers on the same subject", () => {
    const related = readPage(site, "/papers/tight-regret-bounds-for-single-pass-streaming-multi-armed-bandits/")
      .querySelectorAll(".related a")
      .map((link) => text(link));
    expect(related.some((title) => /bandit/i.test(title))).toBe(true);
  });
});
