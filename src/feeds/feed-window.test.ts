import { describe, expect, it } from "vitest";
import { selectFeedDays } from "./feed-window.ts";

const day = (date: string, count: number) => ({ date, items: Array.from({ length: count }, (_, index) => `${date}#${index}`) });

describe("selectFeedDays", () => {
  it.each([
    { name: "takes whole days newest first up to the limit", days: [day("2025-08-20", 3), day("2025-08-22", 4), day("2025-08-21", 2)], limit: 7, dates: ["2025-08-22", "2025-08-21"] },
    { name: "stops before a day that would not fit whole", days: [day("2025-08-20", 3), day("2025-08-21", 5)], limit: 7, dates: ["2025-08-21"] },
    { name: "includes the newest day whole even when it alone exceeds the limit", days: [day("2025-08-20", 3), day("2025-08-21", 250)], limit: 200, dates: ["2025-08-21"] },
    { name: "skips empty days", days: [day("2025-08-21", 0), day("2025-08-20", 2)], limit: 5, dates: ["2025-08-20"] },
    { name: "returns nothing for no days", days: [], limit: 5, dates: [] },
  ])("$name", ({ days, limit, dates }) => {
    const chosen = selectFeedDays(days, limit);
    expect(chosen.map((entry) => entry.date)).toEqual(dates);
    for (const entry of chosen) expect(entry.items).toEqual(days.find((candidate) => candidate.date === entry.date)!.items);
  });
});
