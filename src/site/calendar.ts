/** Calendar dates in UTC throughout: a digest date is a day, not an instant. */

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const formatters = {
  day: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", day: "numeric", year: "numeric" }),
  longDay: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric", year: "numeric" }),
  shortDay: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" }),
  month: new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", year: "numeric" }),
};

/** "August 20, 2025" */
export const dayLabel = (date: string) => formatters.day.format(utc(date));
/** "Wednesday, August 20, 2025" */
export const longDayLabel = (date: string) => formatters.longDay.format(utc(date));
/** "Aug 20" */
export const shortDayLabel = (date: string) => formatters.shortDay.format(utc(date));
/** "August 2025" for "2025-08" */
export const monthLabel = (yearMonth: string) => formatters.month.format(utc(`${yearMonth}-01`));

export const dayUrl = (date: string) => `/${date.replaceAll("-", "/")}/`;
export const monthUrl = (yearMonth: string) => `/${yearMonth.replace("-", "/")}/`;
export const yearUrl = (year: number | string) => `/${year}/`;
