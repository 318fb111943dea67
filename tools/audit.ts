/**
 * Lighthouse audit of the built site: performance, accessibility, best
 * practices and SEO for the home page, a day and a paper, in Debian's
 * Chromium, served by the same static server the tests use. Prints a table
 * and writes it into docs/quality.md between the audit markers.
 *
 *   npm run audit -- [--site DIR] [--desktop] [--no-write]
 *
 * Without --site it builds content/digests into a temporary folder first, with
 * the served address as the site URL, so canonical links point where
 * Lighthouse looks. Needs `lighthouse` (12.2.3, which brings chrome-launcher)
 * as a dev dependency; it is not part of `npm test`.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { serveStatic } from "../src/serve/static-server.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./browser/chromium.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const QUALITY_DOC = path.join(ROOT, "docs", "quality.md");
const START = "<!-- audit:start -->";
const END = "<!-- audit:end -->";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS, "--disable-dev-shm-usage"];

// The shapes of the parts of Lighthouse and chrome-launcher used here. They are
// imported by name at run time, so `tsc` passes whether or not they are installed.
interface LighthouseResult {
  lhr: {
    lighthouseVersion: string;
    categories: Record<string, { score: number | null; title: string }>;
    audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
  };
}
type Lighthouse = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<LighthouseResult | undefined>;
interface ChromeLauncher {
  launch(options: {
    chromePath: string;
    chromeFlags: string[];
    logLevel?: string;
  }): Promise<{ port: number; kill(): Promise<void> | void }>;
}

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    desktop: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
  },
});

async function importByName<T>(name: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (error) {
    throw new Error(
      `"${name}" is not installed: npm install --save-dev --save-exact lighthouse@12.2.3 (it brings chrome-launcher)\n${(error as Error).message}`,
    );
  }
}

/** The newest day page and a paper page of the built site (a paper with math if there is one). */
async function pickPages(site: string): Promise<{ name: string; url: string }[]> {
  const years = (await fs.readdir(site)).filter((name) => /^\d{4}$/.test(name)).sort();
  let day: string | undefined;
  for (const year of years.reverse()) {
    const months = (await fs.readdir(path.join(site, year)))
      .filter((name) => /^\d{2}$/.test(name))
      .sort()
      .reverse();
    for (const month of months) {
      const days = (await fs.readdir(path.join(site, year, month)))
        .filter((name) => /^\d{2}$/.test(name))
        .sort()
        .reverse();
      if (days[0]) {
        day = `/${year}/${month}/${days[0]}/`;
        break;
      }
    }
    if (day) break;
  }
  const papers = (await fs.readdir(path.join(site, "papers"))).sort();
  const paper = papers.find((slug) => slug === "sharper-bounds-for-ell-p-sensitivity-sampling") ?? papers[0];
  if (!day || !paper) throw new Error(`${site} has no day or paper pages: build the site first`);
  return [
    { name: "home", url: "/" },
    { name: "day", url: day },
    { name: "paper", url: `/papers/${paper}/` },
  ];
}

async function buildInto(output: string, siteUrl: string, work: string): Promise<void> {
  const permalinks = path.join(work, "permalinks.json");
  await fs.copyFile(path.join(ROOT, "content", "permalinks.json"), permalinks).catch(() => undefined);
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  await promisify(execFile)(
    tsx,
    [
      path.join(ROOT, "scripts", "build.ts"),
      "--output",
      output,
      "--site-url",
      siteUrl,
      "--work-dir",
      path.join(work, "generated"),
      "--permalinks",
      permalinks,
    ],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

const score = (value: number | null | undefined) => (value === null || value === undefined ? "n/a" : String(Math.round(value * 100)));

async function main() {
  const { default: lighthouse } = await importByName<{ default: Lighthouse }>("lighthouse");
  const chromeLauncher = await importByName<ChromeLauncher>("chrome-launcher");
  const desktopConfig = values.desktop
    ? (await importByName<{ default: unknown }>("lighthouse/core/config/desktop-config.js")).default
    : undefined;

  const work = await fs.mkdtemp(path.join(os.tmpdir(), "dpa-audit-"));
  const site = values.site ? path.resolve(values.site) : path.join(work, "_site");
  if (!values.site) await fs.mkdir(site, { recursive: true });
  // The server reads files per request, so it can start before the build it serves.
  // Compressed like any real static host; an uncompressed local server would only measure itself.
  const server = await serveStatic(site, "/", { compress: true });
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  const rows: string[][] = [];
  const failing: string[] = [];
  let version = "";
  try {
    if (!values.site) {
      console.log(`building content/digests for ${server.url} ...`);
      await buildInto(site, server.url.replace(/\/$/, ""), work);
    }
    for (const { name, url } of await pickPages(site)) {
      const target = `${server.url}${url.replace(/^\//, "")}`;
      console.log(`lighthouse ${target}`);
      const result = await lighthouse(
        target,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
        desktopConfig,
      );
      if (!result) throw new Error(`Lighthouse returned no result for ${target}`);
      version = result.lhr.lighthouseVersion;
      rows.push([`${name} (\`${url}\`)`, ...CATEGORIES.map((category) => score(result.lhr.categories[category]?.score))]);
      for (const audit of Object.values(result.lhr.audits)) {
        if (
          audit.score !== null &&
          audit.score < 0.9 &&
          audit.scoreDisplayMode !== "informative" &&
          audit.scoreDisplayMode !== "manual" &&
          audit.scoreDisplayMode !== "notApplicable"
        ) {
          failing.push(`${name}: ${audit.id} (${score(audit.score)})${audit.displayValue ? ` ${audit.displayValue}` : ""}: ${audit.title}`);
        }
      }
    }
  } finally {
    await chrome.kill();
    await server.close();
    await fs.rm(work, { recursive: true, force: true });
  }

  const table = [
    `Lighthouse ${version}, ${values.desktop ? "desktop" : "mobile (default throttling)"} preset, Debian Chromium, ${new Date().toISOString().slice(0, 10)}:`,
    "",
    "| page | performance | accessibility | best practices | SEO |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    "",
    failing.length ? `Audits under 90: ${failing.map((line) => `\n- ${line}`).join("")}` : "Every scored audit is at 90 or above.",
  ].join("\n");
  console.log(`\n${table}`);
  if (!values["no-write"]) {
    const doc = await fs.readFile(QUALITY_DOC, "utf8");
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    if (start < 0 || end < start) throw new Error(`${QUALITY_DOC} has no ${START} ... ${END} section`);
    await fs.writeFile(QUALITY_DOC, `${doc.slice(0, start + START.length)}\n${table}\n${doc.slice(end)}`);
    console.log(`\nwritten to ${path.relative(ROOT, QUALITY_DOC)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
