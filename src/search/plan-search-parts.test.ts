import { describe, expect, it } from "vitest";
import { planSearchParts, type SearchablePaper } from "./plan-search-parts.ts";

const day = (date: string, count: number): SearchablePaper[] =>
  Array.from({ length: count }, (_, index) => ({ url: `/papers/${date}-${index}/`, date }));

const shape = (papers: SearchablePaper[], max: number) =>
  planSearchParts(papers, max).map((part) => `${part.folder} ${part.first}..${part.last} ${part.urls.length}`);

describe("planSearchParts", () => {
  it.each([
    { name: "everything fits in one part", papers: [...day("2025-01-01", 3), ...day("2025-01-02", 3)], max: 10, parts: ["pagefind/ 2025-01-01..2025-01-02 6"] },
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
      parts: ["pagefind/ 2025-01-03..2025-01-03 1", "pagefind-parts/2025-01-02/ 2025-01-02..2025-01-02 9", "pagefind-parts/2025-01-01/ 2025-01-01..2025-01-01 2"],
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

  it("rejects a cap that is not a positive integer", () => {
    expect(() => planSearchParts([], 0)).toThrow(RangeError);
    expect(() => planSearchParts([], 2.5)).toThrow(RangeError);
  });
});
