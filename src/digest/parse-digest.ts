import type { CardMetadata, Digest, DigestEntry, DigestProblem } from "../model/types.ts";
import { classifyCardLine, isCardMarker } from "./card-line.ts";
import { describeRemoved, foldWhitespace, removeNonText, stripByteOrderMark } from "./digest-text.ts";
import { checkRepeatedPapers } from "./repeated-papers.ts";
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
  /** What was skipped or cleaned without stopping the build (unknown chrome, control characters), each with its line. */
  warnings: DigestProblem[];
  /** The page's own date line, so callers (ingest) can date a file that has no dated name. */
  dateLine?: MonthDay & { line: number };
}

/**
 * Page chrome of a saved Daily Papers page: the header above the date line, the
 * Daily/Weekly/Monthly tabs, the site's navigation and footer. Never a paper.
 */
const CHROME = new Set([
  "new",
  "Hugging Face",
  "Models",
  "Datasets",
  "Spaces",
  "Community",
  "Posts",
  "Docs",
  "Enterprise",
  "Pricing",
  "Log In",
  "Sign Up",
  "Search",
  "Search models, datasets, users...",
  "Submit paper",
  "Previous",
  "Next",
  "Trending",
  "System theme",
  "Company",
  "TOS",
  "Privacy",
  "About",
  "Jobs",
  "Website",
  "Tasks",
  "Learn",
  "Blog",
  "Forum",
  "Careers",
  "Status",
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
/** A title paragraph longer than this is an abstract whose title is missing, unless it reads as a title. */
const MAX_TITLE_LENGTH = 300;
/** Longest line taken as an organisation's name or as a piece of chrome. */
const MAX_NAME = 80;
/** A word, a full stop and a capital: the inside of prose, which a title (however long) does not have. */
const SENTENCE_BOUNDARY = /\p{Ll}{2,}\.\s+\p{Lu}/u;

/** Text that reads as a title, however long: no sentence ends inside it and it does not end as a sentence. */
export function readsAsTitle(text: string): boolean {
  return !SENTENCE_BOUNDARY.test(text) && !/\p{Ll}{2,}\.$/u.test(text);
}

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
  const warnings: DigestProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, message });
  const warn = (line: number, message: string) => warnings.push({ file, line, message });

  const date = digestDate(file, options.date, report);

  const lines = splitLines(source, warn);
  if (lines.every((line) => line.text === "")) {
    report(1, "the file is empty; a digest needs a date line (like 'Aug 20') and at least one title and abstract");
    return { problems, warnings };
  }

  const header = readHeader(lines);
  if (header.dateLine)
    for (const line of header.skipped)
      warn(line.number, `skipped "${excerpt(line.text)}" above the date line: page chrome this parser does not know`);
  if (!header.dateLine) {
    const first = lines[header.bodyStart];
    report(
      first?.number ?? 1,
      `expected the digest's date line (like 'Aug 20') before the first paper${first ? `, found "${excerpt(first.text)}"` : ""}`,
    );
  } else if (date) {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    const { month: lineMonth, day: lineDay, year: lineYear } = header.dateLine;
    const lineDate = isoCalendarDate(lineYear ?? year, lineMonth, lineDay);
    if (lineMonth !== month || lineDay !== day || (lineYear !== undefined && lineYear !== year)) {
      report(
        header.dateLine.line,
        `the date line says ${lineDate ?? `${lineMonth}/${lineDay}`} but the file name says ${date}; fix whichever is wrong`,
      );
    }
  }

  const body = lines.slice(header.bodyStart);
  const cardLayout = body.some((line) => isCardMarker(line.text));
  const entries = cardLayout ? readCardEntries(body, date, report, warn) : readPlainEntries(body, report);
  checkRepeatedPapers(entries, report);
  if (entries.length === 0 && problems.length === 0) {
    report(header.dateLine?.line ?? 1, "no papers found after the date line: a digest needs at least one title followed by its abstract");
  }

  const result: ParsedDigest = { problems, warnings };
  if (header.dateLine) result.dateLine = header.dateLine;
  if (problems.length === 0 && date) result.digest = { file, date, entries };
  return result;
}

