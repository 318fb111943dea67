import { calendarDate } from "../ingest/resolve-date.ts";

/** Days fetched again before the last complete one: Daily Papers keeps growing for a few days after a day ends. */
export const REFETCH_DAYS = 3;
/** A longer range is almost always a typo in a year; several runs can backfill more. */
export const MAX_RANGE_DAYS = 400;

export type FetchDates = { ok: true; dates: string[] } | { ok: false; message: string };

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The current UTC calendar day. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Which days to fetch. A day is complete once the next UTC day has begun, and
 * only complete days are fetched: a day still in progress is refused rather
 * than stored half-published. By default, the last complete day and the
 * REFETCH_DAYS before it (late submissions, fresher counts).
 */
export function fetchDates(input: { date?: string; from?: string; to?: string; today: string; refetchDays?: number }): FetchDates {
  const { today } = input;
  if (input.date !== undefined && (input.from !== undefined || input.to !== undefined)) {
    return { ok: false, message: "give either --date or --from/--to, not both" };
  }
  const parse = (flag: string, text: string | undefined): string | undefined | Error => {
    if (text === undefined) return undefined;
    return calendarDate(text) ?? new Error(`${flag} ${text} is not a calendar date in the form YYYY-MM-DD`);
  };
  const date = parse("--date", input.date);
  const from = parse("--from", input.from);
  const to = parse("--to", input.to);
  for (const value of [date, from, to]) if (value instanceof Error) return { ok: false, message: value.message };
  let first: string;
  let last: string;
  if (typeof date === "string") [first, last] = [date, date];
  else if (typeof from === "string" || typeof to === "string") {
    last = (to as string | undefined) ?? addDays(today, -1);
    first = (from as string | undefined) ?? last;
  } else {
    last = addDays(today, -1);
    first = addDays(last, -(input.refetchDays ?? REFETCH_DAYS));
  }
  if (first > last) return { ok: false, message: `--from ${first} is after --to ${last}` };
  if (last >= today) {
    return {
      ok: false,
      message: `${last} has not ended yet (it is ${today} in UTC); a day is fetched once the next UTC day has begun, so it is never stored half-published`,
    };
  }
  const dates: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    dates.push(day);
    if (dates.length > MAX_RANGE_DAYS)
      return { ok: false, message: `${first} to ${last} is more than ${MAX_RANGE_DAYS} days; backfill in several runs` };
  }
  return { ok: true, dates };
}
