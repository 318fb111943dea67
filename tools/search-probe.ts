/**
 * Runs queries through the built site's own search page in Chromium and prints
 * what each returns: `npm run search-probe -- --site _site "infty" "epsilon"`.
 */
import { parseArgs } from "node:util";
import { launchChromium } from "./browser/chromium.ts";
import { serveStatic } from "../src/serve/static-server.ts";

const { values, positionals } = parseArgs({ options: { site: { type: "string", default: "_site" } }, allowPositionals: true });
const server = await serveStatic(values.site, "/");
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const query of positionals) {
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /found|No papers/.test(document.getElementById("search-status")?.textContent ?? ""));
    const status = await page.textContent("#search-status");
    const titles = await page.locator("#search-results .search-result h2").allTextContents();
    console.log(`${JSON.stringify(query)}: ${status} ${titles.slice(0, 5).join(" | ")}`);
  }
} finally {
  await browser.close();
  await server.close();
}