function splitLines(source: string, warn: Report): Line[] {
  const text = stripByteOrderMark(source).normalize("NFC");
  return text.split(/\r\n|\r|\n/).map((raw, index) => {
    const cleaned = removeNonText(raw);
    const removed = describeRemoved(cleaned.removed);
    if (removed) warn(index + 1, removed);
    return { text: foldWhitespace(cleaned.text), number: index + 1 };
  });
}

/** Lines above the date line that may be unknown chrome; a longer one is the body starting without a date line. */
const MAX_HEADER_LINES = 12;

function readHeader(lines: Line[]): { dateLine?: MonthDay & { line: number }; bodyStart: number; skipped: Line[] } {
  const skipped: Line[] = [];
  let firstUnknown: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.text === "" || CHROME.has(line.text)) continue;
    const monthDay = parseMonthDay(line.text);
    if (monthDay) return { dateLine: { ...monthDay, line: line.number }, bodyStart: index + 1, skipped };
    firstUnknown ??= index;
    // Short lines of a site header the parser does not know yet; anything like a title or prose ends the search.
    if (skipped.length >= MAX_HEADER_LINES || line.text.length > MAX_NAME || isCardMarker(line.text)) break;
    skipped.push(line);
  }
  return { bodyStart: firstUnknown ?? lines.length, skipped: [] };
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

function joined(lines: readonly Line[]): string {
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
    const followedByAbstract = (paragraphs[index + 1] && joined(paragraphs[index + 1]!.lines).length > 0) === true;
    if (title.length > MAX_TITLE_LENGTH && !(followedByAbstract && readsAsTitle(title))) {
      report(
        firstLine.number,
        `expected a title but found a paragraph of ${title.length} characters ("${excerpt(title)}"); is a title missing, or an abstract split by a blank line?`,
      );
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

function entry(titleLines: Line[], abstractLines: readonly Line[], card: CardMetadata, authors: string[] = []): DigestEntry {
  return { title: joined(titleLines), abstract: joined(abstractLines), line: titleLines[0]!.number, card, authors };
}

type CardPhase = "before-title" | "title" | "after-title" | "abstract" | "after-abstract";

interface CardDraft {
  card: CardMetadata;
  /** Text paragraphs before the title: the organisation line, or the title itself when no paper URL marks it. */
  leading: Line[][];
  title: Line[];
  /** The abstract's paragraphs. */
  abstract: Line[][];
  /** Text paragraphs after the abstract: a second abstract paragraph, the next card's organisation, or chrome. */
  pending: Line[][];
  sawPaperUrl: boolean;
  sawLinks: boolean;
  awaitingSubmitter: boolean;
  /** After an organisation card's link: its "·" and date belong to the organisation, not the paper. */
  inOrganizationCard: boolean;
}

const newDraft = (): CardDraft => ({
  card: {},
  leading: [],
  title: [],
  abstract: [],
  pending: [],
  sawPaperUrl: false,
  sawLinks: false,
  awaitingSubmitter: false,
  inOrganizationCard: false,
});

/** A paragraph after an abstract that reads as more of it: long, or ending as a sentence does. */
const readsAsProse = (paragraph: Line[]) => {
  const text = joined(paragraph);
  return text.length >= 120 || (text.length >= 40 && /[.!?:;)\]]$/.test(text)) || SENTENCE_BOUNDARY.test(text);
};

/** A short line that can name an organisation on a card: no sentence punctuation at its end. */
const readsAsName = (paragraph: Line[]) =>
  paragraph.length === 1 && joined(paragraph).length <= MAX_NAME && !/[.!?]$/.test(joined(paragraph));

/**
 * Card layout: a small state machine over lines. The paper URL before and after
 * a title marks the title; metadata lines belong to the card they sit in, and
 * "Submitted by" or a new paper's URL after an abstract starts the next card.
 * Inside an abstract only those two end it, so a wrapped line that happens to be
 * a date or a number stays text; text paragraphs after an abstract are held until
 * the next card shows whether they continue it or name the next card's organisation.
 */
