import path from "node:path";
import { isoCalendarDate, leadingCalendarDate, parseMonthDay } from "../digest/month-day.ts";
import { parseInFormat } from "../digest/digest-file.ts";
import type { DigestFormat } from "./digest-format.ts";

export type ResolvedDate = { ok: true; date: string; from: string } | { ok: false; message: string };

/** A YYYY-MM-DD that is a real calendar day, or undefined. */
export function calendarDate(text: string): string | undefined {
  return text.length === 10 ? leadingCalendarDate(text) : undefined;
}

/**
 * Which day a digest being ingested belongs to, in order of authority:
 * --date, then the file name's leading date, then what the content says
 * (a text digest's date line with a year found in the file; a JSON digest's
 * submission dates).
 */
export function resolveDigestDate(input: { explicitDate?: string; name: string; format: DigestFormat; text: string }): ResolvedDate {
  if (input.explicitDate) {
    const date = calendarDate(input.explicitDate);
    return date
      ? { ok: true, date, from: "--date" }
      : { ok: false, message: `--date ${input.explicitDate} is not a calendar date in the form YYYY-MM-DD` };
  }
  const fromName = leadingCalendarDate(path.basename(input.name));
  if (fromName) return { ok: true, date: fromName, from: "the file name" };
  return input.format === "json" ? dateOfJson(input.text) : dateOfText(input.text);
}

function dateOfJson(text: string): ResolvedDate {
  const { submittedOn } = parseInFormat("json", text, "-", { date: "1970-01-01" });
  if (submittedOn) return { ok: true, date: submittedOn, from: "the papers' submittedOnDailyAt dates" };
  return {
    ok: false,
    message:
      "no date found: the file name does not start with YYYY-MM-DD and no entry has a submittedOnDailyAt date; pass --date YYYY-MM-DD",
  };
}

function dateOfText(text: string): ResolvedDate {
  const { dateLine } = parseInFormat("text", text, "-", {});
  if (!dateLine) {
    return {
      ok: false,
      message:
        "no date found: the file name does not start with YYYY-MM-DD and there is no date line (like 'Aug 20'); pass --date YYYY-MM-DD",
    };
  }
  if (dateLine.year !== undefined) {
    const date = isoCalendarDate(dateLine.year, dateLine.month, dateLine.day);
    if (date) return { ok: true, date, from: `the date line (line ${dateLine.line})` };
  }
  const latest = latestDatedLine(text);
  if (!latest) {
    return {
      ok: false,
      message: `the date line (line ${dateLine.line}) has no year and no year is written anywhere in the file; pass --date YYYY-MM-DD`,
    };
  }
  // A digest lists papers published on or before its day: if the date line's
  // month and day come before the latest dated line in that year, the digest is
  // from the next year (a January digest with a December paper).
  let year = latest.year;
  const sameYear = isoCalendarDate(year, dateLine.month, dateLine.day);
  if (!sameYear || sameYear < latest.date) year += 1;
  const date = isoCalendarDate(year, dateLine.month, dateLine.day);
  if (!date)
    return { ok: false, message: `the date line (line ${dateLine.line}) is not a calendar date in ${year}; pass --date YYYY-MM-DD` };
  return { ok: true, date, from: `the date line (line ${dateLine.line}) and the year on line ${latest.line}` };
}

/** The latest full date written on its own line ("Published on Aug 22, 2025", "Aug 20, 2025"). */
function latestDatedLine(text: string): { date: string; year: number; line: number } | undefined {
  let latest: { date: string; year: number; line: number } | undefined;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const monthDay = parseMonthDay(raw.trim().replace(/^Published on\s+/, ""));
    if (monthDay?.year === undefined) return;
    const date = isoCalendarDate(monthDay.year, monthDay.month, monthDay.day);
    if (date && (!latest || date > latest.date)) latest = { date, year: monthDay.year, line: index + 1 };
  });
  return latest;
}
