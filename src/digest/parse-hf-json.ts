/**
 * Reads a digest stored as the JSON array the Hugging Face daily papers API
 * returns (`https://huggingface.co/api/daily_papers?date=YYYY-MM-DD`).
 *
 * Each entry looks like
 *   { paper: { id, title, summary, authors: [{ name }], upvotes, publishedAt,
 *              submittedOnDailyAt, submittedOnDailyBy, githubStars, organization, ... },
 *     title, summary, publishedAt, numComments, submittedBy, organization, thumbnail, ... }
 * plus, on newer days, githubRepo, projectPage, ai_keywords and an organisation.
 * Only a title and a summary are required; every other field is optional, may be
 * null, and fields we do not know are ignored (the API grows new ones). A field
 * we do read must have the right type, because a wrong one means the file is
 * not what we think it is.
 */
import { z } from "zod";
import type { CardMetadata, DigestEntry, DigestProblem } from "../model/types.ts";
import { describeRemoved, foldWhitespace, removeNonText, stripByteOrderMark, type RemovedCharacters } from "./digest-text.ts";
import { digestDate } from "./file-name-date.ts";
import { checkRepeatedPapers } from "./repeated-papers.ts";
import { leadingCalendarDate } from "./month-day.ts";
import type { ParseDigestOptions, ParsedDigest } from "./parse-digest.ts";

export interface ParsedHfJson extends ParsedDigest {
  /**
   * The day most entries were submitted to Daily Papers (`submittedOnDailyAt`),
   * so callers (ingest) can date a file that has no dated name.
   */
  submittedOn?: string;
}

const ARXIV_ID = /^\d{4}\.\d{4,5}$/;

const person = z.object({
  user: z.string().nullish(),
  name: z.string().nullish(),
  fullname: z.string().nullish(),
});

// The API sends an object ({ name, fullname, avatar }); a hand-written file may just name it.
const organization = z.union([z.string(), z.object({ name: z.string().nullish(), fullname: z.string().nullish() })]);

/** The Hugging Face page of an organisation, from its account name ("google" → https://huggingface.co/google). */
const ORGANIZATION_NAME = /^[A-Za-z0-9][\w.-]*$/;

const author = z.union([z.string(), z.object({ name: z.string().nullish() })]);

const count = z.number().int().nonnegative();

const paperSchema = z.object({
  id: z.string().nullish(),
  title: z.string().nullish(),
  summary: z.string().nullish(),
  authors: z.array(author).nullish(),
  upvotes: count.nullish(),
  publishedAt: z.string().nullish(),
  submittedOnDailyAt: z.string().nullish(),
  submittedOnDailyBy: person.nullish(),
  githubStars: z.union([count, z.string()]).nullish(),
  organization: organization.nullish(),
  githubRepo: z.string().nullish(),
  projectPage: z.string().nullish(),
  ai_keywords: z.array(z.string()).nullish(),
});

const entrySchema = z.object({
  paper: paperSchema.nullish(),
  title: z.string().nullish(),
  summary: z.string().nullish(),
  publishedAt: z.string().nullish(),
  numComments: count.nullish(),
  submittedBy: person.nullish(),
  organization: organization.nullish(),
  /**
   * Not the API's: the UTC day `npm run fetch` took the counts (upvotes,
   * comments), written into each entry it stores so a later fetch can tell
   * fresher counts from older ones.
   */
  countedOn: z.string().nullish(),
});

type HfEntry = z.infer<typeof entrySchema>;

export function parseHfJson(source: string, file: string, options: ParseDigestOptions = {}): ParsedHfJson {
  const problems: DigestProblem[] = [];
  const warnings: DigestProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, message });

  const date = digestDate(file, options.date, report);

  const text = stripByteOrderMark(source);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8 quotes the text around the error, newlines and all; keep the report on one line.
    const message = (error as Error).message.replace(/\s+/g, " ");
    report(lineOfJsonError(text), `not valid JSON (${message}); expected the array the Hugging Face daily papers API returns`);
    return { problems, warnings };
  }
  if (!Array.isArray(data)) {
    report(1, `expected a JSON array of papers (as the Hugging Face daily papers API returns), found ${describeJsonValue(data)}`);
    return { problems, warnings };
  }
  if (data.length === 0) {
    report(1, "the file is an empty list: a digest needs at least one paper");
    return { problems, warnings };
  }

  const lines = topLevelElementLines(text);
  const newestTimestamp = newestDateIn(data);
  const entries: DigestEntry[] = [];
  const submissionDays: string[] = [];
  data.forEach((rawEntry: unknown, index) => {
    const line = lines[index] ?? 1;
    const removed: RemovedCharacters = { controls: 0, surrogates: 0 };
    const raw = cleanStrings(rawEntry, removed);
    const removedNote = describeRemoved(removed);
    const name = entryName(raw, index);
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report(line, `${name}: ${describeIssue(issue, raw)}`);
      // Wrong types do not hide a missing title or summary: every problem is listed.
      for (const message of absentText(raw)) report(line, `${name}: ${message}`);
      return;
    }
    if (removedNote) warnings.push({ file, line, message: `${name}: ${removedNote}` });
    const result = toDigestEntry(parsed.data, line, newestTimestamp);
    for (const message of result.problems) report(line, `${name}: ${message}`);
    for (const message of result.warnings) warnings.push({ file, line, message: `${name}: ${message}` });
    if (result.entry) entries.push(result.entry);
    const submitted = leadingCalendarDate(parsed.data.paper?.submittedOnDailyAt);
    if (submitted) submissionDays.push(submitted);
  });

  checkRepeatedPapers(entries, report);
  const result: ParsedHfJson = { problems, warnings };
  const submittedOn = mostCommon(submissionDays);
  if (submittedOn) result.submittedOn = submittedOn;
  if (problems.length === 0 && date) result.digest = { file, date, entries };
  return result;
}

