import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { KATEX_STYLESHEET_PATH, katexAssetFiles } from "./katex-assets.ts";

describe("katexAssetFiles", () => {
  const files = katexAssetFiles();

  test("lists the stylesheet first and every woff2 font, nothing else", () => {
    expect(files[0]?.to).toBe(KATEX_STYLESHEET_PATH);
    const fonts = files.slice(1);
    expect(fonts.length).toBeGreaterThanOrEqual(20);
    for (const font of fonts) expect(font.to).toMatch(/^assets\/katex\/fonts\/KaTeX_[\w-]+\.woff2$/);
    expect(fonts.map((font) => font.to)).toContain("assets/katex/fonts/KaTeX_Main-Regular.woff2");
  });

  test("sources exist and are absolute", () => {
    for (const file of files) {
      expect(path.isAbsolute(file.from)).toBe(true);
      expect(existsSync(file.from)).toBe(true);
    }
  });

  test("every woff2 the stylesheet references is listed, at the path the CSS expects", () => {
    const css = readFileSync(files[0]?.from ?? "", "utf8");
    const referenced = [...css.matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)].map((match) => `assets/katex/${match[1]}`);
    expect(referenced.length).toBeGreaterThan(0);
    expect(new Set(files.slice(1).map((file) => file.to))).toEqual(new Set(referenced));
  });
});
