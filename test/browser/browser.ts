/**
 * Shared helpers for the tests that drive a real browser: Debian's Chromium
 * through playwright-core (nothing downloads a browser), axe-core injected
 * from node_modules, and the built sites served by `serveStatic`.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../../tools/browser/chromium.ts";
import { parse } from "node-html-parser";

export const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
] as const;
export const SCHEMES = ["light", "dark"] as const;

/** One headless Chromium for a whole test file. */
export { launchChromium };

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
/** axe-core's browser build, read once. */
export function axeScript(): string {
  axeSource ??= fs.readFileSync(path.join(path.dirname(require.resolve("axe-core/package.json")), "axe.min.js"), "utf8");
  return axeSource;
}

export interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe-core on the page as loaded and returns every violation. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeScript() });
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } })
      .axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        ...(node.failureSummary ? { failureSummary: node.failureSummary } : {}),
      })),
    }));
  });
}

/** A site URL ("/papers/x/") joined onto a served base ("http://127.0.0.1:1234/base/"). */
export const served = (base: string, url: string) => `${base}${url.replace(/^\//, "")}`;

const fileFor = (site: string, url: string) =>
  path.join(site, url.replace(/^\//, "").replace(/[?#].*$/, ""), url.replace(/[?#].*$/, "").endsWith("/") ? "index.html" : "");

/**
 * The pages every browser check visits, read from the built site: the fixed
 * kinds of page, plus topic and search pages whenever the build made them.
 */
export function pagesToCheck(site: string): { name: string; url: string }[] {
  const exists = (url: string) => fs.existsSync(fileFor(site, url));
  const read = (url: string) => parse(fs.readFileSync(fileFor(site, url), "utf8"));
  const hostileDay = read("/2025/08/21/");
  const hostilePaper = hostileDay.querySelector(".day-entries > .entry h2 a")?.getAttribute("href");
  if (!hostilePaper) throw new Error("the hostile day lists no paper");
  const pages = [
    { name: "home", url: "/" },
    { name: "day", url: "/2025/08/21/" },
    { name: "month", url: "/2025/08/" },
    { name: "year", url: "/2025/" },
    { name: "archive", url: "/archive/" },
    { name: "math paper", url: "/papers/sharper-bounds-for-ell-p-sensitivity-sampling/" },
    { name: "hostile paper", url: hostilePaper },
    { name: "card paper", url: "/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/" },
    { name: "404", url: "/no-such-page/" },
  ];
  if (exists("/topics/")) pages.push({ name: "topics", url: "/topics/" });
  const topic =
    read("/").querySelector("a.tag")?.getAttribute("href") ??
    (exists("/topics/") ? read("/topics/").querySelector("main a[href^='/topics/']")?.getAttribute("href") : undefined);
  if (topic) pages.push({ name: "topic", url: topic });
  for (const [name, url] of [
    ["search", "/search/"],
    ["follow", "/follow/"],
  ] as const)
    if (exists(url)) pages.push({ name, url });
  if (exists("/search/")) pages.push({ name: "search results", url: "/search/?q=bandits" });
  for (const url of pages.map((page) => page.url)) {
    if (url !== "/no-such-page/" && !exists(url)) throw new Error(`${url} is not in the built site`);
  }
  return pages;
}
