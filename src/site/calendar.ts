import { BoundedMemo } from "../memo/bounded-memo.ts";

/** Calendar dates in UTC throughout: a digest date is a day, not an instant. */

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// Intl formatting costs microseconds a call and a 30,000-paper build asks for the same few thousand dates
// hundreds of thousands of times, so each format remembers the labels it made.
const LABELS_REMEMBERED = 100_000;
function labelFormat(options: Intl.DateTimeFormatOptions): (date: string) => string {
  const format = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", ...options });
  const labels = new BoundedMemo<string, string>(LABELS_REMEMBERED);
  return (date) => labels.get(date, () => format.format(utc(date)));
}

const formatters = {
  day: labelFormat({ month: "long", day: "numeric", year: "numeric" }),
  longDay: labelFormat({ weekday: "long", month: "long", day: "numeric", year: "numeric" }),
  mediumDay: labelFormat({ month: "short", day: "numeric", year: "numeric" }),
  weekday: labelFormat({ weekday: "short", month: "short", day: "numeric" }),
  month: labelFormat({ month: "long", year: "numeric" }),
};

/** "August 20, 2025" */
export const dayLabel = (date: string) => formatters.day(date);
/** "Wednesday, August 20, 2025" */
export const longDayLabel = (date: string) => formatters.longDay(date);
/** "Aug 20, 2025": where a long date would wrap. */
export const mediumDayLabel = (date: string) => formatters.mediumDay(date);
/** "Wed, Aug 20" */
export const weekdayLabel = (date: string) => formatters.weekday(date);
/** "August 2025" for "2025-08" */
export const monthLabel = (yearMonth: string) => formatters.month(`${yearMonth}-01`);

export const dayUrl = (date: string) => `/${date.replaceAll("-", "/")}/`;
export const monthUrl = (yearMonth: string) => `/${yearMonth.replace("-", "/")}/`;
export const yearUrl = (year: number | string) => `/${year}/`;

/** The papers of a day are listed this many to a page: a day of 33,000 papers would otherwise be one page of 139 MB. */
export const DAY_PAGE_SIZE = 200;
/** Page 1 of a day is the day's own URL; later pages are `/2025/08/20/page/2/`. */
export const dayPageUrl = (date: string, pageNumber: number, base = dayUrl(date)) =>
  pageNumber === 1 ? base : `${base}page/${pageNumber}/`;
/** The entry of the paper at 0-based `position` (digest order) on its day's pages. */
export const dayEntryUrl = (date: string, position: number, slug: string) =>
  `${dayPageUrl(date, Math.floor(position / DAY_PAGE_SIZE) + 1)}#${slug}`;

/** "2025-08" as weeks of seven cells, Monday first, with the days that have a digest linked. */
export function monthGrid(yearMonth: string, days: ReadonlyMap<string, number>) {
  const first = utc(`${yearMonth}-01`);
  const length = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: ({ day: number; date: string; url?: string; count?: number } | null)[] = Array.from({ length: lead }, () => null);
  for (let day = 1; day <= length; day++) {
    const date = `${yearMonth}-${String(day).padStart(2, "0")}`;
    const count = days.get(date);
    cells.push(count === undefined ? { day, date } : { day, date, url: dayUrl(date), count });
  }
  while (cells.length % 7) cells.push(null);
  const weeks = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return { label: monthLabel(yearMonth), url: monthUrl(yearMonth), weeks };
}
