const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export interface MonthDay {
  month: number;
  day: number;
  year?: number;
}

// "Aug 20", "August 20", "Aug. 20", "Aug 20, 2025", "Sept 3"
const MONTH_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$/;

/** Reads a page's date line (or a card's date) as a month and day, with the year when it is written. */
export function parseMonthDay(text: string): MonthDay | undefined {
  const match = MONTH_DAY.exec(text.trim());
  if (!match) return undefined;
  const [, monthName = "", dayText = "", yearText] = match;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  const fullNames = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ];
  const lower = monthName.toLowerCase();
  const spelledOk = month > 0 && (lower.length === 3 || lower === "sept" || fullNames[month - 1] === lower);
  const day = Number(dayText);
  if (!spelledOk || day < 1 || day > 31) return undefined;
  return yearText === undefined ? { month, day } : { month, day, year: Number(yearText) };
}

/** A real calendar date as YYYY-MM-DD, or undefined for 2025-02-30 and the like. */
export function isoCalendarDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(2000, month - 1, day));
  // Date.UTC reads years 0-99 as 1900-1999; setting the year afterwards keeps 0099 as 0099.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

export function monthName(month: number): string {
  return (
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1] ??
    ""
  );
}

/** The real calendar date a text starts with ("2025-08-21T17:59:59Z", "2025-08-21-extra.txt"), or undefined. */
export function leadingCalendarDate(text: string | null | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text ?? "");
  return match ? isoCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}
