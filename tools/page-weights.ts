/**
 * What a first visit to the pages readers open most costs, measured in Chromium
 * with an empty cache: the 67-paper sample day, a paper page with math, the
 * search page (empty, and with a query). `npm run page-weights -- [--site _site]`
 */
import { parseArgs } from "node:util";
import { launchChromium } from "./browser/chromium.ts";
import { serveStatic } from "../src/serve/static-server.ts";

const { values } = parseArgs({
  options: {
    site: { type: "string", default: "_site" },
    pages: {
      type: "string",
      default: "/2025/08/20/,/papers/sharper-bounds-for-ell-p-sensitivity-sampling/,/search/,/search/?q=sensitivity",
    },
  },
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const server = await serveStatic(values.site, "/");
const browser = await launchChromium();
try {
  for (const url of values.pages.split(",")) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const loads: { path: string; type: string; bytes: number }[] = [];
    page.on("requestfinished", async (request) => {
      const sizes = await request.sizes();
      loads.push({ path: new URL(request.url()).pathname, type: request.resourceType(), bytes: sizes.responseBodySize });
    });
    await page.goto(`${server.url}${url.replace(/^\//, "")}`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const html = await page.evaluate(() => document.documentElement.outerHTML.length);
    await context.close();
    const counted = loads.filter((load) => load.path !== "/assets/favicon.svg");
    const byType = new Map<string, number>();
    for (const load of counted) byType.set(load.type, (byType.get(load.type) ?? 0) + load.bytes);
    const total = counted.reduce((sum, load) => sum + load.bytes, 0);
    const parts = [...byType].map(([type, bytes]) => `${type} ${kb(bytes)}`).join(", ");
    console.log(`${url}: ${counted.length} requests, ${kb(total)} transferred (${parts}); DOM ${kb(html)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