function toDigestEntry(
  entry: HfEntry,
  line: number,
  newestTimestamp: string | undefined,
): { entry?: DigestEntry; problems: string[]; warnings: string[] } {
  const paper = entry.paper ?? {};
  const problems: string[] = [];
  const warnings: string[] = [];
  const title = foldWhitespace(paper.title ?? entry.title ?? "");
  const abstract = foldWhitespace(paper.summary ?? entry.summary ?? "");
  if (!title) problems.push(NO_TITLE);
  if (!abstract) problems.push(NO_ABSTRACT);

  const card: CardMetadata = {};
  if (paper.id) {
    // Hugging Face ids are arXiv ids; a version suffix is not part of the identity.
    const arxivId = paper.id.trim().replace(/v\d+$/, "");
    if (ARXIV_ID.test(arxivId)) card.arxivId = arxivId;
    else problems.push(`paper.id "${paper.id}" is not an arXiv id like 2508.14111`);
  }
  if (paper.upvotes != null) card.upvotes = paper.upvotes;
  if (entry.numComments != null) card.comments = entry.numComments;
  if (card.upvotes !== undefined || card.comments !== undefined) {
    // When the counts were taken: the day fetch recorded, else no earlier than the newest timestamp in the file.
    const countedOn = leadingCalendarDate(entry.countedOn) ?? newestTimestamp;
    if (countedOn) card.countedOn = countedOn;
  }
  const publishedOn = leadingCalendarDate(paper.publishedAt ?? entry.publishedAt);
  if (publishedOn) card.publishedOn = publishedOn;
  if (paper.githubStars != null) card.githubStars = String(paper.githubStars);
  const organizationValue = entry.organization ?? paper.organization;
  const organizationName = nameOfOrganization(organizationValue);
  if (organizationName) card.organization = organizationName;
  const account = typeof organizationValue === "object" && organizationValue ? organizationValue.name?.trim() : undefined;
  if (account && ORGANIZATION_NAME.test(account)) card.organizationUrl = `https://huggingface.co/${account}`;
  const submitter = nameOfPerson(entry.submittedBy ?? paper.submittedOnDailyBy);
  if (submitter) card.submitter = submitter;
  for (const [field, value] of [
    ["githubRepo", paper.githubRepo],
    ["projectPage", paper.projectPage],
  ] as const) {
    if (value == null || value.trim() === "") continue;
    const url = webUrl(value);
    if (url) card[field] = url;
    else warnings.push(`paper.${field} "${value.slice(0, 80)}" is not an http(s) address; left out`);
  }
  const keywords = [...new Set((paper.ai_keywords ?? []).map(foldWhitespace).filter((keyword) => keyword !== ""))];
  if (keywords.length > 0) card.keywords = keywords;

  const authors = (paper.authors ?? [])
    .map((author) => foldWhitespace((typeof author === "string" ? author : author.name) ?? ""))
    .filter((name) => name !== "");
  if (authors.length > 0) card.authorCount = authors.length;

  if (problems.length > 0) return { problems, warnings };
  return { entry: { title, abstract, line, card, authors }, problems, warnings };
}

/** An absolute http(s) URL in its normal form, or undefined. */
function webUrl(text: string): string | undefined {
  try {
    const url = new URL(text.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Every string in a parsed JSON value with control characters and lone surrogates removed, counted in `removed`. */
function cleanStrings(value: unknown, removed: RemovedCharacters): unknown {
  if (typeof value === "string") {
    const cleaned = removeNonText(value);
    removed.controls += cleaned.removed.controls;
    removed.surrogates += cleaned.removed.surrogates;
    return cleaned.text;
  }
  if (Array.isArray(value)) return value.map((item) => cleanStrings(item, removed));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, cleanStrings(item, removed)]));
  return value;
}

