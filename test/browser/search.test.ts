import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { launchChromium } from "./browser.ts";

let browser: Browser;
let sample: StaticServer;
let archive: StaticServer;
let underBasePath: StaticServer;

beforeAll(async () => {
  [browser, sample, archive, underBasePath] = await Promise.all([
    launchChromium(),
    serveStatic(inject("sampleSite")),
    serveStatic(inject("archiveSite")),
    serveStatic(inject("basePathSite"), "/archive-test/"),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), sample?.close(), archive?.close(), underBasePath?.close()]);
});

async function openPage(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

const resultTitles = (page: Page) => page.locator("#search-results .search-result h2").allTextContents();
const waitForResults = (page: Page) =>
  page.waitForFunction(() => /found|No papers/.test(document.getElementById("search-status")?.textContent ?? ""));

describe("search in a real browser", () => {
  it("runs the query from the URL when /search/?q=... is loaded directly", async () => {
    const page = await openPage(`${sample.url}search/?q=MUVERA`);
    await waitForResults(page);
    expect((await resultTitles(page))[0]).toBe("MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings");
    expect(await page.inputValue("#search-query")).toBe("MUVERA");
    await page.context().close();
  });

  it("finds the right paper first as the reader types, and keeps the query in the URL", async () => {
    const page = await openPage(`${sample.url}search/`);
    await page.locator("#search-query").pressSequentially("sensitivity sampling");
    await page.waitForFunction(() => document.querySelectorAll("#search-results .search-result").length > 0);
    await waitForResults(page);
    expect((await resultTitles(page))[0]).toBe("Sharper Bounds for ℓp Sensitivity Sampling");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("sensitivity sampling");
    const excerpt = await page.locator("#search-results .search-result__excerpt").first().innerHTML();
    expect(excerpt).toMatch(/<mark>[Ss]ensitivity<\/mark>/);
    await page.context().close();
  });

  it("narrows the results with a topic filter, and every result then has that topic", async () => {
    const page = await openPage(`${sample.url}search/?q=optimization`);
    await waitForResults(page);
    const all = Number((await page.textContent("#search-status"))!.match(/\d+/)![0]);
    await page.selectOption("#search-topic", "Optimization, algorithms and learning theory");
    await expect.poll(async () => new URL(page.url()).searchParams.get("topic")).toBe("Optimization, algorithms and learning theory");
    await waitForResults(page);
    await expect.poll(async () => Number((await page.textContent("#search-status"))!.match(/\d+/)?.[0] ?? NaN)).toBeLessThan(all);
    const tags = await page
      .locator("#search-results .search-result")
      .evaluateAll((items) => items.map((item) => [...item.querySelectorAll(".tag")].map((tag) => tag.textContent)));
    expect(tags.length).toBeGreaterThan(0);
    for (const itemTags of tags) expect(itemTags).toContain("Optimization, algorithms and learning theory");
    await page.context().close();
  });

  it("treats a topic or year the archive does not have as all of them", async () => {
    const plain = await openPage(`${sample.url}search/?q=bandits`);
    await waitForResults(plain);
    const status = await plain.textContent("#search-status");
    await plain.context().close();
    const page = await openPage(`${sample.url}search/?q=bandits&topic=${encodeURIComponent("No such topic")}&year=1999`);
    await waitForResults(page);
    expect(await page.inputValue("#search-topic")).toBe("");
    expect(await page.inputValue("#search-year")).toBe("");
    expect(await page.textContent("#search-status")).toBe(status);
    await expect.poll(() => new URL(page.url()).search).toBe("?q=bandits");
    await page.context().close();
  });

  it("opens a result on the paper's permalink", async () => {
    const page = await openPage(`${sample.url}search/?q=MUVERA`);
    await waitForResults(page);
    await page.locator("#search-results .search-result h2 a").first().click();
    await page.waitForURL(/\/papers\//);
    expect(new URL(page.url()).pathname).toBe("/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/");
    expect(await page.textContent("h1")).toContain("MUVERA");
    await page.context().close();
  });

  it("orders by date, newest first, on request, across the parts of a split index", async () => {
    const relevance = await openPage(`${archive.url}search/?q=bandits`);
    await waitForResults(relevance);
    const status = await relevance.textContent("#search-status");
    await relevance.context().close();

    const page = await openPage(`${archive.url}search/?q=bandits&sort=newest`);
    await waitForResults(page);
    expect(await page.textContent("#search-status")).toBe(status);
    const dates = (await page.locator("#search-results .search-result .entry__meta span").allTextContents()).map((label) =>
      Date.parse(`${label} UTC`),
    );
    expect(dates[0]).toBe(Date.UTC(2025, 7, 22));
    expect(dates.at(-1)).toBe(Date.UTC(2025, 7, 20));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await page.context().close();
  });

  it("finds papers in every part of a split index, and shows ten results at a time", async () => {
    const page = await openPage(`${archive.url}search/?q=model`);
    await waitForResults(page);
    const found = Number((await page.textContent("#search-status"))!.match(/\d+/)![0]);
    expect(found).toBeGreaterThan(20);
    expect(await page.locator("#search-results .search-result").count()).toBe(10);
    await page.click("#search-more");
    await expect.poll(() => page.locator("#search-results .search-result").count()).toBe(20);
    // Whole result list, oldest-part and newest-part papers alike, reached by paging to the end.
    while (await page.isVisible("#search-more")) {
      const shown = await page.locator("#search-results .search-result").count();
      await page.click("#search-more");
      await expect.poll(() => page.locator("#search-results .search-result").count()).toBeGreaterThan(shown);
    }
    const dates = new Set(await page.locator("#search-results .search-result .entry__meta span").allTextContents());
    expect(await page.locator("#search-results .search-result").count()).toBe(found);
    // August 20 is the older part, August 22 the primary bundle.
    expect(dates).toContain("August 20, 2025");
    expect(dates).toContain("August 22, 2025");
    await page.context().close();
  });

  it("fetches for a first search only what it needs: no worker script, no newest-first order until asked", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${archive.url}search/?q=bandits`);
    await waitForResults(page);
    await page.waitForLoadState("networkidle");
    expect(requested).toContain("/pagefind/pagefind.js");
    expect(requested.filter((file) => file.endsWith(".pf_meta"))).toHaveLength(2);
    expect(requested.filter((file) => file.endsWith("pagefind-worker.js") || file.endsWith("newest-first.json"))).toEqual([]);
    // The older part borrows the primary bundle's WASM.
    expect(
      requested.filter(
        (file) => file.includes(".pagefind") && !file.endsWith(".pf_meta") && !file.includes("/fragment/") && !file.includes("/index/"),
      ),
    ).toEqual(["/pagefind/wasm.en.pagefind"]);
    await page.selectOption("#search-sort", "newest");
    await expect.poll(() => requested).toContain("/search/newest-first.json");
    await context.close();
  });

  it("works under a base path", async () => {
    const page = await openPage(`${underBasePath.url}search/?q=MUVERA`);
    await waitForResults(page);
    const link = page.locator("#search-results .search-result h2 a").first();
    expect(await link.getAttribute("href")).toBe("/archive-test/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/");
    await link.click();
    await page.waitForURL(/\/archive-test\/papers\//);
    await page.context().close();
  });

  it("searches from the header box as a plain GET when JavaScript is off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${sample.url}2025/08/20/`);
    await page.fill("#site-search-input", "quantization");
    await page.press("#site-search-input", "Enter");
    await page.waitForURL(/\/search\/\?q=quantization$/);
    expect(await page.locator("noscript").count()).toBe(1);
    await context.close();
  });

  it("focuses the search box when / is pressed", async () => {
    const page = await openPage(`${sample.url}papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/`);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-search-input");
    await page.goto(`${sample.url}search/`);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search-query");
    await page.context().close();
  });
});
