import { describe, expect, it } from "vitest";
import { planSearchParts, type SearchablePaper } from "./plan-search-parts.ts";

const day = (date: string, count: number): SearchablePaper[] =>
  Array.from({ length: count }, (_, index) => ({ url: `/papers/${date}-${index}/`, date }));

const shape = (papers: SearchablePaper[], max: number) =>
  planSearchParts(papers, max).map((part) => `${part.folder} ${part.first}..${part.last} ${part.urls.length}`);

describe("planSearchParts", () => {
  it.each([
    {
      name: "everything fits in one part",
      papers: [...day("2025-01-01", 3), ...day("2025-01-02", 3)],
      max: 10,
      parts: ["pagefind/ 2025-01-01..2025-01-02 6"],
    },
    {
      name: "parts close before passing the cap, newest first",
      papers: [...day("2025-01-01", 4), ...day("2025-01-02", 4), ...day("2025-01-03", 4)],
      max: 8,
      parts: ["pagefind/ 2025-01-03..2025-01-03 4", "pagefind-parts/2025-01-01/ 2025-01-01..2025-01-02 8"],
    },
    {
      name: "a day larger than the cap is a part of its own, never split",
      papers: [...day("2025-01-01", 2), ...day("2025-01-02", 9), ...day("2025-01-03", 1)],
      max: 5,
      parts: [
        "pagefind/ 2025-01-03..2025-01-03 1",
        "pagefind-parts/2025-01-02/ 2025-01-02..2025-01-02 9",
        "pagefind-parts/2025-01-01/ 2025-01-01..2025-01-01 2",
      ],
    },
    { name: "no papers, no parts", papers: [], max: 5, parts: [] },
  ])("$name", ({ papers, max, parts }) => {
    expect(shape(papers, max)).toEqual(parts);
  });

  it("groups by date whatever order the papers come in, with sorted URLs", () => {
    const papers = [...day("2025-01-02", 2), ...day("2025-01-01", 2)].reverse();
    const [part] = planSearchParts(papers, 10);
    expect(part!.urls).toEqual(["/papers/2025-01-01-0/", "/papers/2025-01-01-1/", "/papers/2025-01-02-0/", "/papers/2025-01-02-1/"]);
  });

  it("appending a newer day changes only the newest part", () => {
    const before = [...day("2025-01-01", 4), ...day("2025-01-02", 4), ...day("2025-01-03", 3)];
    const after = [...before, ...day("2025-01-04", 3)];
    const older = (papers: SearchablePaper[]) => planSearchParts(papers, 8).slice(1);
    expect(older(after)).toEqual(older(before));
    expect(planSearchParts(after, 8)[0]!.urls).toHaveLength(6);
  });

  it("cuts at the same days whatever comes after: a part, once closed, never changes, and the newest stays under the cap", () => {
    // Day sizes from a fixed linear congruential sequence: 1 to 60 papers a day, about 1,000 days.
    let state = 7;
    const sizes = Array.from({ length: 1000 }, () => ((state = (state * 1103515245 + 12345) % 2 ** 31), 1 + (state % 60)));
    const archive = sizes.flatMap((count, index) => day(new Date(Date.UTC(2023, 0, 1 + index)).toISOString().slice(0, 10), count));
    const closed = (papers: SearchablePaper[]) =>
      planSearchParts(papers, 500)
        .slice(1)
        .map((part) => `${part.first}..${part.last} ${part.urls.join(",")}`);
    const full = new Set(closed(archive));
    for (let days = 1; days <= sizes.length; days += 37) {
      const prefix = archive.filter((paper) => paper.date < new Date(Date.UTC(2023, 0, 1 + days)).toISOString().slice(0, 10));
      for (const part of closed(prefix)) expect(full.has(part), `${days} days: ${part.slice(0, 30)}`).toBe(true);
      expect(planSearchParts(prefix, 500)[0]!.urls.length).toBeLessThanOrEqual(500);
    }
  });

  it("rejects a cap that is not a positive integer", () => {
    expect(() => planSearchParts([], 0)).toThrow(RangeError);
    expect(() => planSearchParts([], 2.5)).toThrow(RangeError);
  });
});
