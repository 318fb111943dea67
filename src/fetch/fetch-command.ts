/** The flags `npm run fetch` and `npm run daily` share, read into what runFetch needs. */
import { DEFAULT_API, DEFAULT_POLICY } from "./fetch-day.ts";
import { fetchDates, utcToday } from "./fetch-dates.ts";
import type { RunFetchOptions } from "./run-fetch.ts";
import { calendarDate } from "../ingest/resolve-date.ts";

export const FETCH_FLAGS = {
  date: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  api: { type: "string", default: DEFAULT_API },
  digests: { type: "string", default: "content/digests" },
  today: { type: "string" },
  timeout: { type: "string", default: String(DEFAULT_POLICY.timeoutMs / 1000) },
  retries: { type: "string", default: String(DEFAULT_POLICY.retries) },
  backoff: { type: "string", default: String(DEFAULT_POLICY.backoffMs / 1000) },
  delay: { type: "string", default: "1" },
} as const;

export const FETCH_USAGE = `  --date D          fetch the day D (YYYY-MM-DD)
  --from D --to D   fetch every day from D to D, both included (a backfill)
                    (default: the last complete UTC day and the 3 days before it)
  --api URL         the daily papers API, called as URL?date=YYYY-MM-DD
                    (default ${DEFAULT_API})
  --digests DIR     digests folder (default content/digests)
  --timeout S       seconds to wait for each answer (default ${DEFAULT_POLICY.timeoutMs / 1000})
  --retries N       retries after a timeout, a network error, 429 or 5xx (default ${DEFAULT_POLICY.retries})
  --backoff S       seconds before the first retry, doubled for each one after (default ${DEFAULT_POLICY.backoffMs / 1000})
  --delay S         seconds between two requests (default 1)
  --today D         take D as the current UTC day (replays and tests)

Only complete days are fetched: a day is complete once the next UTC day has
begun. A day fetched again is merged into the stored digest: new papers are
added, counts and texts refreshed, no stored paper is ever dropped.`;

type FetchValues = { [K in keyof typeof FETCH_FLAGS]?: string };

export function fetchOptions(values: FetchValues): { ok: true; options: Omit<RunFetchOptions, "deps"> } | { ok: false; message: string } {
  const today = values.today === undefined ? utcToday() : calendarDate(values.today);
  if (!today) return { ok: false, message: `--today ${values.today} is not a calendar date in the form YYYY-MM-DD` };
  const dates = fetchDates({ today, ...pick(values, "date", "from", "to") });
  if (!dates.ok) return dates;
  const seconds = (flag: "timeout" | "backoff" | "delay", minimum: number) => {
    const value = Number(values[flag]);
    return Number.isFinite(value) && value >= minimum
      ? value * 1000
      : new Error(`--${flag} must be a number of seconds, at least ${minimum}, not "${values[flag]}"`);
  };
  const timeoutMs = seconds("timeout", 0.001);
  const backoffMs = seconds("backoff", 0);
  const delayMs = seconds("delay", 0);
  const retries = Number(values.retries);
  for (const value of [timeoutMs, backoffMs, delayMs]) if (value instanceof Error) return { ok: false, message: value.message };
  if (!Number.isInteger(retries) || retries < 0) return { ok: false, message: `--retries must be a whole number, not "${values.retries}"` };
  try {
    const api = new URL(values.api ?? DEFAULT_API);
    if (api.protocol !== "https:" && api.protocol !== "http:") throw new Error();
  } catch {
    return { ok: false, message: `--api ${values.api} is not an http(s) address` };
  }
  return {
    ok: true,
    options: {
      dates: dates.dates,
      api: values.api ?? DEFAULT_API,
      digestsDir: values.digests ?? "content/digests",
      today,
      policy: { timeoutMs: timeoutMs as number, retries, backoffMs: backoffMs as number },
      delayMs: delayMs as number,
    },
  };
}

function pick(values: FetchValues, ...keys: ("date" | "from" | "to")[]): { date?: string; from?: string; to?: string } {
  const picked: { date?: string; from?: string; to?: string } = {};
  for (const key of keys) if (values[key] !== undefined) picked[key] = values[key];
  return picked;
}
