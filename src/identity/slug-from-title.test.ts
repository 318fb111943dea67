import { describe, expect, it } from "vitest";
import { slugFromTitle } from "./slug-from-title.ts";

describe("slugFromTitle", () => {
  it.each([
    ["MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings", "muvera-multi-vector-retrieval-via-fixed-dimensional-encodings"],
    ["Sharper Bounds for ell_p Sensitivity Sampling", "sharper-bounds-for-ell-p-sensitivity-sampling"],
    ["Let's Make Block Coordinate Descent Converge Faster", "lets-make-block-coordinate-descent-converge-faster"],
    ["Über-Netze für Zürich: Ça marche!", "ueber-netze-fuer-zuerich-ca-marche"],
    ["  Spaces   and\ttabs  ", "spaces-and-tabs"],
    ["GPT-4o & o1: A 2× Speed-up?", "gpt-4o-and-o1-a-2-speed-up"],
    ["数学", "paper"],
    ["{{ title }} <script>alert(1)</script>", "title-script-alert-1-script"],
  ])("%j → %s", (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it("keeps slugs at most 80 characters, cut at a word boundary", () => {
    const title =
      "Let's Make Block Coordinate Descent Converge Faster: Faster Greedy Rules, Message-Passing, Active-Set Complexity, and Superlinear Convergence";
    const slug = slugFromTitle(title);
    expect(slug).toBe("lets-make-block-coordinate-descent-converge-faster-faster-greedy-rules-message");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(`${slugFromTitle(title, 200)}-`.startsWith(`${slug}-`)).toBe(true);
  });

  it("cuts a single overlong word at the limit", () => {
    expect(slugFromTitle("a".repeat(120))).toBe("a".repeat(80));
  });

  it("is ASCII lowercase and hyphenated for any input", () => {
    for (const title of ["ÅÄÖ ÆØ ŁŻ", "α-β CROWN", "🚀 Rockets 🚀", "x".repeat(300), "---"]) {
      expect(slugFromTitle(title)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });
});
