import path from "node:path";
import { isoCalendarDate } from "./month-day.ts";

export type FileNameDate = { ok: true; date: string } | { ok: false; message: string };

const DATED_NAME = /^(\d{4})-(\d{2})-(\d{2})(?:[-_.][^/]*)?\.(txt|json)$/i;
/** A browser's name for a second download of the same file: "2025-08-21 (1).txt". */
const DOWNLOAD_COPY = /^(\d{4}-\d{2}-\d{2}) \(\d+\)(\.\w+)$/;
/** arXiv began in 1991: a digest dated earlier is a typo (0099 for 2099, 2205 is still possible). */
export const FIRST_DIGEST_YEAR = 1991;

/**
 * A digest's date comes from its file name (`2025-08-20.txt`, `2025-08-22-extra.txt`),
 * because the page itself shows only a month and day.
 */
export function digestDateFromFileName(filePath: string): FileNameDate {
  const name = path.basename(filePath);
  const match = DATED_NAME.exec(name);
  const extension = path.extname(name) || ".txt";
  const copy = DOWNLOAD_COPY.exec(name);
  if (copy) {
    const [, date = "", copyExtension = ""] = copy;
    return {
      ok: false,
      message: `the name looks like a browser's second download of ${date}${copyExtension}; rename it to ${date}${copyExtension} if it replaces that file, or to ${date}-2${copyExtension} if it is another digest of the same day`,
    };
  }
  if (!match) {
    return {
      ok: false,
      message: `the file name does not start with the digest's date; rename it to YYYY-MM-DD${extension} (for example 2025-08-20${extension}), optionally with a suffix such as 2025-08-20-extra${extension}`,
    };
  }
  const [, year = "", month = "", day = ""] = match;
  const date = isoCalendarDate(Number(year), Number(month), Number(day));
  if (!date) return { ok: false, message: `the file name's date ${year}-${month}-${day} is not a calendar date` };
  if (Number(year) < FIRST_DIGEST_YEAR) {
    return {
      ok: false,
      message: `the file name's year ${year} is before ${FIRST_DIGEST_YEAR}, when arXiv began; is it a typo (for example 0099 for 2099)?`,
    };
  }
  return { ok: true, date };
}

/**
 * The date a parser should use: the one given (ingest's --date), else the file
 * name's; a file name without one is reported as a whole-file problem (line 0).
 */
export function digestDate(file: string, given: string | undefined, report: (line: number, message: string) => void): string | undefined {
  if (given) {
    // The same bound as for a file name: ingest must not store what the build would then refuse.
    if (Number(given.slice(0, 4)) >= FIRST_DIGEST_YEAR) return given;
    report(0, `the date ${given} is before ${FIRST_DIGEST_YEAR}, when arXiv began; is the year a typo (for example 0099 for 2099)?`);
    return undefined;
  }
  const fromName = digestDateFromFileName(file);
  if (fromName.ok) return fromName.date;
  report(0, fromName.message);
  return undefined;
}
