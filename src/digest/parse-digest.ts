import type { CardMetadata, Digest, DigestEntry, DigestProblem } from "../model/types.ts";
import { classifyCardLine, isCardMarker } from "./card-line.ts";
import { digestDate } from "./file-name-date.ts";
import { isoCalendarDate, parseMonthDay, type MonthDay } from "./month-day.ts";

export interface ParseDigestOptions {
  /** The digest's date when it is known from elsewhere (ingest's --date); otherwise from the file name. */
  date?: string;
}

export interface ParsedDigest {
  /** Present when there were no problems. */
  digest?: Digest;
  problems: DigestProblem[];
  /** The page's own date line, so callers (ingest) can date a file that has no dated name. */
  dateLine?: MonthDay & { line: number };
}

/** Page chrome of a saved Daily Papers page, above the date line. */
const CHROME = new Set([
  "new",
  "Get trending papers in your email inbox!",
  "Get trending papers in your email inbox once a day!",
  "Subscribe",
  "Daily Papers",
  "byAK and the research community",
  "by AK and the research community",
  "Daily",
  "Weekly",
  "Monthly",
]);

/** Longest line we accept as part of a title; longer text is an abstract. */
const MAX_TITLE_LINE = 200;
/** A title paragraph longer than this is almost certainly an abstract whose title is missing. */
const MAX_TITLE_LENGTH = 300;

interface Line {
  text: string;
  number: number;
}

/**
 * Reads one raw digest: the plain layout (title and abstract paragraphs) or
 * the card layout (each paper wrapped in card chrome). Every problem found is
 * reported, each with its line, rather than stopping at the first.
 */
export function parseDigest(source: string, file: string, options: ParseDigestOptions = {}): ParsedDigest {
  const problems: DigestProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, message });

  const date = digestDate(file, options.date, report);

  const lines = splitLines(source);
  if (lines.every((line) => line.text === "")) {
    report(1, "the file is empty; a digest needs a date line (like 'Aug 20') and at least one title and abstract");
    return { problems };
  }

  const header = readHeader(lines);
  if (!header.dateLine) {
    const first = lines[header.bodyStart];
    report(first?.number ?? 1, `expected the digest's date line (like 'Aug 20') before the first paper${first ? `, found "${excerpt(first.text)}"` : ""}`);
  } else if (date) {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    const { month: lineMonth, day: lineDay, year: lineYear } = header.dateLine;
    const lineDate = isoCalendarDate(lineYear ?? year, lineMonth, lineDay);
    if (lineMonth !== month || lineDay !== day || (lineYear !== undefined && lineYear !== year)) {
      report(header.dateLine.line, `the date line says ${lineDate ?? `${lineMonth}/${lineDay}`} but the file name says ${date}; fix whichever is wrong`);
    }
  }

  const body = lines.slice(header.bodyStart);
  const cardLayout = body.some((line) => isCardMarker(line.text));
  const entries = cardLayout ? readCardEntries(body, date, report) : readPlainEntries(body, report);
  if (entries.length === 0 && problems.length === 0) {
    report(header.dateLine?.line ?? 1, "no papers found after the date line: a digest needs at least one title followed by its abstract");
  }

  const result: ParsedDigest = { problems };
  if (header.dateLine) result.dateLine = header.dateLine;
  if (problems.length === 0 && date) result.digest = { file, date, entries };
  return result;
}

function splitLines(source: string): Line[] {
  const text = source.replace(/^\uFEFF/, "").normalize("NFC");
  return text.split(/\r\n|\r|\n/).map((raw, index) => ({ text: raw.replace(/\s+/g, " ").trim(), number: index + 1 }));
}

function readHeader(lines: Line[]): { dateLine?: MonthDay & { line: number }; bodyStart: number } {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.text === "" || CHROME.has(line.text)) continue;
    const monthDay = parseMonthDay(line.text);
    if (monthDay) return { dateLine: { ...monthDay, line: line.number }, bodyStart: index + 1 };
    return { bodyStart: index };
  }
  return { bodyStart: lines.length };
}

