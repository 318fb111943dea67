import { describe, expect, it } from "vitest";
import { titlesAreClose } from "./close-titles.ts";
import { normalizeTitle } from "./normalize-title.ts";

describe("titlesAreClose", () => {
  it.each([
    ["Stochastic Gradeint Descent", "Stochastic Gradient Descent", true],
    ["Sparse Routing for Long Context", "Sparse Routing for Long Contexts", true],
    ["Naïve Bayes at Scale", "Na\uFFFDve Bayes at Scale", true],
    ["Sparse Routing", "Protein Folding Survey", false],
    ["Bandits I", "Bandits II: Lower Bounds", false],
    ["Scaling Laws for Sparse Mixture of Experts", "Scaling Laws for Dense Transformers", false],
    ["🤗🚀", "🧪🔬", false],
  ])("%s / %s: %s", (a, b, close) => {
    expect(titlesAreClose(normalizeTitle(a), normalizeTitle(b))).toBe(close);
  });
});
