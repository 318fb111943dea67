import { describe, expect, it } from "vitest";
import { fetchDates } from "./fetch-dates.ts";

describe("fetchDates", () => {
  it.each([
    {
      name: "by default, the last complete UTC day and the 3 before it",
      input: {},
      dates: ["2026-05-08", "2026-05-09", "2026-05-10", "2026-05-11"],
    },
    { name: "one day", input: { date: "2026-05-01" }, dates: ["2026-05-01"] },
    {
      name: "a range, both ends included",
      input: { from: "2026-04-29", to: "2026-05-02" },
      dates: ["2026-04-29", "2026-04-30", "2026-05-01", "2026-05-02"],
    },
    { name: "--from alone runs to the last complete day", input: { from: "2026-05-10" }, dates: ["2026-05-10", "2026-05-11"] },
    { name: "across a leap day", input: { from: "2024-02-28", to: "2024-03-01" }, dates: ["2024-02-28", "2024-02-29", "2024-03-01"] },
  ])("$name", ({ input, dates }) => {
    expect(fetchDates({ today: "2026-05-12", ...input })).toEqual({ ok: true, dates });
  });

  it.each([
    { input: { date: "2026-05-12" }, message: /2026-05-12 has not ended yet \(it is 2026-05-12 in UTC\)/ },
    { input: { from: "2026-05-10", to: "2026-05-13" }, message: /2026-05-13 has not ended yet/ },
    { input: { date: "2026-02-30" }, message: /--date 2026-02-30 is not a calendar date/ },
    { input: { from: "2026-05-03", to: "2026-05-01" }, message: /--from 2026-05-03 is after --to 2026-05-01/ },
    { input: { date: "2026-05-01", from: "2026-05-01" }, message: /either --date or --from\/--to/ },
    { input: { from: "2020-01-01", to: "2026-05-01" }, message: /more than 400 days/ },
  ])("refuses $input", ({ input, message }) => {
    const result = fetchDates({ today: "2026-05-12", ...input });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
  });
});
