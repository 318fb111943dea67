/**
 * Screenshots of the built site as readers see it: every kind of page at phone
 * and desktop widths, in light and dark. `npm run screenshots -- [--site _site] [--out DIR] [--pages /a/,/b/] [--full-page]`
 */
import fs from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "./browser/chromium.ts";
import { serveStatic } from "../src/serve/static-server.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string", default: "_site" },
    out: { type: "string", default: ".cache/screenshots" },
    pages: { type: "string" },
    "full-page": { type: "boolean", default: false },
  },
});

/** One page of each kind the built site has: the newest day and its month and year, a paper with math, a paper with card facts. */
function defaultPages(site: string): string[] {
  const html = (url: string) => {
    const file = path.join(site, url, "index.html");
    return existsSync(file) ? readFileSync(file, "utf8") : "";
  };
  const first = (text: string, pattern: RegExp) => pattern.exec(text)?.[1];
  const home = html("/");
  const day = first(home, /<h2 class="home-day__heading"[^>]*><a href="([^"]+)"/) ?? "/2025/08/20/";
  const dayHtml = html(day);
  const month = first(dayHtml, /class="pager__up" href="([^"]+)"/) ?? "/2025/08/";
  const upvotes = first(dayHtml, /href="([^"]+by-upvotes\/)"/);
  const topic = first(dayHtml, /class="tag" href="([^"]+)"/);
  const withLinks = first(dayHtml, /<h2 class="entry__title"><a href="([^"]+)"/);
  const pages = ["/", day, ...(upvotes ? [upvotes] : []), month, `/${month.split("/")[1]}/`, "/archive/"];
  pages.push("/papers/sharper-bounds-for-ell-p-sensitivity-sampling/");
  if (withLinks) pages.push(withLinks);
  pages.push(
    "/topics/",
    ...(topic ? [topic] : []),
    "/follow/",
    "/feed.xml",
    "/search/",
    "/search/?q=sensitivity",
    "/search/?q=qwertyuiop",
    "/404.html",
  );
  return pages.filter((url, index) => pages.indexOf(url) === index);
}
const pages = values.pages ? values.pages.split(",") : defaultPages(values.site);
const viewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
];

const server = await serveStatic(values.site, "/");
const browser = await launchChromium();
await fs.mkdir(values.out, { recursive: true });
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const viewport of viewports) {
      const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const url of pages) {
        // A feed is turned into a page by the browser's XSLT, which never lets the network settle.
        await page.goto(`${server.url}${url.replace(/^\//, "")}`, { waitUntil: url.endsWith(".xml") ? "load" : "networkidle" });
        const name = `${url.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${viewport.name}-${scheme}.png`;
        await page.screenshot({ path: path.join(values.out, name), fullPage: values["full-page"] });
      }
      await context.close();
    }
  }
  console.log(`screenshots in ${values.out}`);
} finally {
  await browser.close();
  await server.close();
}
