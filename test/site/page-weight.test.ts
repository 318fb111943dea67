/**
 * Page weight: a paper page without math costs at most 24 KB of HTML + CSS
 * and no JavaScript; a page with math adds KaTeX's stylesheet and only the
 * font files its formulas use, measured in Chromium.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { parse, type HTMLElement } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { launchChromium, served } from "../browser/browser.ts";
import { listFiles } from "./read-site.ts";

// 20 KB until paper pages gained a citation, copy link, the papers before and after, and links out
// (issue "A reading site people prefer to the source"); the largest plain page was then at 19.9 KB.
const BUDGET = 24 * 1024;
const KATEX_CSS = "assets/katex/katex.min.css";
const MATH_PAPER = "/papers/sharper-bounds-for-ell-p-sensitivity-sampling/";
const PLAIN_PAPER = "/papers/the-two-pass-softmax-algorithm/";
const sampleSite = inject("sampleSite");
const archiveSite = inject("archiveSite");

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const exact = (bytes: number) => `${bytes} bytes`;
const hasMath = (document: HTMLElement) => document.querySelector(".katex") !== null;
const stylesheets = (document: HTMLElement) =>
  document.querySelectorAll("link[rel=stylesheet]").map((link) => link.getAttribute("href") ?? "");
/** Script files a page loads (JSON-LD blocks are data, and inline code is counted in the HTML bytes). */
const scriptFiles = (document: HTMLElement) => document.querySelectorAll("script[src]").map((script) => script.getAttribute("src")!);

interface PaperWeight {
  file: string;
  html: number;
  css: number;
  math: boolean;
  scripts: string[];
}

