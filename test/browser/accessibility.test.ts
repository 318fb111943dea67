/**
 * axe-core in Chromium on every kind of page, in light and dark colour
 * schemes, at phone and desktop widths: no serious or critical violations.
 */
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { launchChromium, pagesToCheck, runAxe, SCHEMES, served, VIEWPORTS, type AxeViolation } from "./browser.ts";

const site = inject("archiveSite");
const pages = pagesToCheck(site);
const combos = SCHEMES.flatMap((scheme) => VIEWPORTS.map((viewport) => ({ scheme, viewport, key: `${scheme}/${viewport.name}` })));

let browser: Browser;
let server: StaticServer;
const contexts = new Map<string, BrowserContext>();
const lesser: string[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveStatic(site, "/")]);
  for (const { scheme, viewport, key } of combos) {
    contexts.set(
      key,
      await browser.newContext({
        colorScheme: scheme,
        viewport: { width: viewport.width, height: viewport.height },
        reducedMotion: "reduce",
      }),
    );
  }
});

afterAll(async () => {
  if (lesser.length) console.log(`axe: minor and moderate findings (not failures):\n${[...new Set(lesser)].join("\n")}`);
  await browser?.close();
  await server?.close();
});

const describeViolation = (violation: AxeViolation, where: string) =>
  `${violation.id} (${violation.impact}) on ${where}: ${violation.help}\n      at ${violation.nodes
    .slice(0, 8)
    .map((node) => node.target.map(String).join(" "))
    .join(" | ")}${violation.nodes.length > 8 ? ` and ${violation.nodes.length - 8} more` : ""}`;

describe.concurrent("axe-core finds no serious or critical violations", () => {
  for (const { scheme, viewport, key } of combos) {
    for (const { name, url } of pages) {
      it(`${name} (${url}), ${scheme}, ${viewport.width}px`, async () => {
        const page = await contexts.get(key)!.newPage();
        try {
          const response = await page.goto(served(server.url, url), { waitUntil: url.startsWith("/search/") ? "networkidle" : "load" });
          expect(response?.status(), `${url} status`).toBe(name === "404" ? 404 : 200);
          if (url.includes("?q=")) await page.waitForTimeout(300);
          const violations = await runAxe(page);
          const where = `${name} ${url} [${scheme}, ${viewport.name} ${viewport.width}x${viewport.height}]`;
          for (const violation of violations) {
            if (violation.impact !== "serious" && violation.impact !== "critical")
              lesser.push(`${violation.id} (${violation.impact}) on ${name}: ${violation.help}`);
          }
          const severe = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
          expect(
            severe.map((violation) => describeViolation(violation, where)),
            `axe violations on ${where}`,
          ).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  }
});

describe("the axe harness itself", () => {
  it("reports planted serious violations, with the dark scheme applied", async () => {
    const page = await contexts.get("dark/desktop")!.newPage();
    try {
      await page.setContent(
        '<!DOCTYPE html><html lang="en"><head><title>planted</title><style>@media (prefers-color-scheme: dark) { p { color: #333; background: #222; } }</style></head><body><main><p>faint text in dark mode</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
      );
      const ids = (await runAxe(page))
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => violation.id);
      expect(ids).toEqual(expect.arrayContaining(["color-contrast", "image-alt"]));
    } finally {
      await page.close();
    }
  });
});
