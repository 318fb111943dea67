import { describe, expect, it } from "vitest";
import { digestTextToMarkdown, digestTextToPlainText, typographic } from "./digest-text.ts";

describe("typographic", () => {
  it.each([
    ["LaTeX quotes", "a ``sketched'' matrix", "a “sketched” matrix"],
    ["an en dash in a range", "pages 1--2", "pages 1–2"],
    ["an em dash", "fast---and exact", "fast—and exact"],
    ["a spaced en dash", "fast -- and exact", "fast – and exact"],
    ["an arrow left alone", "a --> b", "a --> b"],
    ["a single hyphen and apostrophes left alone", "it's a two-pass method", "it's a two-pass method"],
    ["four hyphens left alone", "a ---- b", "a ---- b"],
  ])("%s", (_, text, expected) => {
    expect(typographic(text)).toBe(expected);
  });

  it("applies to the page text and to the plain text", () => {
    expect(digestTextToPlainText("the ``sketched'' bound 1--2")).toBe("the “sketched” bound 1–2");
    expect(digestTextToMarkdown("the ``sketched'' bound")).toBe("the “sketched” bound");
  });
});
