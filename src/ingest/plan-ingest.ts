import path from "node:path";
import { formatOfFileName } from "../digest/digest-file.ts";
import { digestDateFromFileName } from "../digest/file-name-date.ts";
import { normalizeTitle } from "../identity/normalize-title.ts";
import type { DigestProblem } from "../model/types.ts";
import { detectFormat, FORMAT_EXTENSION, parseInFormat, storedForm, type DigestFormat } from "./digest-format.ts";
import { resolveDigestDate } from "./resolve-date.ts";
import { reviewDigest, type Note } from "./review-digest.ts";

/** One digest handed to ingest. */
export interface IngestSource {
  /** How messages name it: the path as given, or "<stdin>". */
  label: string;
  /** The name its format and date may come from ("-" for standard input). */
  name: string;
  text: string;
}

/** What ingest needs to know about the digests folder, read by the IO layer. */
export interface DigestsFolderView {
  /** Names of the files directly in the folder. */
  names: readonly string[];
  /** Names already used in the folder for replaced digests. */
  replacedNames: readonly string[];
  read(name: string): string;
}

export interface IngestOptions {
  date?: string;
  force: boolean;
}

/** Where an old digest goes when --force replaces it: a dot-folder, which the build skips. */
export const REPLACED_FOLDER = ".replaced";

export interface DigestSummary {
  date: string;
  /** Where the date came from ("the file name", "--date", ...). */
  dateFrom: string;
  format: DigestFormat;
  papers: number;
  notes: Note[];
}

export type IngestPlan =
  | { action: "refuse"; source: IngestSource; problems: DigestProblem[]; summary?: DigestSummary }
  | { action: "unchanged"; source: IngestSource; summary: DigestSummary; existing: string }
  | {
      action: "store";
      source: IngestSource;
      summary: DigestSummary;
      /** File name in the digests folder. */
      target: string;
      content: string;
      /** Digests of the same day moved aside first (--force), as folder-relative paths. */
      moveAside: { from: string; to: string }[];
    };

/**
 * Decides what to do with each digest, touching nothing: refuse it (anything
 * the build would reject, a clash with a different stored digest), leave the
 * folder as it is (already stored), or store it (moving the day's old files
 * aside under --force). Several inputs for one day in one run are refused, as
 * are all of them when any is: an ingest stores everything or nothing.
 */
export function planIngest(sources: readonly IngestSource[], folder: DigestsFolderView, options: IngestOptions): IngestPlan[] {
  const plans = sources.map((source) => planOne(source, folder, options));
  const firstForDate = new Map<string, IngestSource>();
  return plans.map((plan) => {
    if (plan.action === "refuse" || !plan.summary) return plan;
    const other = firstForDate.get(plan.summary.date);
    if (!other) {
      firstForDate.set(plan.summary.date, plan.source);
      return plan;
    }
    return refuse(plan.source, 0, `${other.label} is also for ${plan.summary.date}; ingest one digest per day at a time`, plan.summary);
  });
}

function planOne(source: IngestSource, folder: DigestsFolderView, options: IngestOptions): IngestPlan {
  const format = detectFormat(source.name, source.text);
  const resolved = resolveDigestDate({
    ...(options.date ? { explicitDate: options.date } : {}),
    name: source.name,
    format,
    text: source.text,
  });
  if (!resolved.ok) return refuse(source, 0, resolved.message);
  const { date } = resolved;

  const parsed = parseInFormat(format, source.text, source.label, { date });
  if (parsed.problems.length > 0 || !parsed.digest) return { action: "refuse", source, problems: parsed.problems };

  const notes = [...parsed.warnings.map((warning) => ({ line: warning.line, message: warning.message })), ...reviewDigest(parsed.digest)];
  if (format === "json" && parsed.submittedOn && parsed.submittedOn !== date) {
    notes.push({
      line: 0,
      message: `most papers were submitted to Daily Papers on ${parsed.submittedOn}, but the digest is dated ${date}`,
    });
  }
  const summary: DigestSummary = { date, dateFrom: resolved.from, format, papers: parsed.digest.entries.length, notes: sortNotes(notes) };

  const content = storedForm(format, source.text);
  const sameDay = folder.names.filter((name) => isDigestOf(name, date));
  const identical = sameDay.find((name) => storedForm(formatOfStored(name), folder.read(name)) === content);
  if (identical) return { action: "unchanged", source, summary, existing: identical };

  if (sameDay.length > 0 && !options.force) {
    const differences = sameDay.map(
      (name) =>
        `${name} (${describeDifference(
          name,
          folder.read(name),
          parsed.digest!.entries.map((entry) => entry.title),
        )})`,
    );
    return refuse(
      source,
      0,
      `a different digest is already stored for ${date}: ${differences.join("; ")}. Pass --force to replace it; the old file is kept in ${REPLACED_FOLDER}/ where the build does not read it`,
      summary,
    );
  }

  const taken = new Set(folder.replacedNames);
  const moveAside = sameDay.map((name) => {
    const to = replacedName(name, taken);
    taken.add(to);
    return { from: name, to: path.posix.join(REPLACED_FOLDER, to) };
  });
  return { action: "store", source, summary, target: `${date}${FORMAT_EXTENSION[format]}`, content, moveAside };
}

function refuse(source: IngestSource, line: number, message: string, summary?: DigestSummary): IngestPlan {
  return { action: "refuse", source, problems: [{ file: source.label, line, message }], ...(summary ? { summary } : {}) };
}

/** A file the build reads as (part of) that day's digest. */
export function isDigestOf(name: string, date: string): boolean {
  if (name.startsWith(".") || !/\.(txt|json)$/i.test(name)) return false;
  const fromName = digestDateFromFileName(name);
  return fromName.ok && fromName.date === date;
}

function formatOfStored(name: string): DigestFormat {
  return formatOfFileName(name) ?? "text";
}

/** "67 papers stored, 70 in the new one: 3 added, 0 dropped": enough to tell an update from a mistake. */
function describeDifference(name: string, storedText: string, newTitles: string[]): string {
  const stored = parseInFormat(formatOfStored(name), storedText, name, {});
  if (!stored.digest) return "it does not parse";
  const oldKeys = new Set(stored.digest.entries.map((entry) => normalizeTitle(entry.title)));
  const newKeys = new Set(newTitles.map(normalizeTitle));
  const added = [...newKeys].filter((key) => !oldKeys.has(key)).length;
  const dropped = [...oldKeys].filter((key) => !newKeys.has(key)).length;
  return `${stored.digest.entries.length} papers stored, ${newTitles.length} in the new one: ${added} added, ${dropped} dropped`;
}

/** "2025-08-20.txt" → "2025-08-20-replaced-1.txt", the first number not yet used. */
function replacedName(name: string, taken: ReadonlySet<string>): string {
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem}-replaced-${n}${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Line by line, then the notes about the digest as a whole. */
function sortNotes(notes: Note[]): Note[] {
  return [...notes].sort((a, b) => (a.line === 0 ? Number.MAX_SAFE_INTEGER : a.line) - (b.line === 0 ? Number.MAX_SAFE_INTEGER : b.line));
}

/** Whether every plan can go ahead: one refusal stops the whole run. */
export function canProceed(plans: readonly IngestPlan[]): boolean {
  return plans.every((plan) => plan.action !== "refuse");
}
