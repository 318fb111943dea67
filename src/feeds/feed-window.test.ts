import { describe, expect, it } from "vitest";
import { selectFeedDays } from "./feed-window.ts";

const day = (date: string, count: number) => ({ date, items: Array.from({ length: count }, (_, index) => `${date}#${index}`) });

describe("selectFeedDays", () => {
  it.each([
    {
      name: "takes whole days newest first up to the limit",
      days: [day("2025-08-20", 3), day("2025-08-22", 4), day("2025-08-21", 2)],
      limit: 7,
      dates: ["2025-08-22", "2025-08-21"],
    },
    {
      name: "stops before a day that would not fit whole",
      days: [day("2025-08-20", 3), day("2025-08-21", 5)],
      limit: 7,
      dates: ["2025-08-21"],
    },
    { name: "skips empty days", days: [day("2025-08-21", 0), day("2025-08-20", 2)], limit: 5, dates: ["2025-08-20"] },
    { name: "returns nothing for no days", days: [], limit: 5, dates: [] },
  ])("$name", ({ days, limit, dates }) => {
    const chosen = selectFeedDays(days, limit);
    expect(chosen.days.map((entry) => entry.date)).toEqual(dates);
    expect(chosen.cut).toBeUndefined();
    for (const entry of chosen.days) expect(entry.items).toEqual(days.find((candidate) => candidate.date === entry.date)!.items);
  });

  it("carries only the first `limit` papers of a newest day larger than the limit, and says so", () => {
    const huge = day("2025-08-21", 33_577);
    const chosen = selectFeedDays([day("2025-08-20", 3), huge], 200);
    expect(chosen.days).toEqual([{ date: "2025-08-21", items: huge.items.slice(0, 200) }]);
    expect(chosen.cut).toEqual({ date: "2025-08-21", carried: 200, total: 33_577 });
  });
});
