import { describe, expect, it } from "vitest";
import { parseDigest } from "../../src/digest/parse-digest.ts";
import { fitsPlainLayout, realDigestDays } from "./real-corpus.ts";
import { readArxivPapers, type RealPaper } from "./real-text.ts";

const papers = readArxivPapers();
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim().normalize("NFC");

describe("realDigestDays", () => {
  it("lays out nearly every real paper", { timeout: 30_000 }, () => {
    expect(papers.filter(fitsPlainLayout).length).toBeGreaterThan(papers.length * 0.99);
  });

  // The 10k archive of `npm run bench`; the bench's builds read all of its sizes.
  it("reads every day back as exactly its papers, in order", { timeout: 30_000 }, () => {
    const days = 303;
    let read = 0;
    for (const day of realDigestDays(papers, { days, perDay: 33, start: "2023-01-01" })) {
      const parsed = parseDigest(day.text, day.fileName);
      expect(parsed.problems, day.fileName).toEqual([]);
      expect(parsed.digest!.date).toBe(day.date);
      expect(parsed.digest!.entries.map((entry) => [entry.title, entry.abstract])).toEqual(
        day.papers.map((paper) => [oneLine(paper.title), oneLine(paper.abstract)]),
      );
      read += parsed.digest!.entries.length;
    }
    expect(read).toBe(days * 33);
  });

  it("is a pure function of the papers and the options, on consecutive days", { timeout: 30_000 }, () => {
    const lay = () => [...realDigestDays(papers, { days: 40, perDay: 33, start: "2024-12-20" })];
    const [first, second] = [lay(), lay()];
    expect(second.map((day) => day.text)).toEqual(first.map((day) => day.text));
    expect(first.map((day) => day.fileName).slice(11, 14)).toEqual(["2024-12-31.txt", "2025-01-01.txt", "2025-01-02.txt"]);
    // A longer archive starts with the same days: one corpus nests in the next.
    expect([...realDigestDays(papers, { days: 41, perDay: 33, start: "2024-12-20" })].slice(0, 40).map((day) => day.text)).toEqual(
      first.map((day) => day.text),
    );
  });

  it.each([
    { name: "a title the parser would read as an abstract", paper: { title: "x".repeat(201), abstract: "An abstract." }, fits: false },
    { name: "an empty abstract", paper: { title: "A title", abstract: " \n " }, fits: false },
    { name: "a title that is page chrome", paper: { title: "Subscribe", abstract: "An abstract." }, fits: false },
    { name: "a title that reads as a date line", paper: { title: "May 5", abstract: "An abstract." }, fits: false },
    { name: "a title wrapped over lines", paper: { title: "Modeling Market\n  Mechanism", abstract: "Using the model." }, fits: true },
  ])("$name: $fits", ({ paper, fits }) => {
    expect(fitsPlainLayout({ id: "0", ...paper } satisfies RealPaper)).toBe(fits);
  });

  it("refuses a corpus larger than the papers that fit", () => {
    expect(() => [...realDigestDays(papers.slice(0, 10), { days: 1, perDay: 33, start: "2023-01-01" })]).toThrow(/need 33 real papers/);
  });
});