type Report = (line: number, message: string) => void;

interface Paragraph {
  lines: Line[];
}

function paragraphsOf(lines: Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text === "") {
      if (current.length) paragraphs.push({ lines: current });
      current = [];
    } else current.push(line);
  }
  if (current.length) paragraphs.push({ lines: current });
  return paragraphs;
}

function joined(lines: Line[]): string {
  return lines.map((line) => line.text).join(" ");
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Plain layout: paragraphs alternate title, abstract; a title may wrap onto a second line. */
function readPlainEntries(lines: Line[], report: Report): DigestEntry[] {
  const entries: DigestEntry[] = [];
  const paragraphs = paragraphsOf(lines).filter((paragraph) => !(paragraph.lines.length === 1 && CHROME.has(paragraph.lines[0]!.text)));
  let index = 0;
  while (index < paragraphs.length) {
    const titleParagraph = paragraphs[index]!;
    const firstLine = titleParagraph.lines[0]!;
    // A title line followed directly by its abstract, with no blank line between.
    const abstractStart = titleParagraph.lines.findIndex((line, position) => position > 0 && line.text.length > MAX_TITLE_LINE);
    if (abstractStart > 0) {
      entries.push(entry(titleParagraph.lines.slice(0, abstractStart), titleParagraph.lines.slice(abstractStart), {}));
      index += 1;
      continue;
    }
    const title = joined(titleParagraph.lines);
    if (title.length > MAX_TITLE_LENGTH) {
      report(firstLine.number, `expected a title but found a paragraph of ${title.length} characters ("${excerpt(title)}"); is a title missing, or an abstract split by a blank line?`);
      index += 1;
      continue;
    }
    const abstractParagraph = paragraphs[index + 1];
    if (!abstractParagraph) {
      report(firstLine.number, `the title "${excerpt(title)}" has no abstract after it; is the file truncated?`);
      break;
    }
    entries.push(entry(titleParagraph.lines, abstractParagraph.lines, {}));
    index += 2;
  }
  return entries;
}

function entry(titleLines: Line[], abstractLines: Line[], card: CardMetadata, authors: string[] = []): DigestEntry {
  return { title: joined(titleLines), abstract: joined(abstractLines), line: titleLines[0]!.number, card, authors };
}

type CardPhase = "before-title" | "title" | "after-title" | "abstract" | "after-abstract";

interface CardDraft {
  card: CardMetadata;
  /** Text before the title: the organisation line, or the title itself when no paper URL marks it. */
  leading: Line[][];
  title: Line[];
  abstract: Line[];
  sawPaperUrl: boolean;
  sawLinks: boolean;
  awaitingSubmitter: boolean;
}

const newDraft = (): CardDraft => ({ card: {}, leading: [], title: [], abstract: [], sawPaperUrl: false, sawLinks: false, awaitingSubmitter: false });

/**
 * Card layout: a small state machine over lines. The paper URL before and after
 * a title marks the title; metadata lines belong to the card they sit in, and
 * "Submitted by" or a new paper's URL after an abstract starts the next card.
 */
function readCardEntries(lines: Line[], digestDate: string | undefined, report: Report): DigestEntry[] {
  const entries: DigestEntry[] = [];
  let draft = newDraft();
  let phase: CardPhase = "before-title";

  const finish = () => {
    const { title, abstract } = draft;
    draft.leading = draft.leading.filter((paragraph) => paragraph.length > 0);
    if (title.length === 0 && abstract.length === 0 && draft.leading.length > 0) {
      // Trailing text after the last abstract with no abstract of its own: a title cut off by truncation.
      const last = draft.leading[draft.leading.length - 1]!;
      report(last[0]!.number, `the title "${excerpt(joined(last))}" has no abstract after it; is the file truncated?`);
    } else if (title.length > 0 && abstract.length === 0) {
      report(title[0]!.number, `the title "${excerpt(joined(title))}" has no abstract after it; is the file truncated?`);
    } else if (title.length === 0 && abstract.length > 0) {
      report(abstract[0]!.number, `found an abstract ("${excerpt(joined(abstract))}") with no title before it`);
    } else if (title.length > 0) {
      const organization = draft.leading.map(joined).join(" · ");
      if (organization) draft.card.organization = organization;
      entries.push(entry(title, abstract, draft.card));
    }
    draft = newDraft();
    phase = "before-title";
  };

  // Text before any title marker: with no paper URL, the last leading paragraph is the title.
  const promoteLeadingToTitle = (): boolean => {
    draft.leading = draft.leading.filter((paragraph) => paragraph.length > 0);
    const last = draft.leading.pop();
    if (!last) return false;
    draft.title = last;
    return true;
  };

  for (const line of lines) {
    if (line.text === "") {
      if (phase === "title") phase = "after-title";
      else if (phase === "abstract") phase = "after-abstract";
      else if (phase === "before-title") closeLeadingParagraph(draft);
      continue;
    }
    const kind = classifyCardLine(line.text);
    if (kind.kind !== "text") {
      const startsNextCard =
        kind.kind === "submitted-by" || (kind.kind === "paper-url" && draft.card.arxivId !== undefined && kind.arxivId !== draft.card.arxivId);
      if (startsNextCard && (phase === "abstract" || phase === "after-abstract")) finish();
      if (phase === "abstract") phase = "after-abstract";
      if (phase === "title") phase = "after-title";
      if (phase === "before-title") closeLeadingParagraph(draft);
      applyCardLine(draft, kind, digestDate);
      if (kind.kind === "paper-url" && phase === "before-title") draft.sawPaperUrl = true;
      continue;
    }
    if (phase === "before-title" && CHROME.has(line.text)) continue;
    if (draft.awaitingSubmitter) {
      draft.card.submitter = line.text;
      draft.awaitingSubmitter = false;
      continue;
    }
    switch (phase) {
      case "before-title": {
        if (draft.sawPaperUrl) {
          draft.title = [line];
          phase = "title";
        } else if (line.text.length > MAX_TITLE_LINE && promoteLeadingToTitle()) {
          draft.abstract = [line];
          phase = "abstract";
        } else {
          const open = draft.leading[draft.leading.length - 1];
          if (open) open.push(line);
          else draft.leading.push([line]);
        }
        break;
      }
      case "title":
        if (line.text.length > MAX_TITLE_LINE) {
          draft.abstract = [line];
          phase = "abstract";
        } else draft.title.push(line);
        break;
      case "after-title":
        draft.abstract = [line];
        phase = "abstract";
        break;
      case "abstract":
        draft.abstract.push(line);
        break;
      case "after-abstract":
        finish();
        draft.leading.push([line]);
        break;
    }
  }
  finish();
  return entries;
}

function closeLeadingParagraph(draft: CardDraft): void {
  const last = draft.leading[draft.leading.length - 1];
  if (last && last.length > 0) draft.leading.push([]);
}

function applyCardLine(draft: CardDraft, line: Exclude<ReturnType<typeof classifyCardLine>, { kind: "text" }>, digestDate: string | undefined): void {
  const card = draft.card;
  switch (line.kind) {
    case "submitted-by":
      draft.awaitingSubmitter = true;
      break;
    case "paper-url":
      card.arxivId ??= line.arxivId;
      break;
    case "authors":
      card.authorCount = line.count;
      break;
    case "published": {
      const year = line.date.year ?? Number(digestDate?.slice(0, 4));
      const iso = Number.isFinite(year) ? isoCalendarDate(year, line.date.month, line.date.day) : undefined;
      if (iso) card.publishedOn = iso;
      break;
    }
    case "count":
      // The first bare number on a card is its upvote count; one after the links is the comment count.
      if (card.upvotes === undefined && !draft.sawLinks) card.upvotes = line.value;
      else card.comments = line.value;
      break;
    case "github":
      card.githubStars = line.stars;
      draft.sawLinks = true;
      break;
    case "comments":
      card.comments = line.count;
      break;
    case "arxiv-page":
      draft.sawLinks = true;
      break;
    case "noise":
      break;
  }
}
