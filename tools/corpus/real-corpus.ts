/**
 * Real titles and abstracts laid out as daily digests: the arXiv papers of
 * ../shared/real/arxiv-abstracts.jsonl.gz in file order, `perDay` to a day,
 * consecutive days from `start`, in the plain digest layout. A pure function
 * of the papers and the options, so the files are byte-identical every time.
 */
import fs from "node:fs";
import path from "node:path";
import { isCardMarker } from "../../src/digest/card-line.ts";
import { parseMonthDay } from "../../src/digest/month-day.ts";
import { addDays } from "./generate.ts";
import { monthDay } from "./format.ts";
import type { RealPaper } from "./real-text.ts";

const HEADER = ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers", "byAK and the research community"];
/** The digest parser reads a longer line as an abstract (MAX_TITLE_LINE in src/digest/parse-digest.ts). */
const MAX_TITLE = 200;

export interface RealCorpusOptions {
  days: number;
  perDay: number;
  /** First day, YYYY-MM-DD. */
  start: string;
}

export interface RealCorpusDay {
  date: string;
  fileName: string;
  text: string;
  papers: RealPaper[];
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Whether a paper reads back as itself in the plain layout: a one-line title
 * short enough to be a title, an abstract, and neither looking like page
 * chrome, a card line or a date line. The few that do not are left out.
 */
export function fitsPlainLayout(paper: RealPaper): boolean {
  const title = oneLine(paper.title);
  const abstract = oneLine(paper.abstract);
  if (title === "" || abstract === "" || title.length > MAX_TITLE) return false;
  return [title, abstract].every((text) => !HEADER.includes(text) && !isCardMarker(text) && !parseMonthDay(text));
}

/** The days of the corpus: `days` × `perDay` papers, the first that fit the layout, in file order. */
export function* realDigestDays(papers: readonly RealPaper[], options: RealCorpusOptions): Generator<RealCorpusDay> {
  const needed = options.days * options.perDay;
  const usable: RealPaper[] = [];
  for (const paper of papers) {
    if (usable.length === needed) break;
    if (fitsPlainLayout(paper)) usable.push(paper);
  }
  if (usable.length < needed) {
    throw new Error(
      `${options.days} days of ${options.perDay} need ${needed} real papers, but only ${usable.length} fit the digest layout`,
    );
  }
  for (let day = 0; day < options.days; day++) {
    const date = addDays(options.start, day);
    const dayPapers = usable.slice(day * options.perDay, (day + 1) * options.perDay);
    const blocks = [...HEADER, monthDay(date), ...dayPapers.flatMap((paper) => [oneLine(paper.title), oneLine(paper.abstract)])];
    yield { date, fileName: `${date}.txt`, text: `${blocks.join("\n\n")}\n`, papers: dayPapers };
  }
}

/** Writes the days into `folder` (which must hold no digests yet); returns them without their text. */
export function writeRealCorpus(papers: readonly RealPaper[], options: RealCorpusOptions, folder: string): Omit<RealCorpusDay, "text">[] {
  fs.mkdirSync(folder, { recursive: true });
  const written: Omit<RealCorpusDay, "text">[] = [];
  for (const { text, ...day } of realDigestDays(papers, options)) {
    fs.writeFileSync(path.join(folder, day.fileName), text);
    written.push(day);
  }
  return written;
}