function readCardEntries(lines: Line[], digestDate: string | undefined, report: Report, warn: Report): DigestEntry[] {
  const entries: DigestEntry[] = [];
  let draft = newDraft();
  let phase: CardPhase = "before-title";

  const skipChrome = (paragraph: Line[]) => {
    for (const line of paragraph)
      warn(line.number, `skipped "${excerpt(line.text)}": not a title, an abstract or card chrome this parser knows`);
  };

  /** Pending paragraphs: prose continues the abstract; the rest is chrome. `keepLast` hands the last one to the next card. */
  const settlePending = (handOver: boolean): Line[] | undefined => {
    const pending = draft.pending.filter((paragraph) => paragraph.length > 0);
    let handed: Line[] | undefined;
    if (handOver && pending.length > 0 && readsAsName(pending[pending.length - 1]!)) handed = pending.pop();
    for (const paragraph of pending) {
      if (readsAsProse(paragraph)) draft.abstract.push(paragraph);
      else skipChrome(paragraph);
    }
    draft.pending = [];
    return handed;
  };

  const finish = (handOver = false) => {
    const handed = settlePending(handOver);
    draft.leading = draft.leading.filter((paragraph) => paragraph.length > 0);
    const abstract = draft.abstract.flat();
    if (draft.title.length === 0 && abstract.length === 0 && draft.leading.length >= 2 && !draft.sawPaperUrl) {
      // A card without paper URLs whose abstract is too short to mark itself: title, then abstract.
      draft.abstract = [draft.leading.pop()!];
      draft.title = draft.leading.pop()!;
    }
    const { title } = draft;
    const body = draft.abstract.flat();
    if (title.length === 0 && body.length === 0 && draft.leading.length > 0) {
      // Trailing text after the last abstract with no abstract of its own: a title cut off by truncation.
      const last = draft.leading[draft.leading.length - 1]!;
      report(last[0]!.number, `the title "${excerpt(joined(last))}" has no abstract after it; is the file truncated?`);
    } else if (title.length > 0 && body.length === 0) {
      report(title[0]!.number, `the title "${excerpt(joined(title))}" has no abstract after it; is the file truncated?`);
    } else if (title.length === 0 && body.length > 0) {
      report(body[0]!.number, `found an abstract ("${excerpt(joined(body))}") with no title before it`);
    } else if (title.length > 0) {
      const names = draft.leading.filter(readsAsName);
      for (const paragraph of draft.leading) if (!readsAsName(paragraph)) skipChrome(paragraph);
      const organization = [draft.card.organization, ...names.map(joined)].filter(Boolean).join(" · ");
      if (organization) draft.card.organization = organization;
      entries.push(entry(title, body, draft.card));
    }
    draft = newDraft();
    phase = "before-title";
    if (handed) draft.leading.push(handed);
  };

  // Text before any title marker: with no paper URL, the last leading paragraph is the title.
  const promoteLeadingToTitle = (): boolean => {
    draft.leading = draft.leading.filter((paragraph) => paragraph.length > 0);
    const last = draft.leading.pop();
    if (!last) return false;
    draft.title = last;
    return true;
  };

  const hasContent = () => draft.title.length > 0 || draft.abstract.length > 0 || draft.leading.some((paragraph) => paragraph.length > 0);

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.text === "") {
      if (phase === "title") phase = "after-title";
      else if (phase === "abstract") phase = "after-abstract";
      else if (phase === "before-title") closeParagraph(draft.leading);
      else if (phase === "after-abstract") closeParagraph(draft.pending);
      continue;
    }
    let kind = classifyCardLine(line.text);
    if (phase === "abstract" && kind.kind !== "submitted-by" && !(kind.kind === "paper-url" && kind.arxivId !== draft.card.arxivId)) {
      kind = { kind: "text" };
    }
    if (kind.kind !== "text") {
      const inBody = phase === "abstract" || phase === "after-abstract";
      const newPaper = kind.kind === "paper-url" && (inBody || (draft.card.arxivId !== undefined && kind.arxivId !== draft.card.arxivId));
      const newSubmission = kind.kind === "submitted-by" && (inBody || draft.card.submitter !== undefined || draft.awaitingSubmitter);
      if (kind.kind === "organization-url" && inBody) {
        // An organisation card after an abstract opens the next card.
        const pending = draft.pending.filter((paragraph) => paragraph.length > 0);
        const name = pending.length > 0 && readsAsName(pending[pending.length - 1]!) ? pending.pop() : undefined;
        draft.pending = pending;
        finish();
        if (name) draft.leading.push(name);
        readOrganizationCard(draft, kind.url, phase);
        continue;
      }
      if (newPaper || newSubmission) finish(newPaper);
      else if (kind.kind === "submitted-by" && hasContent() && !draft.sawPaperUrl) finish();
      if (phase === "abstract") phase = "after-abstract";
      if (phase === "title") phase = "after-title";
      if (phase === "before-title") closeParagraph(draft.leading);
      if (kind.kind === "organization-url") {
        readOrganizationCard(draft, kind.url, phase);
        continue;
      }
      if (draft.inOrganizationCard && (kind.kind === "published" || kind.kind === "noise")) {
        if (kind.kind === "published") draft.inOrganizationCard = false;
        continue;
      }
      draft.inOrganizationCard = false;
      applyCardLine(draft, kind, digestDate);
      if (kind.kind === "paper-url" && phase === "before-title") draft.sawPaperUrl = true;
      continue;
    }
    if (phase !== "title" && phase !== "abstract" && CHROME.has(line.text)) continue;
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
        } else if (line.text.length > MAX_TITLE_LINE && !readsAsTitle(line.text) && promoteLeadingToTitle()) {
          draft.abstract = [[line]];
          phase = "abstract";
        } else {
          const open = draft.leading[draft.leading.length - 1];
          if (open) open.push(line);
          else draft.leading.push([line]);
        }
        break;
      }
      case "title":
        if (line.text.length > MAX_TITLE_LINE && !readsAsTitle(line.text)) {
          draft.abstract = [[line]];
          phase = "abstract";
        } else draft.title.push(line);
        break;
      case "after-title": {
        // A short line alone between a card's chrome and its abstract is chrome this parser does not know.
        const next = lines[index + 1];
        const alone = !next || next.text === "" || classifyCardLine(next.text).kind !== "text";
        if (draft.sawPaperUrl && alone && line.text.length < MAX_NAME && !/[.!?]$/.test(line.text)) {
          skipChrome([line]);
          break;
        }
        draft.abstract = [[line]];
        phase = "abstract";
        break;
      }
      case "abstract":
        draft.abstract[draft.abstract.length - 1]!.push(line);
        break;
      case "after-abstract": {
        const open = draft.pending[draft.pending.length - 1];
        if (open) open.push(line);
        else draft.pending.push([line]);
        break;
      }
    }
  }
  finish();
  return entries;
}

/**
 * An organisation card: its name on the line before its link (" Google",
 * "https://huggingface.co/google"), then a "·" and a date that are the
 * organisation's, not the paper's.
 */
function readOrganizationCard(draft: CardDraft, url: string, phase: CardPhase): void {
  draft.card.organizationUrl = url;
  draft.inOrganizationCard = true;
  const source = phase === "after-abstract" ? draft.pending : draft.leading;
  const paragraphs = source.filter((paragraph) => paragraph.length > 0);
  const last = paragraphs[paragraphs.length - 1];
  if (last && readsAsName(last)) {
    source.splice(source.lastIndexOf(last), 1);
    draft.card.organization = joined(last);
  }
}

function closeParagraph(paragraphs: Line[][]): void {
  const last = paragraphs[paragraphs.length - 1];
  if (last && last.length > 0) paragraphs.push([]);
}

function applyCardLine(
  draft: CardDraft,
  line: Exclude<ReturnType<typeof classifyCardLine>, { kind: "text" }>,
  digestDate: string | undefined,
): void {
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
    case "organization-url":
      break;
  }
}
