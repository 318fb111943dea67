import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDigest } from "../../src/digest/parse-digest.ts";
import { slugFromTitle } from "../../src/identity/slug-from-title.ts";
import { generateCorpus, writeCorpus, type CorpusDay, type CorpusOptions } from "./generate.ts";
import { Random } from "./random.ts";
import { loadVocabulary } from "./vocabulary.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const vocabulary = loadVocabulary(path.join(PROJECT_ROOT, "content", "digests", "2025-08-20.txt"));
// A year of 60 papers a day: big enough for repeats, same-title papers and card days to occur.
const OPTIONS: CorpusOptions = { days: 365, perDay: 60, seed: 1, start: "2023-01-01" };

describe("Random", () => {
  it("is a pure function of its seed", () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const value of draw(3)) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe("generateCorpus", () => {
  let days: CorpusDay[];
  beforeAll(() => {
    days = [...generateCorpus(vocabulary, OPTIONS)];
  });

  it("writes one digest per consecutive day", () => {
    expect(days).toHaveLength(365);
    expect(days[0]!.fileName).toBe("2023-01-01.txt");
    expect(days[1]!.fileName).toBe("2023-01-02.txt");
    expect(days[364]!.fileName).toBe("2023-12-31.txt");
  });

  it("gives byte-identical text for the same seed and different text for another", () => {
    const again = [...generateCorpus(vocabulary, OPTIONS)];
    expect(again.map((day) => day.text)).toEqual(days.map((day) => day.text));
    const other = [...generateCorpus(vocabulary, { ...OPTIONS, days: 3, seed: 2 })];
    expect(other[0]!.text).not.toBe(days[0]!.text);
  });

  it("parses every day with zero problems, with the expected papers in order", () => {
    for (const day of days) {
      const parsed = parseDigest(day.text, day.fileName);
      expect(parsed.problems, day.fileName).toEqual([]);
      const entries = parsed.digest!.entries;
      expect(entries.length, day.fileName).toBe(OPTIONS.perDay);
      expect(entries.map((entry) => entry.title)).toEqual(day.entries.map((entry) => entry.paper.title));
      expect(entries.map((entry) => entry.abstract)).toEqual(day.entries.map((entry) => entry.paper.abstract));
      if (day.layout === "card") {
        expect(entries.map((entry) => entry.card.arxivId)).toEqual(day.entries.map((entry) => entry.paper.arxivId));
        for (const entry of entries) expect(entry.card.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it("has an occasional card-layout day", () => {
    const cards = days.filter((day) => day.layout === "card");
    expect(cards.length).toBeGreaterThan(3);
    expect(cards.length).toBeLessThan(60);
    const text = cards[0]!.text;
    for (const marker of ["Submitted by", "Published on", "Upvote", "arXiv Page", "https://huggingface.co/papers/"])
      expect(text).toContain(marker);
  });

  it("repeats a few percent of papers on a later day with the same title and abstract", () => {
    const entries = days.flatMap((day) => day.entries.map((entry) => ({ ...entry, date: day.date })));
    const repeats = entries.filter((entry) => entry.repeat);
    expect(repeats.length / entries.length).toBeGreaterThan(0.01);
    expect(repeats.length / entries.length).toBeLessThan(0.06);
    for (const repeat of repeats.slice(0, 50)) expect(repeat.paper.firstDate < repeat.date).toBe(true);
  });

  it("now and then gives a different paper an earlier paper's title", () => {
    const papers = days.flatMap((day) => day.entries.filter((entry) => !entry.repeat).map((entry) => entry.paper));
    const sameTitle = papers.filter((paper) => paper.sameTitleAs !== undefined);
    expect(sameTitle.length).toBeGreaterThan(5);
    for (const paper of sameTitle) {
      const earlier = papers[paper.sameTitleAs!]!;
      expect(paper.title).toBe(earlier.title);
      expect(paper.abstract).not.toBe(earlier.abstract);
    }
  });

  it("gives distinct papers titles whose slugs rarely collide", () => {
    const papers = days.flatMap((day) =>
      day.entries.filter((entry) => !entry.repeat && entry.paper.sameTitleAs === undefined).map((entry) => entry.paper),
    );
    const slugs = new Set(papers.map((paper) => slugFromTitle(paper.title)));
    expect(papers.length - slugs.size).toBeLessThanOrEqual(papers.length * 0.002);
  });

  it("writes math in the sample's scraped style", () => {
    const text = days.map((day) => day.text).join("\n");
    for (const fragment of ["ell_p", "O(n^2)", "mathcal{O}(1/epsilon^4)", "x in R^d", "Omega(T^{2/3})"]) expect(text).toContain(fragment);
    expect(text).toMatch(/\d(\.\d)?times/);
  });
});

describe("writeCorpus", () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("writes byte-identical files for the same seed", () => {
    const write = () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), "corpus-test-"));
      folders.push(folder);
      const summary = writeCorpus(vocabulary, { days: 20, perDay: 10, seed: 5, start: "2024-02-20" }, folder);
      return { folder, summary };
    };
    const first = write();
    const second = write();
    expect(first.summary.days).toBe(20);
    expect(first.summary.entries).toBe(200);
    expect(first.summary.last).toBe("2024-03-10");
    const names = fs.readdirSync(first.folder).sort();
    expect(names).toEqual(fs.readdirSync(second.folder).sort());
    expect(names).toContain("2024-02-29.txt");
    for (const name of names)
      expect(fs.readFileSync(path.join(second.folder, name))).toEqual(fs.readFileSync(path.join(first.folder, name)));
  });
});
