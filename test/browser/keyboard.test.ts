/**
 * Keyboard use in Chromium: the first Tab reaches a visible skip link that
 * moves focus to the main content, every link, button and input is reached by
 * Tab in document order, and each one shows a visible focus indicator.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveStatic, type StaticServer } from "../../src/serve/static-server.ts";
import { launchChromium, served } from "./browser.ts";

const site = inject("archiveSite");
const PAGES = [
  { name: "home", url: "/" },
  { name: "paper", url: "/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/" },
  { name: "math paper", url: "/papers/sharper-bounds-for-ell-p-sensitivity-sampling/" },
];

let browser: Browser;
let server: StaticServer;
let context: BrowserContext;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), serveStatic(site, "/")]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: "reduce" });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Focused {
  index: string | null;
  label: string;
  outline: string;
  boxShadow: string;
  inViewport: boolean;
}

/**
 * Numbers every element a keyboard user should reach (links with an href,
 * buttons, form fields, positive tabindex), rendered and not disabled, in
 * document order, and returns their labels.
 */
function markFocusable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1']), [contenteditable='true']";
    const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) =>
        !element.matches(":disabled") &&
        !element.closest("[inert]") &&
        element.tabIndex >= 0 &&
        element.checkVisibility({ visibilityProperty: true }),
    );
    return elements.map((element, index) => {
      element.dataset.kbIndex = String(index);
      return `${element.tagName.toLowerCase()} "${(element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}" ${element.getAttribute("href") ?? element.getAttribute("name") ?? ""}`.trim();
    });
  });
}

/** What has focus now, and how it is drawn. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { index: null, label: "body", outline: "", boxShadow: "none", inViewport: false };
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      index: element.dataset.kbIndex ?? null,
      label: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} "${(element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40)}"`,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth && box.width > 0 && box.height > 0,
    };
  });
}

/** A focus ring a reader can see: a drawn outline at least 1px wide, or a box shadow. */
const visiblyFocused = (state: Focused) => {
  const [style, width] = state.outline.split(" ");
  return (style !== "none" && Number.parseFloat(width ?? "0") >= 1) || (state.boxShadow !== "none" && state.boxShadow !== "");
};

describe("keyboard navigation", () => {
  for (const { name, url } of PAGES) {
    it(`the first Tab on the ${name} page focuses a visible skip link that moves focus to #main`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(served(server.url, url));
        await markFocusable(page);
        await page.keyboard.press("Tab");
        const first = await page.evaluate(() => {
          const element = document.activeElement as HTMLAnchorElement;
          return { className: element.className, href: element.getAttribute("href"), text: element.textContent?.trim() };
        });
        expect(first).toEqual({ className: "skip-link", href: "#main", text: "Skip to main content" });
        const state = await focused(page);
        expect(state.inViewport, "the focused skip link is on screen").toBe(true);
        expect(visiblyFocused(state), `skip link focus style: ${state.outline} / ${state.boxShadow}`).toBe(true);

        await page.keyboard.press("Enter");
        const after = await page.evaluate(() => ({
          hash: location.hash,
          active: document.activeElement?.id,
          mainTop: document.getElementById("main")!.getBoundingClientRect().top,
        }));
        expect(after.hash).toBe("#main");
        expect(after.active).toBe("main");
        expect(after.mainTop).toBeLessThanOrEqual(1);

        // The next Tab continues from the main content, not from the header.
        await page.keyboard.press("Tab");
        const next = await page.evaluate(() => {
          const element = document.activeElement!;
          return {
            inMain: Boolean(element.closest("#main")),
            firstInMain: element === document.querySelector("#main a[href], #main button, #main input"),
          };
        });
        expect(next).toEqual({ inMain: true, firstInMain: true });
      } finally {
        await page.close();
      }
    });

    it(`reaches every link, button and input on the ${name} page by Tab, in order, each visibly focused`, async () => {
      const page = await context.newPage();
      try {
        await page.goto(served(server.url, url));
        const expected = await markFocusable(page);
        expect(expected.length).toBeGreaterThan(5);
        const reached: string[] = [];
        const unmarked: string[] = [];
        const invisible: string[] = [];
        // One Tab per focusable element, then one more that must leave the document.
        for (let press = 0; press < expected.length + 1; press++) {
          await page.keyboard.press("Tab");
          const state = await focused(page);
          if (state.index === null) {
            if (state.label !== "body") unmarked.push(state.label);
            continue;
          }
          reached.push(expected[Number(state.index)]!);
          if (!visiblyFocused(state)) invisible.push(`${state.label}: outline ${state.outline}, box-shadow ${state.boxShadow}`);
        }
        expect(unmarked, "focused elements that are not links, buttons or fields").toEqual([]);
        expect(reached, "Tab order against the page's focusable elements in document order").toEqual(expected);
        expect(invisible, "elements with no visible focus indicator").toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
