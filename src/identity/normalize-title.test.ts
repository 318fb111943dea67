import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeTitle } from "./normalize-title.ts";

/** The general form, which the ASCII fast path must match. */
const general = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

describe("normalizeTitle", () => {
  it.each([
    ["MUVERA: Multi-Vector Retrieval", "muvera multi vector retrieval"],
    ["muvera  -  multi vector retrieval.", "muvera multi vector retrieval"],
    ["Café Über", "cafe uber"],
    ["  A\tB\nC ", "a b c"],
  ])("%j → %j", (title, key) => {
    expect(normalizeTitle(title)).toBe(key);
  });

  it("gives ASCII text the general form: every line of the sample day, and punctuation, digits and controls", () => {
    const sample = fs.readFileSync(path.resolve(import.meta.dirname, "../../content/digests/2025-08-20.txt"), "utf8");
    const lines = [...sample.split("\n"), "A_B-C.D:E", "  x\u0001y\u007fZ ", "2025 [v2] (ICLR'26)", "`~^|\\"];
    const ascii = lines.filter((line) => /^[\x00-\x7f]*$/.test(line) && general(line) !== "");
    expect(ascii.length).toBeGreaterThan(100);
    for (const line of ascii) expect(normalizeTitle(line), line).toBe(general(line));
  });

  it("keeps words apart that differ", () => {
    expect(normalizeTitle("Bounds for ell_1")).not.toBe(normalizeTitle("Bounds for ell_2"));
  });
});
