import fs from "node:fs";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, inject, it } from "vitest";
import { isRedirectPage, listFiles, readPage, text } from "./read-site.ts";

const site = inject("archiveSite");
const basePathSite = inject("basePathSite");
const origin = "https://papers.example.org";
const read = (file: string, root = site) => fs.readFileSync(path.join(root, file), "utf8");

/** Every paper page's absolute URL → its page, to check feed items against. */
const paperPages = new Map(
  listFiles(site)
    .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
    .map((file) => [`${origin}/${file.replace(/index\.html$/, "")}`, readPage(site, `/${file.replace(/index\.html$/, "")}`)]),
);

describe("the site feeds", () => {
  it("are well-formed and carry one item per paper, newest digest first, in whole days", () => {
    for (const file of ["feed.xml", "rss.xml"]) expect(XMLValidator.validate(read(file)), file).toBe(true);
    const atom = parseAtomFeed(read("feed.xml"));
    const ids = atom.entries!.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...paperPages.keys()].sort());
    const dates = atom.entries!.map((entry) => entry.updated!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe("2025-08-22T00:00:00.000Z");
    expect(atom.updated).toBe("2025-08-22T00:00:00.000Z");
  });

  it("give every Atom item its title, permalink, date, full abstract, topics and arXiv link", () => {
    const atom = parseAtomFeed(read("feed.xml"));
    for (const entry of atom.entries!) {
      const page = paperPages.get(entry.id!)!;
      expect(page, entry.id).toBeDefined();
      expect(entry.links?.[0]?.href).toBe(entry.id);
      const htmlTitle = text(page.querySelector("title")).replace(/ · Daily Papers Archive$/, "");
      expect(entry.title?.value?.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")).toBe(htmlTitle);
      // A paper of several days lists them under its details; one of a single day names it above the title.
      const days = page.querySelectorAll(".facts .inline-list time").map((time) => time.getAttribute("datetime"));
      const day = days.length ? days.at(-1) : page.querySelector(".paper__header .eyebrow time")?.getAttribute("datetime");
      expect(entry.updated).toBe(`${day}T00:00:00.000Z`);
      // The summary is the abstract's plain-text form, the same the page gives search engines.
      const plainAbstract = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.innerHTML).abstract;
      expect(entry.summary?.value?.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")).toBe(plainAbstract);
      expect(entry.content?.value).toMatch(/^<p>/);
      expect(entry.content?.value).not.toContain('class="katex-html"');
      const topics = page.querySelectorAll(".paper__header .tag").map(text);
      expect(entry.categories?.map((category) => category.label)).toEqual(topics);
    }
    const muvera = atom.entries!.find(
      (entry) => entry.id === `${origin}/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/`,
    );
    expect(muvera?.content?.value).toContain('<a href="https://arxiv.org/abs/2405.19504">arXiv</a>');
  });

  it("agree across Atom, RSS and JSON Feed", () => {
    const atom = parseAtomFeed(read("feed.xml")).entries!.map((entry) => entry.id);
    const rss = parseRssFeed(read("rss.xml"));
    expect(rss.items!.map((item) => item.link)).toEqual(atom);
    expect(rss.items!.every((item) => item.guid?.value === item.link && item.guid?.isPermaLink === true)).toBe(true);
    const json = parseJsonFeed(JSON.parse(read("feed.json")));
    expect(json.items!.map((item) => item.id)).toEqual(atom);
    expect(json.items!.every((item) => item.url === item.id && item.content_html && item.date_published)).toBe(true);
  });

  it("include a feed per topic with only that topic's papers", () => {
    const withFeed = fs.readdirSync(path.join(site, "topics")).filter((name) => fs.existsSync(path.join(site, "topics", name, "feed.xml")));
    // A replaced topic's address serves its new topic's feed (checked in topics-and-related.test.ts).
    const topics = withFeed.filter((slug) => !isRedirectPage(readPage(site, `/topics/${slug}/`)));
    expect(withFeed.length - topics.length).toBeGreaterThan(0);
    expect(topics.length).toBeGreaterThanOrEqual(20);
    for (const slug of topics) {
      const xml = read(`topics/${slug}/feed.xml`);
      expect(XMLValidator.validate(xml), slug).toBe(true);
      const feed = parseAtomFeed(xml);
      for (const entry of feed.entries ?? []) {
        const page = paperPages.get(entry.id!)!;
        expect(
          page.querySelectorAll(".paper__header .tag").map((tag) => tag.getAttribute("href")),
          `${slug}: ${entry.id}`,
        ).toContain(`/topics/${slug}/`);
      }
      const listed = readPage(site, `/topics/${slug}/`).querySelectorAll(".topic-entry");
      if (listed.length < 50) expect(feed.entries?.length ?? 0, slug).toBe(listed.length);
    }
  });

  it("use the site URL and base path in every absolute URL", () => {
    const atom = parseAtomFeed(read("feed.xml", basePathSite));
    expect(atom.entries!.every((entry) => entry.id!.startsWith(`${origin}/archive-test/papers/`))).toBe(true);
    expect(atom.links?.find((link) => link.rel === "self")?.href).toBe(`${origin}/archive-test/feed.xml`);
    expect(read("robots.txt", basePathSite)).toContain(`Sitemap: ${origin}/archive-test/sitemap.xml`);
  });
});

