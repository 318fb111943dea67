import { describe, expect, it } from "vitest";
import { arxivTexts, hfDailyTexts, readArxivPapers, sampleDayTexts } from "../../tools/corpus/real-text.ts";
import { isMathFree } from "./math-free.ts";
import { repairByFullSearch, repairUncached } from "./repair.ts";

describe("isMathFree", () => {
  it.each([
    { text: "We propose a new benchmark for long-context retrieval.", free: true },
    { text: "It runs in linear time, three times faster than in prior work.", free: false }, // `times` seeds `n times d`
    { text: "A 3times speedup", free: false },
    { text: "costs $5 and $10", free: false },
    { text: 'na\\"ive', free: false },
    { text: "x_i and R^d", free: false },
    { text: "{it misaligned} models", free: false },
    { text: "an epsilon-net", free: false },
    { text: "the alpha release", free: false }, // Greek names count when glued to math, so they always go the long way
    { text: "O(n) time", free: false },
    { text: "O (log n) time", free: false },
    { text: "Obig(n) time", free: false },
    { text: "I/O bound and an O-ring", free: true },
    { text: "I/O (disk) bound", free: false },
    { text: "when mgg 1", free: false },
    { text: "all ill egg", free: true },
    { text: "pneq NP", free: false },
    { text: "(sim50%) fewer", free: false },
    { text: "steps: bullet First", free: false },
    { text: "", free: true },
  ])("$text: $free", ({ text, free }) => {
    expect(isMathFree(text)).toBe(free);
  });

  it("claims only texts the full repair returns unchanged", () => {
    for (const text of ["We propose a new benchmark.", "I/O bound and an O-ring", "all ill egg", "  spaced\u00a0out\n"]) {
      const normalized = text.replace(/\s+/g, " ");
      expect(isMathFree(normalized)).toBe(true);
      expect(repairByFullSearch(text)).toEqual([{ kind: "text", text: normalized }]);
    }
  });
});

describe("the fast path gives the full repair's result", () => {
  // The whole comparison (all 45,904 arXiv papers) is `npm run bench:math`; every 25th paper keeps this test short.
  const texts = [...sampleDayTexts(), ...hfDailyTexts(), ...arxivTexts(readArxivPapers().filter((_, index) => index % 25 === 0))];

  // About 2 s alone; the generous timeout is for a machine busy with other builds.
  it("on the sample day, every Hugging Face day and every 25th real arXiv paper", { timeout: 60_000 }, () => {
    expect(texts.length).toBeGreaterThan(4000);
    const differing = texts.filter((text) => JSON.stringify(repairUncached(text)) !== JSON.stringify(repairByFullSearch(text)));
    expect(differing).toEqual([]);
  });

  it("takes the fast path for most of them, and the long way for those with math", () => {
    const free = texts.filter((text) => isMathFree(text.replace(/\s+/g, " ")));
    expect(free.length).toBeGreaterThan(texts.length / 2);
    for (const text of texts.filter((candidate) => /\$[^$]+\$|\\[a-z]+/.test(candidate))) expect(free).not.toContain(text);
  });
});
