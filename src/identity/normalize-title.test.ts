import { describe, expect, it } from "vitest";
import { normalizeTitle } from "./normalize-title.ts";

describe("normalizeTitle", () => {
  it.each([
    ["MUVERA: Multi-Vector Retrieval", "muvera multi vector retrieval"],
    ["muvera  -  multi vector retrieval.", "muvera multi vector retrieval"],
    ["Café Über", "cafe uber"],
    ["  A\tB\nC ", "a b c"],
  ])("%j → %j", (title, key) => {
    expect(normalizeTitle(title)).toBe(key);
  });

  it("keeps words apart that differ", () => {
    expect(normalizeTitle("Bounds for ell_1")).not.toBe(normalizeTitle("Bounds for ell_2"));
  });
});