describe("discovery and share metadata", () => {
  it("links the site feeds from every page, and a topic page its own feed", () => {
    for (const file of listFiles(site).filter((name) => name.endsWith(".html") && !name.startsWith("pagefind"))) {
      const page = readPage(site, `/${file.replace(/index\.html$/, "")}`);
      if (isRedirectPage(page)) continue;
      const feeds = page.querySelectorAll('link[rel="alternate"]').map((link) => link.getAttribute("href"));
      expect(feeds.slice(0, 3), file).toEqual([`${origin}/feed.xml`, `${origin}/rss.xml`, `${origin}/feed.json`]);
    }
    const topic = readPage(site, "/topics/retrieval-search/");
    expect(topic.querySelectorAll('link[rel="alternate"]').map((link) => link.getAttribute("href"))).toContain(
      `${origin}/topics/retrieval-search/feed.xml`,
    );
  });

  it("lists the site's feeds and the feed of every topic with papers on the Follow page", () => {
    const follow = readPage(site, "/follow/");
    const hrefs = follow.querySelectorAll("main a").map((link) => link.getAttribute("href"));
    for (const feed of ["/feed.xml", "/rss.xml", "/feed.json"]) expect(hrefs).toContain(feed);
    const topics = fs
      .readdirSync(path.join(site, "topics"))
      .filter((slug) => fs.existsSync(path.join(site, "topics", slug, "index.html")))
      .filter((slug) => !isRedirectPage(readPage(site, `/topics/${slug}/`)));
    const withPapers = topics.filter((slug) => readPage(site, `/topics/${slug}/`).querySelectorAll(".topic-entry").length > 0);
    expect(withPapers.length).toBeGreaterThanOrEqual(10);
    for (const slug of withPapers) expect(hrefs, slug).toContain(`/topics/${slug}/feed.xml`);
  });

  it("gives paper pages a canonical link, description, OpenGraph, Twitter card and ScholarlyArticle JSON-LD", () => {
    const url = `${origin}/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/`;
    const page = paperPages.get(url)!;
    const meta = (selector: string) => page.querySelector(selector)?.getAttribute("content");
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(url);
    const description = meta('meta[name="description"]')!;
    expect(description.startsWith("Neural embedding models have become a fundamental component")).toBe(true);
    expect(description.length).toBeLessThanOrEqual(201);
    expect(description).toMatch(/\w…$/);
    expect(meta('meta[property="og:title"]')).toBe("MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings");
    expect(meta('meta[property="og:url"]')).toBe(url);
    expect(meta('meta[property="og:type"]')).toBe("article");
    expect(meta('meta[name="twitter:card"]')).toBe("summary");
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.innerHTML);
    expect(jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ScholarlyArticle",
      headline: "MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings",
      datePublished: "2025-08-20",
      url,
      sameAs: "https://arxiv.org/abs/2405.19504",
    });
    expect(jsonLd.abstract).toMatch(/^Neural embedding models/);
  });

  it("keeps hostile titles inert in JSON-LD and meta tags", () => {
    const hostile = [...paperPages.values()].find((page) => text(page.querySelector("h1")).startsWith("<script>"))!;
    const raw = hostile.querySelector('script[type="application/ld+json"]')!.innerHTML;
    expect(raw).not.toContain("</script");
    expect(JSON.parse(raw).headline).toBe("<script>alert('title')</script> & <b>Bold</b> Claims");
    expect(hostile.querySelector('meta[property="og:title"]')?.getAttribute("content")).toBe(
      "<script>alert('title')</script> & <b>Bold</b> Claims",
    );
  });

  it("has a sitemap of every page with digest dates, and a robots.txt pointing to it", () => {
    const sitemap = read("sitemap.xml");
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc><lastmod>(\d{4}-\d{2}-\d{2})<\/lastmod>/g)].map((match) => match[1]);
    const files = listFiles(site).filter((file) => file.endsWith("index.html") && !file.startsWith("pagefind"));
    const isRedirect = (file: string) => isRedirectPage(readPage(site, `/${file.replace(/index\.html$/, "")}`));
    const pages = files.filter((file) => !isRedirect(file)).map((file) => `${origin}/${file.replace(/index\.html$/, "")}`);
    expect(new Set(locs)).toEqual(new Set(pages));
    // Moved pages are left out of the sitemap.
    expect(files.filter(isRedirect).length).toBeGreaterThan(0);
    expect(sitemap).toContain(`<loc>${origin}/2025/08/21/</loc><lastmod>2025-08-21</lastmod>`);
    expect(read("robots.txt")).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`);
  });
});