function paperWeights(site: string): PaperWeight[] {
  return listFiles(site)
    .filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))
    .map((file) => {
      const html = fs.readFileSync(path.join(site, file), "utf8");
      const document = parse(html);
      const css = stylesheets(document).reduce((sum, href) => sum + fs.statSync(path.join(site, href.replace(/^\//, ""))).size, 0);
      return { file, html: Buffer.byteLength(html), css, math: hasMath(document), scripts: scriptFiles(document) };
    });
}

describe("page weight in the built files", () => {
  for (const [name, site] of [
    ["sample", sampleSite],
    ["archive", archiveSite],
  ] as const) {
    it(`keeps every paper page without math in the ${name} site within ${kb(BUDGET)} of HTML + CSS, with no JavaScript`, () => {
      const weights = paperWeights(site);
      const plain = weights.filter((weight) => !weight.math).sort((a, b) => a.html + a.css - (b.html + b.css));
      expect(plain.length).toBeGreaterThan(0);
      const total = (weight: PaperWeight) => weight.html + weight.css;
      const median = plain[Math.floor(plain.length / 2)]!;
      const largest = plain[plain.length - 1]!;
      console.log(
        `page weight (${name}): ${plain.length} paper pages without math, HTML + CSS smallest ${kb(total(plain[0]!))}, median ${kb(total(median))}, largest ${kb(total(largest))} (${kb(largest.html)} HTML + ${kb(largest.css)} CSS, ${largest.file})`,
      );
      const over = plain
        .filter((weight) => total(weight) > BUDGET)
        .map(
          (weight) => `${weight.file}: ${exact(weight.html)} HTML + ${exact(weight.css)} CSS = ${exact(total(weight))} > ${exact(BUDGET)}`,
        );
      expect(over, `paper pages over the ${kb(BUDGET)} budget`).toEqual([]);
      const withScripts = weights
        .filter((weight) => weight.scripts.length > 0)
        .map((weight) => `${weight.file}: ${weight.scripts.join(", ")}`);
      expect(withScripts, "paper pages that load JavaScript files").toEqual([]);
    });
  }

  it("links KaTeX's stylesheet from exactly the pages that show math", () => {
    const wrong: string[] = [];
    for (const site of [sampleSite, archiveSite]) {
      for (const file of listFiles(site).filter((name) => name.endsWith(".html") && !name.startsWith("pagefind/"))) {
        const document = parse(fs.readFileSync(path.join(site, file), "utf8"));
        const math = hasMath(document);
        const linksKatex = stylesheets(document).some((href) => href.includes("katex"));
        if (math !== linksKatex) wrong.push(`${file}: ${math ? "shows math without" : "links"} KaTeX's stylesheet`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("page weight in Chromium", () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveStatic(sampleSite, "/")]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Loads a page in a fresh context (empty cache) and records every request and the bytes served. */
  async function load(url: string) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: { url: string; type: string; status: number; bytes: number }[] = [];
    page.on("requestfinished", async (request) => {
      const response = await request.response();
      const sizes = await request.sizes();
      requests.push({ url: request.url(), type: request.resourceType(), status: response?.status() ?? 0, bytes: sizes.responseBodySize });
    });
    page.on("requestfailed", (request) => requests.push({ url: request.url(), type: request.resourceType(), status: 0, bytes: 0 }));
    await page.goto(served(server.url, url), { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // Which KaTeX font families the rendered formulas actually use.
    const usedFamilies = await page.evaluate(() => {
      const families = new Set<string>();
      for (const element of document.querySelectorAll(".katex-html *")) {
        if (!element.textContent) continue;
        for (const family of getComputedStyle(element).fontFamily.split(",")) families.add(family.trim().replace(/^["']|["']$/g, ""));
      }
      return [...families];
    });
    await context.close();
    return { requests, usedFamilies };
  }

  const pathOf = (url: string) => new URL(url).pathname.replace(/^\//, "");
  const summary = (requests: { url: string; bytes: number }[]) =>
    requests.map((request) => `${pathOf(request.url)} ${kb(request.bytes)}`).join(", ");

  it("loads a paper page without math as HTML and site.css only (and the favicon): no scripts, no KaTeX", async () => {
    const loaded = await load(PLAIN_PAPER);
    // The browser fetches the site icon for its tab; it is not part of the page's weight.
    const requests = loaded.requests.filter((request) => pathOf(request.url) !== "assets/favicon.svg");
    expect(loaded.requests.length - requests.length).toBeLessThanOrEqual(1);
    const total = requests.reduce((sum, request) => sum + request.bytes, 0);
    console.log(`page weight in Chromium: ${PLAIN_PAPER}: ${requests.length} requests, ${kb(total)} (${summary(requests)})`);
    expect(requests.filter((request) => request.status !== 200).map((request) => `${request.status} ${request.url}`)).toEqual([]);
    expect(requests.map((request) => request.type).sort()).toEqual(["document", "stylesheet"]);
    expect(requests.filter((request) => /katex|\.woff2?$|\.ttf$/i.test(request.url)).map((request) => request.url)).toEqual([]);
    expect(total).toBeLessThanOrEqual(BUDGET);
  });

  it("loads KaTeX's stylesheet and only the font files that the math page's formulas use", async () => {
    const katexCss = path.join(sampleSite, KATEX_CSS);
    expect(fs.existsSync(katexCss), `${KATEX_CSS} is in the built site`).toBe(true);
    const css = fs.readFileSync(katexCss, "utf8");
    const { requests, usedFamilies } = await load(MATH_PAPER);
    const fonts = requests.filter((request) => request.type === "font" || /\.(woff2?|ttf|otf)$/i.test(request.url));
    const total = requests.reduce((sum, request) => sum + request.bytes, 0);
    const fontBytes = fonts.reduce((sum, request) => sum + request.bytes, 0);
    console.log(
      `page weight in Chromium: ${MATH_PAPER}: ${requests.length} requests, ${kb(total)} in all; ${fonts.length} KaTeX fonts, ${kb(fontBytes)} (${summary(fonts)}); other: ${summary(requests.filter((request) => !fonts.includes(request)))}`,
    );
    expect(requests.filter((request) => request.status !== 200).map((request) => `${request.status} ${request.url}`)).toEqual([]);
    expect(requests.filter((request) => request.type === "script").map((request) => request.url)).toEqual([]);
    expect(requests.some((request) => pathOf(request.url) === KATEX_CSS)).toBe(true);
    expect(fonts.length, "the formulas need some KaTeX font").toBeGreaterThan(0);
    const available = fs.readdirSync(path.join(path.dirname(katexCss), "fonts"));
    for (const font of fonts) {
      const file = path.basename(pathOf(font.url));
      expect(css, `${file} is referenced by KaTeX's stylesheet`).toContain(`fonts/${file}`);
      expect(available, `${file} is in the built site`).toContain(file);
      expect(file, "the browser takes the woff2 file, the smallest").toMatch(/\.woff2$/);
      const family = /^(KaTeX_[A-Za-z]+)-/.exec(file)?.[1];
      expect(usedFamilies, `${file} belongs to a font family a formula on the page uses`).toContain(family);
    }
    expect(new Set(fonts.map((font) => font.url)).size, "each font file is fetched once").toBe(fonts.length);
  });
});