/** The newest calendar date of any timestamp in the file (submissions, author claims): the snapshot is no older. */
function newestDateIn(value: unknown): string | undefined {
  let newest: string | undefined;
  const visit = (item: unknown) => {
    if (typeof item === "string") {
      const date = /^\d{4}-\d{2}-\d{2}T/.test(item) ? leadingCalendarDate(item) : undefined;
      if (date && (!newest || date > newest)) newest = date;
    } else if (Array.isArray(item)) item.forEach(visit);
    else if (isRecord(item)) Object.values(item).forEach(visit);
  };
  visit(value);
  return newest;
}

const NO_TITLE = "has no title (paper.title or title)";
const NO_ABSTRACT = "has no abstract (paper.summary or summary)";

/** For an entry that failed the schema: a title or summary absent altogether (not merely of the wrong type). */
function absentText(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  const paper = isRecord(raw.paper) ? raw.paper : {};
  const absent = (field: string) => paper[field] == null && raw[field] == null;
  return [...(absent("title") ? [NO_TITLE] : []), ...(absent("summary") ? [NO_ABSTRACT] : [])];
}

function nameOfOrganization(value: z.infer<typeof organization> | null | undefined): string | undefined {
  if (value == null) return undefined;
  const name = typeof value === "string" ? value : (value.fullname ?? value.name);
  return name ? foldWhitespace(name) || undefined : undefined;
}

/** The account name, as the card layout shows it ("akhaliq"), before the display name. */
function nameOfPerson(value: z.infer<typeof person> | null | undefined): string | undefined {
  const name = value?.user ?? value?.name ?? value?.fullname;
  return name ? foldWhitespace(name) || undefined : undefined;
}

/** The value seen most often; on a tie, the latest day. */
function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const ranked = [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? 1 : -1));
  return ranked[0]?.[0];
}

/** "entry 3 (2508.14111 "Title")": the index a reader can count to, plus whatever identifies the paper. */
function entryName(raw: unknown, index: number): string {
  const record = isRecord(raw) ? raw : {};
  const paper = isRecord(record.paper) ? record.paper : {};
  const id = typeof paper.id === "string" ? paper.id : undefined;
  const titleValue = typeof paper.title === "string" ? paper.title : typeof record.title === "string" ? record.title : undefined;
  const title = titleValue ? foldWhitespace(titleValue) : "";
  const shortTitle = title.length > 60 ? `${title.slice(0, 57)}...` : title;
  const label = [id, shortTitle ? `"${shortTitle}"` : undefined].filter(Boolean).join(" ");
  return `entry ${index + 1}${label ? ` (${label})` : ""}`;
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = issue.path.map(String).join(".");
  if (where === "") return `expected an object with a paper's title and summary, found ${describeJsonValue(raw)}`;
  return `${where}: ${issue.message}`;
}

function describeJsonValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The line of the first syntax error. JSON.parse in Node 20 often says only
 * "Unexpected token", with no position, so the text is walked by a minimal
 * JSON grammar to find where it stops making sense.
 */
function lineOfJsonError(text: string): number {
  let at = 0;
  const fail = (): never => {
    throw new JsonSyntaxStop(at);
  };
  const skipSpace = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const expect = (char: string) => {
    skipSpace();
    if (text[at] !== char) fail();
    at++;
  };
  const string = () => {
    expect('"');
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') return void at++;
      if (char < " ") fail();
      at += char === "\\" ? 2 : 1;
    }
    fail();
  };
  // Items separated by commas up to `close`; `item` reads one.
  const sequence = (close: string, item: () => void) => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      skipSpace();
      if (text[at] === ",") at++;
      else return expect(close);
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === "[") return sequence("]", value);
    if (char === "{") return sequence("}", () => (string(), expect(":"), value()));
    if (char === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!literal) fail();
    at += literal![0].length;
  };
  try {
    value();
    skipSpace();
    if (at < text.length) fail();
  } catch (error) {
    if (!(error instanceof JsonSyntaxStop)) throw error;
  }
  return lineAt(text, at);
}

class JsonSyntaxStop {
  constructor(readonly offset: number) {}
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text[index] === "\n") line++;
  return line;
}

/**
 * The 1-based line on which each element of the top-level array starts, so a
 * problem can point at its entry. Only called on text JSON.parse accepted, so a
 * scan that tracks strings and nesting depth is enough.
 */
function topLevelElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectingElement = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === "\n") line++;
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectingElement && char !== "]") {
      lines.push(line);
      expectingElement = false;
    }
    if (char === '"') inString = true;
    else if (char === "[" || char === "{") {
      depth++;
      if (depth === 1) expectingElement = true;
    } else if (char === "]" || char === "}") depth--;
    else if (char === "," && depth === 1) expectingElement = true;
  }
  return lines;
}
