import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDigestDate } from "./resolve-date.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../../test/paths.ts";

const abstract = "An abstract that is long enough to be one, and then some more words to make it so. ".repeat(3).trim();
const sample = fs.readFileSync(SAMPLE_DIGEST, "utf8");
const card = fs.readFileSync(path.join(FIXTURES, "card", "2025-08-22.txt"), "utf8");
const hfJson = fs.readFileSync(path.join(FIXTURES, "hf-json", "2025-08-23.json"), "utf8");

describe("resolveDigestDate", () => {
  it("prefers --date over everything", () => {
    expect(resolveDigestDate({ explicitDate: "2025-08-20", name: "2024-01-01.txt", format: "text", text: sample })).toEqual({
      ok: true,
      date: "2025-08-20",
      from: "--date",
    });
  });

  it("refuses a --date that is not a calendar date", () => {
    const result = resolveDigestDate({ explicitDate: "2025-02-30", name: "-", format: "text", text: sample });
    expect(result).toEqual({ ok: false, message: "--date 2025-02-30 is not a calendar date in the form YYYY-MM-DD" });
  });

  it("takes the file name's leading date, whatever follows it", () => {
    expect(resolveDigestDate({ name: "/downloads/2025-08-20 daily papers.html.txt", format: "text", text: sample })).toMatchObject({
      date: "2025-08-20",
      from: "the file name",
    });
    expect(resolveDigestDate({ name: "2025-08-20", format: "text", text: sample })).toMatchObject({ date: "2025-08-20" });
  });

  it("dates a card digest by its date line and the year of its published lines", () => {
    expect(resolveDigestDate({ name: "-", format: "text", text: card })).toEqual({
      ok: true,
      date: "2025-08-22",
      from: "the date line (line 11) and the year on line 48",
    });
  });

  it("uses a year written on the date line itself", () => {
    expect(resolveDigestDate({ name: "-", format: "text", text: `Aug 20, 2025\n\nA Title\n\n${abstract}\n` })).toMatchObject({
      ok: true,
      date: "2025-08-20",
    });
  });

  it("puts a January digest after the December papers it lists", () => {
    const text = `Jan 2\n\nSubmitted by\nakhaliq\nhttps://huggingface.co/papers/2412.00001\nA Title\nhttps://huggingface.co/papers/2412.00001\nPublished on Dec 30, 2024\n\n${abstract}\n`;
    expect(resolveDigestDate({ name: "-", format: "text", text })).toMatchObject({ ok: true, date: "2025-01-02" });
  });

  it("refuses a date line with no year anywhere, asking for --date", () => {
    const result = resolveDigestDate({ name: "-", format: "text", text: sample });
    expect(result).toEqual({
      ok: false,
      message: "the date line (line 11) has no year and no year is written anywhere in the file; pass --date YYYY-MM-DD",
    });
  });

  it("refuses text with no date line at all", () => {
    expect(resolveDigestDate({ name: "notes.txt", format: "text", text: `A Title\n\n${abstract}\n` })).toMatchObject({
      ok: false,
      message: expect.stringContaining("pass --date"),
    });
  });

  it("dates JSON by the day its papers were submitted", () => {
    expect(resolveDigestDate({ name: "-", format: "json", text: hfJson })).toEqual({
      ok: true,
      date: "2025-08-23",
      from: "the papers' submittedOnDailyAt dates",
    });
    expect(resolveDigestDate({ name: "-", format: "json", text: "[]" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("pass --date"),
    });
  });
});
