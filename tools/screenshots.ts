/**
 * Screenshots of the built site as readers see it: key pages at phone and
 * desktop widths, in light and dark. `npm run screenshots -- [--site _site] [--out DIR]`
 */
import fs from "node:fs/promises";
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

const defaultPages = ["/", "/2025/08/20/", "/papers/sharper-bounds-for-ell-p-sensitivity-sampling/", "/archive/", "/topics/", "/search/?q=bandits", "/404.html"];
const pages = values.pages ? values.pages.split(",") : defaultPages;
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
        await page.goto(`${server.url}${url.replace(/^\//, "")}`, { waitUntil: "networkidle" });
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
