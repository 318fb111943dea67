import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { digestTextToMarkdown, digestTextToPlainText } from "./digest-text.ts";
import { decomposeLetterRun } from "./letter-runs.ts";
import { countRepairedSpans, repairMath } from "./repair.ts";

const SAMPLE = new URL("../../content/digests/2025-08-20.txt", import.meta.url);
const paragraphs = readFileSync(SAMPLE, "utf8")
  .split(/\n\s*\n/)
  .map((paragraph) => paragraph.trim())
  .filter(Boolean);

/** The number quoted in docs/math.md. Update both together. */
const REPAIRED_SPANS_IN_SAMPLE = 131;

describe("the sample digest (2025-08-20)", () => {
  test("the repair count matches docs/math.md", () => {
    const total = paragraphs.reduce((sum, paragraph) => sum + countRepairedSpans(paragraph), 0);
    expect(total).toBe(REPAIRED_SPANS_IN_SAMPLE);
  });

  test("no English word of the input goes missing from the plain text", () => {
    for (const paragraph of paragraphs) {
      const plain = digestTextToPlainText(paragraph);
      const words = paragraph.match(/(?<![A-Za-z\\])[A-Za-z]{4,}(?![A-Za-z])/g) ?? [];
      // Words that are TeX (`epsilon`, `mathfrak`, `mloglog`) are the ones that change.
      const prose = words.filter((word) => !decomposeLetterRun(word));
      for (const word of prose) expect(plain, `"${word}" in: ${paragraph.slice(0, 60)}`).toContain(word);
    }
  });

  test("markdown never contains a raw backslash-free TeX command outside formulas", () => {
    for (const paragraph of paragraphs) {
      for (const segment of repairMath(paragraph)) {
        if (segment.kind !== "text") continue;
        expect(segment.text).not.toMatch(/\b(?:mathcal|mathfrak|varepsilon|infty|sqrt)\b/);
      }
    }
  });

  test("every paragraph converts without throwing and keeps its length roughly", () => {
    for (const paragraph of paragraphs) {
      const plain = digestTextToPlainText(paragraph);
      expect(plain.length).toBeGreaterThan(paragraph.replace(/\s+/g, " ").length * 0.8);
      expect(digestTextToMarkdown(paragraph).length).toBeGreaterThan(0);
    }
  });
});
