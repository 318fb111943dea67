import { describe, expect, it } from "vitest";
import { firstDate, latestDate } from "./paper-dates.ts";

const paper = (...dates: string[]) => ({ appearances: dates.map((date, position) => ({ date, position })) });

describe("a paper's first and latest dates", () => {
  it.each([
    [["2025-08-20"], "2025-08-20", "2025-08-20"],
    [["2025-08-20", "2025-08-22", "2025-09-01"], "2025-08-20", "2025-09-01"],
    // In whatever order the appearances come.
    [["2025-09-01", "2024-12-31", "2025-08-22"], "2024-12-31", "2025-09-01"],
  ])("of appearances on %j are %s and %s", (dates, first, latest) => {
    expect(firstDate(paper(...dates))).toBe(first);
    expect(latestDate(paper(...dates))).toBe(latest);
  });
});
