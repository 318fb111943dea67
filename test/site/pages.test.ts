import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { parseDigest } from "../../src/digest/parse-digest.ts";
import { typographic } from "../../src/math/digest-text.ts";
import { SAMPLE_DIGEST } from "../paths.ts";
import { HOSTILE_ABSTRACTS, HOSTILE_TITLES } from "./hostile-digest.ts";
import { listFiles, pageExists, readPage, text } from "./read-site.ts";

const sampleSite = inject("sampleSite");
const archiveSite = inject("archiveSite");
const sampleTitles = parseDigest(fs.readFileSync(SAMPLE_DIGEST, "utf8"), SAMPLE_DIGEST).digest!.entries.map((entry) => entry.title);

describe("the sample archive", () => {
  it("shows the latest digest on the home page, every paper in digest order, each linking to its permalink", () => {
    const home = readPage(sampleSite, "/");
    expect(home.querySelectorAll(".home-day__heading time").map(text)).toEqual(["Wednesday, August 20, 2025"]);
    const entries = home.querySelectorAll(".home-day .entry");
    expect(entries).toHaveLength(67);
    expect(entries.map((entry) => text(entry.querySelector("h3")))).toEqual(
      sampleTitles.map((title) => expect.stringContaining(typographic(title).slice(0, 12))),
    );
    for (const link of home.querySelectorAll(".home-day .entry h3 a")) {
      const href = link.getAttribute("href")!;
      expect(href).toMatch(/^\/papers\/[a-z0-9-]+\/$/);
      expect(pageExists(sampleSite, href)).toBe(true);
    }
  });

  it("renders the day page with every paper and its abstract", () => {
    const day = readPage(sampleSite, "/2025/08/20/");
    const entries = day.querySelectorAll(".day-entries > .entry");
    expect(entries).toHaveLength(67);
    expect(text(entries[0]?.querySelector("details.entry__details .entry__abstract"))).toMatch(
      /^Neural embedding models have become a fundamental component/,
    );
    expect(entries.map((entry) => text(entry.querySelector(".entry__pos")))).toEqual(entries.map((_, index) => `${index + 1}/67`));
    expect(day.querySelector('a[href="/2025/08/"]')).not.toBeNull();
  });

  it("lists the day with its paper count on the month, year and archive pages, in a calendar", () => {
    const month = readPage(sampleSite, "/2025/08/");
    expect(text(month.querySelector('.day-list a[href="/2025/08/20/"]')?.parentNode)).toContain("67 papers");
    for (const url of ["/2025/08/", "/2025/", "/archive/"]) {
      const page = readPage(sampleSite, url);
      const cell = page.querySelector('.calendar td.has-digest a[href="/2025/08/20/"]');
      expect(cell?.getAttribute("title"), url).toBe("67 papers");
      expect(page.querySelectorAll(".calendar td.has-digest"), url).toHaveLength(1);
      expect(text(page.querySelector(".calendar caption")), url).toBe("August 2025");
    }
  });

  it("gives each paper a page with its title, abstract, date and search links", () => {
    const page = readPage(sampleSite, "/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/");
    expect(text(page.querySelector("h1"))).toBe("MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings");
    expect(text(page.querySelector(".paper__abstract"))).toContain("achieving an average of 10% improved recall with 90% lower latency.");
    expect(
      page.querySelector('.eyebrow a[href="/2025/08/20/#muvera-multi-vector-retrieval-via-fixed-dimensional-encodings"]'),
    ).not.toBeNull();
    const links = page.querySelectorAll(".paper__links a").map((link) => link.getAttribute("href"));
    expect(links).toContain(
      "https://arxiv.org/search/?query=MUVERA%3A%20Multi-Vector%20Retrieval%20via%20Fixed%20Dimensional%20Encodings&searchtype=title",
    );
    expect(links.some((href) => href?.startsWith("https://huggingface.co/papers?q=MUVERA"))).toBe(true);
    expect(page.querySelector("link[rel=canonical]")?.getAttribute("href")).toBe(
      "https://papers.example.org/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/",
    );
  });

  it("has one page per paper and a 404 page, and loads no script but the search page's", () => {
    const files = listFiles(sampleSite);
    expect(files.filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))).toHaveLength(67);
    expect(files).toContain("404.html");
    for (const url of [
      "/",
      "/2025/08/20/",
      "/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/",
      "/archive/",
      "/topics/",
    ]) {
      expect(readPage(sampleSite, url).querySelectorAll("script[src]"), url).toHaveLength(0);
    }
    expect(
      readPage(sampleSite, "/search/")
        .querySelectorAll("script[src]")
        .map((script) => script.getAttribute("src")),
    ).toEqual(["/assets/search.js"]);
  });
});

