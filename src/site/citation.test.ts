import { describe, expect, it } from "vitest";
import { bibtex, citationKey, plainCitation } from "./citation.ts";

const base = {
  titleText: "Sharper Bounds for ℓp Sensitivity Sampling",
  authors: ["David P. Woodruff", "Taisuke Yasuda"],
  date: "2025-08-20",
  url: "https://papers.example.org/papers/x/",
};

describe("citation", () => {
  it.each([
    [
      "two authors and an arXiv id",
      { ...base, arxivId: "2306.00732" },
      "woodruff2025sharper",
      "David P. Woodruff and Taisuke Yasuda (2025). Sharper Bounds for ℓp Sensitivity Sampling. arXiv:2306.00732.",
    ],
    [
      "no authors, no id",
      { ...base, authors: [] },
      "anon2025sharper",
      "(2025). Sharper Bounds for ℓp Sensitivity Sampling. https://papers.example.org/papers/x/",
    ],
    [
      "three authors, accented name",
      { ...base, authors: ["Tomás Lindqvist", "B", "C"] },
      "lindqvist2025sharper",
      "Tomás Lindqvist et al. (2025). Sharper Bounds for ℓp Sensitivity Sampling. https://papers.example.org/papers/x/",
    ],
  ])("%s", (_, input, key, plain) => {
    expect(citationKey(input)).toBe(key);
    expect(plainCitation(input)).toBe(plain);
  });

  it("writes BibTeX with the arXiv fields and escapes what would break it", () => {
    expect(bibtex({ ...base, titleText: "50% & {more}_x", arxivId: "2306.00732" })).toBe(
      [
        "@misc{woodruff2025morex,",
        "  title = {{50\\% \\& \\{more\\}\\_x}},",
        "  author = {David P. Woodruff and Taisuke Yasuda},",
        "  year = {2025},",
        "  eprint = {2306.00732},",
        "  archivePrefix = {arXiv},",
        "  url = {https://arxiv.org/abs/2306.00732}",
        "}",
      ].join("\n"),
    );
    expect(bibtex(base)).toContain("  url = {https://papers.example.org/papers/x/}\n}");
  });
});
