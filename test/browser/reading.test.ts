/**
 * The reading features in a real browser: day pages that open abstracts in
 * place (without JavaScript too), paper pages with copy link, citation and the
 * papers before and after, visited links, calendars, and search that finds
 * what a reader types and says what to do when nothing matches.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../tools/browser/chromium.ts";
import { parse } from "node-html-parser";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { launchChromium, served } from "./browser.ts";
import { tempFolderSync } from "../temp-folder.ts";

const sampleSite = inject("sampleSite");
const archiveSite = inject("archiveSite");
let browser: Browser;
let sample: StaticServer;
let archive: StaticServer;

beforeAll(async () => {
  [browser, sample, archive] = await Promise.all([launchChromium(), serveStatic(sampleSite), serveStatic(archiveSite)]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), sample?.close(), archive?.close()]);
});

const MATH_PAPER = "/papers/sharper-bounds-for-ell-p-sensitivity-sampling/";
const MUVERA = "/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/";

async function open(server: StaticServer, url: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(served(server.url, url));
  return page;
}

/** Every paper page of a built site with the visible text of its title and abstract. */
function paperTexts(site: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const slug of fs.readdirSync(path.join(site, "papers"))) {
    const document = parse(fs.readFileSync(path.join(site, "papers", slug, "index.html"), "utf8"));
    // KaTeX's MathML carries the symbols as text, its HTML the same glyphs: either says which symbols a formula shows.
    const shown = [document.querySelector("h1"), document.querySelector(".paper__abstract")]
      .map((element) => element?.textContent ?? "")
      .join(" ");
    texts.set(`/papers/${slug}/`, shown);
  }
  return texts;
}

/** Runs a search on the search page and pages through every result; returns their URLs in order. */
async function searchAll(page: Page, server: StaticServer, query: string): Promise<string[]> {
  await page.goto(served(server.url, `/search/?q=${encodeURIComponent(query)}`));
  await page.waitForFunction(() => /found|No papers/.test(document.getElementById("search-status")?.textContent ?? ""));
  while (await page.isVisible("#search-more")) {
    const shown = await page.locator("#search-results .search-result").count();
    await page.click("#search-more");
    await expect.poll(() => page.locator("#search-results .search-result").count()).toBeGreaterThan(shown);
  }
  const urls = await page
    .locator("#search-results .search-result h2 a")
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  const status = (await page.textContent("#search-status")) ?? "";
  const count = Number(/(\d+) papers? found/.exec(status)?.[1] ?? 0);
  expect(urls.length, `${query}: the status counts what is listed`).toBe(count);
  return urls;
}

describe("day pages", () => {
  it("open an abstract in place without JavaScript, and show its opening lines until then", async () => {
    const page = await open(sample, "/2025/08/20/", { javaScriptEnabled: false });
    const entry = page.locator(".day-entries > .entry").first();
    const abstract = entry.locator(".entry__abstract");
    expect(await abstract.isVisible()).toBe(false);
    expect(await entry.locator(".entry__excerpt").isVisible()).toBe(true);
    await entry.locator("summary").click();
    expect(await abstract.isVisible()).toBe(true);
    expect(await abstract.textContent()).toMatch(/^Neural embedding models have become a fundamental component/);
    expect(await entry.locator(".entry__excerpt").isVisible()).toBe(false);
    // Without JavaScript there is no "expand all" button to press.
    expect(await page.locator("[data-expand-all]").isVisible()).toBe(false);
    await page.context().close();
  });

  it("expand every abstract at once with JavaScript", async () => {
    const page = await open(sample, "/2025/08/20/");
    await page.click("[data-expand-all]");
    expect(await page.locator(".entry__details[open]").count()).toBe(67);
    expect(await page.textContent("[data-expand-all]")).toBe("Collapse all");
    await page.click("[data-expand-all]");
    expect(await page.locator(".entry__details[open]").count()).toBe(0);
    await page.context().close();
  });

  it("show only one topic's papers when its chip is chosen, without JavaScript", async () => {
    const page = await open(sample, "/2025/08/20/", { javaScriptEnabled: false });
    const chip = page.locator(".day-topics .chip").nth(1);
    const count = Number(await chip.locator(".count").textContent());
    const slug = (await chip.getAttribute("href"))!.replace("#only-", "");
    await chip.click();
    const visible = await page
      .locator(".day-entries > .entry")
      .evaluateAll((entries) =>
        entries.filter((entry) => (entry as HTMLElement).offsetParent !== null).map((entry) => (entry as HTMLElement).dataset.topics ?? ""),
      );
    expect(visible).toHaveLength(count);
    for (const topics of visible) expect(topics.split(" ")).toContain(slug);
    await page.locator(".day-topics .chip").first().click();
    expect(await page.locator(".day-entries > .entry:visible").count()).toBe(67);
    await page.context().close();
  });

  it("mark the papers a reader has opened", async () => {
    // Visited links need a browser profile with a history: an incognito-like context keeps none.
    const profile = tempFolderSync("dpa-profile-");
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
    });
    // Finish hooks run last registered first, so the browser closes before its profile folder is removed.
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await page.goto(served(sample.url, "/2025/08/20/"));
    const first = page.locator(".day-entries > .entry h2 a").first();
    const second = page.locator(".day-entries > .entry h2 a").nth(1);
    const [firstBefore, secondBefore] = [await first.screenshot(), await second.screenshot()];
    await first.click();
    await page.waitForURL(/\/papers\//);
    await page.goBack();
    await page.waitForURL(/\/2025\/08\/20\/$/);
    // The browser reports a visited link's colour as unvisited to scripts; its pixels tell the truth.
    await expect.poll(async () => (await first.screenshot()).equals(firstBefore)).toBe(false);
    expect((await second.screenshot()).equals(secondBefore)).toBe(true);
  });
});