describe("an archive of several days", () => {
  it("links each day to the previous and next days", () => {
    const middle = readPage(archiveSite, "/2025/08/21/");
    expect(middle.querySelector("a[rel=prev]")?.getAttribute("href")).toBe("/2025/08/20/");
    expect(middle.querySelector("a[rel=next]")?.getAttribute("href")).toBe("/2025/08/22/");
    expect(readPage(archiveSite, "/2025/08/20/").querySelector("a[rel=prev]")).toBeNull();
    expect(readPage(archiveSite, "/").querySelectorAll(".home-day__heading time").map(text)).toEqual([
      "Friday, August 22, 2025",
      "Thursday, August 21, 2025",
      "Wednesday, August 20, 2025",
    ]);
  });

  it("makes one page for a paper seen on two days, with both dates and its arXiv links", () => {
    const page = readPage(archiveSite, "/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/");
    const days = page.querySelectorAll(".facts .inline-list a").map((link) => link.getAttribute("href"));
    expect(days).toEqual(
      ["/2025/08/20/", "/2025/08/22/"].map((day) => `${day}#muvera-multi-vector-retrieval-via-fixed-dimensional-encodings`),
    );
    const hrefs = page.querySelectorAll(".paper__links a").map((link) => link.getAttribute("href"));
    expect(hrefs).toContain("https://arxiv.org/abs/2405.19504");
    expect(hrefs).toContain("https://arxiv.org/pdf/2405.19504");
  });

  it("gives two papers with one title two pages", () => {
    const first = readPage(archiveSite, "/papers/tight-regret-bounds-for-single-pass-streaming-multi-armed-bandits/");
    const second = readPage(archiveSite, "/papers/tight-regret-bounds-for-single-pass-streaming-multi-armed-bandits-2508-15000/");
    expect(text(first.querySelector(".paper__abstract"))).toContain("Regret minimization in streaming multi-armed bandits");
    expect(text(second.querySelector(".paper__abstract"))).toContain("We revisit streaming bandits under a memory budget");
  });

  it("shows card metadata on the paper page", () => {
    const page = readPage(archiveSite, "/papers/scaling-sparse-attention-to-million-token-contexts-with-learned-block-routing/");
    const facts = Object.fromEntries(page.querySelectorAll(".facts dt").map((term) => [text(term), text(term.nextElementSibling)]));
    expect(facts).toMatchObject({ Authors: "12 authors", Published: "August 21, 2025", "GitHub stars": "1.2k", "Submitted by": "akhaliq" });
    expect(text(page.querySelector(".paper__org"))).toBe("Google DeepMind");
    expect(page.querySelectorAll(".paper__counts > span").map(text)).toEqual(["42 upvotes", "7 comments"]);
    expect(page.querySelectorAll(".paper__links a").map((link) => [text(link), link.getAttribute("href")])).toEqual([
      ["arXiv abstract", "https://arxiv.org/abs/2508.14111"],
      ["PDF", "https://arxiv.org/pdf/2508.14111"],
      ["Hugging Face", "https://huggingface.co/papers/2508.14111"],
    ]);
  });

  it("offers a most-upvoted-first order for a day whose cards carry upvotes, and only for such days", () => {
    const day = readPage(archiveSite, "/2025/08/22/");
    expect(day.querySelector('.day-order a[href="/2025/08/22/by-upvotes/"]')).not.toBeNull();
    const ranked = readPage(archiveSite, "/2025/08/22/by-upvotes/");
    expect(ranked.querySelectorAll(".day-entries > .entry h2").map(text)).toEqual([
      "Scaling Sparse Attention to Million-Token Contexts with Learned Block Routing",
      "Tight Regret Bounds for Single-pass Streaming Multi-armed Bandits",
      "MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings",
    ]);
    expect(text(ranked.querySelector(".day-entries > .entry .entry__votes"))).toBe("▲ 42 upvotes");
    expect(pageExists(archiveSite, "/2025/08/20/by-upvotes/")).toBe(false);
    expect(readPage(archiveSite, "/2025/08/20/").querySelector(".day-order")).toBeNull();
  });

  it("keeps every URL of the sample archive when more digests are added", () => {
    const paperUrls = (site: string) => listFiles(site).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind"));
    const archived = new Set(paperUrls(archiveSite));
    for (const file of paperUrls(sampleSite)) expect(archived.has(file), file).toBe(true);
  });
});

describe("digest text is shown, never interpreted", () => {
  const hostileSlugs = fs.readdirSync(path.join(archiveSite, "papers")).filter((slug) => /script|template|front-matter/.test(slug));

  it("builds a page for every hostile paper and none from injected front matter", () => {
    expect(hostileSlugs).toHaveLength(3);
    expect(fs.existsSync(path.join(archiveSite, "hijacked"))).toBe(false);
  });

  it("shows hostile titles and abstracts literally on the day page", () => {
    const day = readPage(archiveSite, "/2025/08/21/");
    // Shown as text: LaTeX's dashes and quotes become the characters they stand for, nothing else changes.
    const titles = day.querySelectorAll(".day-entries > .entry h2").map(text);
    expect(titles).toEqual(HOSTILE_TITLES.map(typographic));
    const abstracts = day.querySelectorAll(".day-entries > .entry .entry__abstract").map(text);
    expect(abstracts).toEqual(HOSTILE_ABSTRACTS.map((abstract) => typographic(abstract.replace(/\s+/g, " "))));
    expect(day.querySelectorAll(".entry img, .entry b, .entry strong, .entry code, .entry h1, .entry__abstract a")).toHaveLength(0);
    expect(day.toString()).not.toContain("<script>alert");
  });

  it("shows them literally on the paper pages too", () => {
    for (const slug of hostileSlugs) {
      const page = readPage(archiveSite, `/papers/${slug}/`);
      const title = text(page.querySelector("h1"));
      const index = HOSTILE_TITLES.map(typographic).indexOf(title);
      expect(index, title).toBeGreaterThanOrEqual(0);
      expect(text(page.querySelector(".paper__abstract p"))).toBe(typographic(HOSTILE_ABSTRACTS[index]!.replace(/\s+/g, " ")));
      expect(text(page.querySelector("title"))).toBe(`${title} · Daily Papers Archive`);
      expect(page.querySelectorAll(".paper img, .paper__abstract a, .paper strong")).toHaveLength(0);
    }
  });
});
