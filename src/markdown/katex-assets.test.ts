import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { katexFontFiles, katexStylesheet } from "./katex-assets.ts";

describe("KaTeX assets", () => {
  const fonts = katexFontFiles();
  const css = katexStylesheet();

  test("lists every woff2 font and nothing else", () => {
    expect(fonts.length).toBeGreaterThanOrEqual(20);
    for (const font of fonts) expect(font.to).toMatch(/^assets\/katex\/fonts\/KaTeX_[\w-]+\.woff2$/);
    expect(fonts.map((font) => font.to)).toContain("assets/katex/fonts/KaTeX_Main-Regular.woff2");
  });

  test("sources exist and are absolute", () => {
    for (const file of fonts) {
      expect(path.isAbsolute(file.from)).toBe(true);
      expect(existsSync(file.from)).toBe(true);
    }
  });

  test("the stylesheet references exactly the shipped woff2 fonts, and no woff or ttf", () => {
    const referenced = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((match) => `assets/katex/${match[1]}`);
    expect(referenced.length).toBeGreaterThan(0);
    expect(new Set(referenced)).toEqual(new Set(fonts.map((file) => file.to)));
    expect(css).toContain("@font-face");
    expect(css).toContain(".katex");
  });
});
