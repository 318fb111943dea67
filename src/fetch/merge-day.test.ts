import { describe, expect, it } from "vitest";
import { mergeDay } from "./merge-day.ts";

const entry = (id: string, upvotes: number, comments = 0, extra: Record<string, unknown> = {}) => ({
  paper: { id, title: `Paper ${id}`, summary: "An abstract.", upvotes },
  numComments: comments,
  ...extra,
});

describe("mergeDay", () => {
  it("takes a new day whole, dated by this fetch", () => {
    const merge = mergeDay(undefined, [entry("2605.00001", 3)], "2026-05-12");
    expect(merge.entries).toEqual([{ ...entry("2605.00001", 3), countedOn: "2026-05-12" }]);
    expect(merge).toMatchObject({ added: [], counts: [], keptMissing: [] });
  });

  it("adds new papers, refreshes counts, keeps papers the API no longer lists, in stored order", () => {
    const stored = [
      entry("2605.00001", 3, 0, { countedOn: "2026-05-12" }),
      entry("2605.00002", 5, 1, { countedOn: "2026-05-12" }),
      entry("2605.00003", 1, 0, { countedOn: "2026-05-12" }),
    ];
    const fetched = [entry("2605.00004", 9), entry("2605.00002", 5, 1), entry("2605.00001", 8, 2)];
    const merge = mergeDay(stored, fetched, "2026-05-14");
    expect(merge.entries.map((item) => [item.paper, item.countedOn])).toEqual([
      [entry("2605.00001", 8).paper, "2026-05-14"],
      [entry("2605.00002", 5).paper, "2026-05-12"],
      [entry("2605.00003", 1).paper, "2026-05-12"],
      [entry("2605.00004", 9).paper, "2026-05-14"],
    ]);
    expect(merge.added).toEqual(["Paper 2605.00004"]);
    expect(merge.counts).toEqual([{ title: "Paper 2605.00001", upvotes: [3, 8], comments: [0, 2] }]);
    expect(merge.keptMissing).toEqual(["Paper 2605.00003"]);
    expect(merge.otherwiseChanged).toEqual([]);
  });

  it("notices a corrected title, and leaves an unchanged day exactly as it was", () => {
    const stored = [entry("2605.00001", 3, 0, { countedOn: "2026-05-12" })];
    expect(mergeDay(stored, [entry("2605.00001", 3)], "2026-05-14").entries).toEqual(stored);
    const renamed = { ...entry("2605.00001", 3), paper: { ...entry("2605.00001", 3).paper, title: "Paper, corrected" } };
    expect(mergeDay(stored, [renamed], "2026-05-14").otherwiseChanged).toEqual(["Paper, corrected"]);
  });
});