describe("paper pages", () => {
  it("copy the permanent link", async () => {
    const page = await open(sample, MUVERA, { permissions: ["clipboard-read", "clipboard-write"] });
    const button = page.locator('[data-copy="permalink"]');
    await button.click();
    await expect.poll(() => button.textContent()).toBe("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`https://papers.example.org${MUVERA}`);
    await page.context().close();
  });

  it("give a citation in BibTeX and as a line of text, and copy the BibTeX", async () => {
    // The sample digest names no authors (src/site/citation.test.ts covers them): title, year and arXiv id.
    const page = await open(archive, MUVERA, { permissions: ["clipboard-read", "clipboard-write"] });
    expect(await page.locator("#cite-bibtex").isVisible()).toBe(false);
    await page.click(".cite > summary");
    const bibtex = await page.textContent("#cite-bibtex");
    expect(bibtex).toBe(
      [
        "@misc{anon2025muvera,",
        "  title = {{MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings}},",
        "  year = {2025},",
        "  eprint = {2405.19504},",
        "  archivePrefix = {arXiv},",
        "  url = {https://arxiv.org/abs/2405.19504}",
        "}",
      ].join("\n"),
    );
    expect(await page.textContent("#cite-plain")).toBe(
      "(2025). MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings. arXiv:2405.19504.",
    );
    await page.click('[data-copy="cite-bibtex"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(bibtex!.trim());
    await page.context().close();
  });

  it("lead to the papers before and after on the same day, in the day's order", async () => {
    const day = parse(fs.readFileSync(path.join(sampleSite, "2025/08/20/index.html"), "utf8"));
    const order = day.querySelectorAll(".day-entries > .entry h2 a").map((link) => link.getAttribute("href")!);
    const page = await open(sample, order[1]!);
    expect(await page.getAttribute(".paper-nav a[rel=prev]", "href")).toBe(order[0]);
    expect(await page.getAttribute(".paper-nav a[rel=next]", "href")).toBe(order[2]);
    expect(await page.textContent(".paper__header .eyebrow")).toContain("paper 2 of 67");
    await page.click(".paper-nav a[rel=next]");
    await page.waitForURL(new RegExp(`${order[2]}$`));
    expect(await page.getAttribute(".paper-nav a[rel=prev]", "href")).toBe(order[1]);
    await page.goto(served(sample.url, order[0]!));
    expect(await page.locator(".paper-nav a[rel=prev]").count()).toBe(0);
    // The day's own entry for the paper, not the top of the day.
    await page.click(".paper__header .eyebrow a");
    await page.waitForURL(/\/2025\/08\/20\/#/);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe(order[0]!.split("/")[2]);
    await page.context().close();
  });

  it("give each related paper its date and first topic", async () => {
    const page = await open(sample, MATH_PAPER);
    const meta = await page.locator(".related-list__meta").allTextContents();
    expect(meta.length).toBeGreaterThan(0);
    for (const line of meta) expect(line).toMatch(/^Aug 20, 2025 · \S/);
    await page.context().close();
  });
});

describe("feeds opened in a browser", () => {
  it("read as a page that says what a feed is, with the feed's papers linked", async () => {
    const follow = parse(fs.readFileSync(path.join(archiveSite, "follow/index.html"), "utf8"));
    const topicFeed = follow.querySelector('.feed-list a[href^="/topics/"]')!.getAttribute("href")!;
    for (const feed of ["/feed.xml", "/rss.xml", topicFeed]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(served(archive.url, feed), { waitUntil: "load" });
      await page.waitForSelector("h1");
      expect(await page.textContent("h1"), feed).toMatch(/Daily Papers Archive/);
      expect(await page.textContent(".about"), feed).toContain("This is a feed");
      expect(await page.textContent(".about code"), feed).toBe(`https://papers.example.org${feed}`);
      const links = await page.locator("ol li a").evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
      expect(links.length, feed).toBeGreaterThan(0);
      for (const link of links) expect(link, feed).toMatch(/^https:\/\/papers\.example\.org\/papers\/[a-z0-9-]+\/$/);
      await context.close();
    }
  });
});

describe("calendars", () => {
  it("lay out a month in weeks from Monday, linking the days with a digest", async () => {
    const page = await open(archive, "/2025/08/");
    const rows = await page
      .locator("main > .calendar tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
    for (const row of rows) expect(row).toHaveLength(7);
    expect(await page.locator("main > .calendar thead th").allTextContents()).toEqual(["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]);
    // August 1, 2025 was a Friday; the 31st a Sunday.
    expect(rows[0]).toEqual(["", "", "", "", "1", "2", "3"]);
    expect(rows.at(-1)!.at(-1)).toBe("31");
    const linked = await page
      .locator("main > .calendar td.has-digest a")
      .evaluateAll((links) => links.map((link) => [link.getAttribute("href"), link.getAttribute("title")]));
    expect(linked).toEqual([
      ["/2025/08/20/", "67 papers"],
      ["/2025/08/21/", "3 papers"],
      ["/2025/08/22/", "3 papers"],
    ]);
    // Wednesday the 20th sits in the Wednesday column.
    const column = await page
      .locator('main > .calendar a[href="/2025/08/20/"]')
      .evaluate((link) => [...link.closest("tr")!.children].indexOf(link.closest("td")!));
    expect(column).toBe(2);
    await page.click('main > .calendar a[href="/2025/08/21/"]');
    await page.waitForURL(/\/2025\/08\/21\/$/);
    expect(await page.getAttribute('.with-aside__side .calendar a[aria-current="date"]', "href")).toBe("/2025/08/21/");
    await page.context().close();
  });
});

describe("search", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });
  const texts = () => paperTexts(sampleSite);

  it('finds for "infty" only papers that show ∞ or say infinity', async () => {
    const shown = texts();
    const urls = await searchAll(page, sample, "infty");
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(shown.get(url), url).toMatch(/∞|infinity/i);
    const withSymbol = [...shown].filter(([, text]) => text.includes("∞")).map(([url]) => url);
    expect(withSymbol.length).toBeGreaterThan(0);
    for (const url of withSymbol) expect(urls, url).toContain(url);
  });

  it('finds for "epsilon" every paper that shows ε, and only those', async () => {
    const shown = texts();
    const urls = await searchAll(page, sample, "epsilon");
    const withEpsilon = [...shown].filter(([, text]) => /[εϵ]/.test(text)).map(([url]) => url);
    expect(withEpsilon.length).toBeGreaterThan(2);
    expect([...urls].sort()).toEqual([...withEpsilon].sort());
  });

  it('finds the ℓp paper for "ell_p"', async () => {
    expect(await searchAll(page, sample, "ell_p")).toEqual([MATH_PAPER]);
  });

  it("finds a long word with a typo in it, and nothing else", async () => {
    const shown = texts();
    const sensitivity = await searchAll(page, sample, "sensitvity");
    expect(sensitivity[0]).toBe(MATH_PAPER);
    for (const url of sensitivity) expect(shown.get(url), url).toMatch(/sensitiv/i);
    const regret = await searchAll(page, sample, "regrt");
    const withRegret = [...shown].filter(([, text]) => /regret/i.test(text)).map(([url]) => url);
    expect(withRegret.length).toBeGreaterThan(0);
    expect([...regret].sort()).toEqual([...withRegret].sort());
  });

  it("shows excerpts from the abstract, without the title, cut with ellipses", async () => {
    await searchAll(page, sample, "streaming");
    const first = page.locator("#search-results .search-result").first();
    const title = (await first.locator("h2").textContent())!;
    const excerpt = (await first.locator(".search-result__excerpt").textContent())!;
    expect(excerpt.startsWith(title)).toBe(false);
    expect(excerpt).toMatch(/…$/);
    expect(await first.locator(".search-result__excerpt mark").first().textContent()).toMatch(/^streaming/i);
  });

  it("shows an active filter as a chip that removes it", async () => {
    await page.goto(served(sample.url, "/search/?q=bandits&topic=Optimization%2C%20algorithms%20and%20learning%20theory"));
    const chip = page.locator("#search-chips .chip");
    await expect.poll(() => chip.count()).toBe(1);
    expect(await chip.textContent()).toBe("Topic: Optimization, algorithms and learning theory ×");
    await chip.click();
    await expect.poll(() => new URL(page.url()).search).toBe("?q=bandits");
    expect(await page.inputValue("#search-topic")).toBe("");
    expect(await page.locator("#search-chips .chip").count()).toBe(0);
  });

  it("lists a topic newest first when no words are given", async () => {
    await page.goto(served(archive.url, "/search/?topic=Optimization%2C%20algorithms%20and%20learning%20theory"));
    await page.waitForFunction(() => /found/.test(document.getElementById("search-status")?.textContent ?? ""));
    expect(await page.inputValue("#search-sort")).toBe("newest");
    expect(await page.locator('#search-sort option[value="relevance"]').isDisabled()).toBe(true);
    const dates = (await page.locator("#search-results .search-result .entry__meta span").allTextContents()).map((label) =>
      Date.parse(`${label} UTC`),
    );
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("offers a way on when nothing matches", async () => {
    await page.goto(served(sample.url, "/search/?q=qwertyuiop&topic=Optimization%2C%20algorithms%20and%20learning%20theory"));
    await page.waitForFunction(() => /No papers/.test(document.getElementById("search-status")?.textContent ?? ""));
    expect(await page.textContent("#search-status")).toBe("No papers match “qwertyuiop” with these filters.");
    expect(await page.isVisible("#search-empty")).toBe(true);
    expect(await page.locator('#search-empty a[href="/topics/"]').count()).toBe(1);
    expect(await page.locator('#search-empty a[href="/archive/"]').count()).toBe(1);
    await page.click("[data-empty-clear]");
    await expect.poll(() => new URL(page.url()).search).toBe("?q=qwertyuiop");
    await page.waitForFunction(() => /No papers match “qwertyuiop”\.$/.test(document.getElementById("search-status")?.textContent ?? ""));
    expect(await page.isVisible("[data-empty-clear]")).toBe(false);
  });

  it("puts the first result near the top of a phone screen, filters folded away", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const small = await phone.newPage();
    await small.goto(served(sample.url, "/search/?q=sensitivity"));
    await small.waitForSelector("#search-results .search-result");
    expect(await small.isVisible("#search-topic")).toBe(false);
    const top = await small
      .locator("#search-results .search-result")
      .first()
      .evaluate((item) => item.getBoundingClientRect().top);
    expect(top).toBeLessThan(450);
    await phone.close();
  });

  it("says without JavaScript that search needs it, and offers the day and topic pages", async () => {
    const off = await open(sample, "/search/", { javaScriptEnabled: false });
    expect(await off.isVisible("#search-form")).toBe(false);
    expect(await off.textContent(".search-noscript")).toContain("Search needs JavaScript");
    expect(await off.locator('.search-noscript a[href="/topics/"]').count()).toBe(1);
    expect(await off.locator('.search-noscript a[href="/2025/08/20/"]').count()).toBe(1);
    await off.context().close();
  });
});
