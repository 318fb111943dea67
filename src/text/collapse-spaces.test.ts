import { describe, expect, it } from "vitest";
import { collapseSpaces } from "./collapse-spaces.ts";

describe("collapseSpaces", () => {
  it.each([
    ["", ""],
    ["one space between words", "one space between words"],
    ["two  spaces", "two spaces"],
    ["a\nline break", "a line break"],
    ["a tab\there", "a tab here"],
    ["no-break\u00a0space", "no-break space"],
    [" edges are kept ", " edges are kept "],
    ["\r\n\t mixed \u2003 run", " mixed run"],
    ["ideographic\u3000space", "ideographic space"],
  ])("%j → %j", (text, folded) => {
    expect(collapseSpaces(text)).toBe(folded);
    // The same as folding every run, always.
    expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, " "));
  });

  it("returns text with nothing to fold as it is", () => {
    const text = "Already folded text, as digests are.";
    expect(collapseSpaces(text)).toBe(text);
  });
});

describe("collapseSpaces on every whitespace character", () => {
  // Every code unit JavaScript's \s matches, alone and beside a space: the spelt-out class must know them all.
  const whitespace = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((char) => /\s/.test(char));
  it.each(whitespace.map((char) => [char.charCodeAt(0).toString(16), char]))("U+%s", (_, char) => {
    for (const text of [`a${char}b`, `a ${char}b`, `a${char} b`, `${char}`]) expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, " "));
  });
});
