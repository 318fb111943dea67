import fs from "node:fs";
import path from "node:path";
import { abstractSimilarity, DIFFERENT_PAPER_SIMILARITY } from "../../src/identity/abstract-similarity.ts";
import { cutAtWordBoundary, MAX_SLUG_LENGTH } from "../../src/identity/slug-from-title.ts";
import { formatCardDay, formatPlainDay, type FormattedPaper } from "./format.ts";
import { Random } from "./random.ts";
import { makeAbstract, makeName, makeTitle } from "./text.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface CorpusOptions {
  days: number;
  perDay: number;
  seed: number;
  /** First day, YYYY-MM-DD; the days are consecutive from it. */
  start: string;
  /** Share of slots filled by a paper from an earlier day, same title and abstract. */
  repeatRate?: number;
  /** Share of new papers that reuse an earlier paper's title with a different abstract. */
  sameTitleRate?: number;
  /** Share of days saved in the card layout. */
  cardDayRate?: number;
}

export const DEFAULT_RATES = { repeatRate: 0.03, sameTitleRate: 0.003, cardDayRate: 0.05 } as const;

export interface GeneratedPaper extends FormattedPaper {
  /** Index among distinct papers, in order of first appearance. */
  id: number;
  firstDate: string;
  /** The earlier paper whose title this one reuses. */
  sameTitleAs?: number;
}

export interface GeneratedEntry {
  paper: GeneratedPaper;
  /** Whether the paper appeared on an earlier day. */
  repeat: boolean;
}

export interface CorpusDay {
  date: string;
  fileName: string;
  layout: "plain" | "card";
  text: string;
  entries: GeneratedEntry[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A synthetic archive, one day at a time: a pure function of the vocabulary
 * and the options, so one seed always gives byte-identical files.
 */
export function* generateCorpus(vocabulary: Vocabulary, options: CorpusOptions): Generator<CorpusDay> {
  if (!DATE.test(options.start) || Number.isNaN(Date.parse(`${options.start}T00:00:00Z`)))
    throw new Error(`--start must be a YYYY-MM-DD date, got ${options.start}`);
  if (!Number.isInteger(options.days) || options.days < 1) throw new Error(`--days must be a positive integer, got ${options.days}`);
  if (!Number.isInteger(options.perDay) || options.perDay < 1)
    throw new Error(`--per-day must be a positive integer, got ${options.perDay}`);
  const repeatRate = options.repeatRate ?? DEFAULT_RATES.repeatRate;
  const sameTitleRate = options.sameTitleRate ?? DEFAULT_RATES.sameTitleRate;
  const cardDayRate = options.cardDayRate ?? DEFAULT_RATES.cardDayRate;

  const random = new Random(options.seed);
  const slugs = new Set<string>();
  const papers: GeneratedPaper[] = [];
  /** Papers of the last few weeks that may reappear, with how often they already did. */
  let recent: { paper: GeneratedPaper; repeats: number }[] = [];
  const arxivCounters = new Map<string, number>();

  const newArxivId = (date: string) => {
    const month = `${date.slice(2, 4)}${date.slice(5, 7)}`;
    const next = (arxivCounters.get(month) ?? 0) + 1;
    arxivCounters.set(month, next);
    return `${month}.${String(next).padStart(5, "0")}`;
  };

  const newPaper = (date: string): GeneratedPaper => {
    const id = papers.length;
    const arxivId = newArxivId(date);
    const earlier = papers.length > 0 && random.chance(sameTitleRate) ? random.pick(papers) : undefined;
    if (earlier) {
      // Same title, different paper: the abstract must read as clearly different to the merge.
      for (let attempt = 0; attempt < 10; attempt++) {
        const abstract = makeAbstract(random, vocabulary, makeName(random, vocabulary));
        if (abstractSimilarity(abstract, earlier.abstract) < DIFFERENT_PAPER_SIMILARITY) {
          return { id, title: earlier.title, abstract, arxivId, firstDate: date, sameTitleAs: earlier.id };
        }
      }
    }
    for (let attempt = 0; ; attempt++) {
      const name = makeName(random, vocabulary);
      const title = makeTitle(random, vocabulary, name);
      // The slug's stem, cheaply: ASCII titles slug to their lowercase words joined by hyphens, cut at 80.
      const slug = cutAtWordBoundary(
        title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, ""),
        MAX_SLUG_LENGTH,
      );
      if (slugs.has(slug) && attempt < 20) continue;
      slugs.add(slug);
      return { id, title, abstract: makeAbstract(random, vocabulary, name), arxivId, firstDate: date };
    }
  };

  for (let day = 0; day < options.days; day++) {
    const date = addDays(options.start, day);
    const windowStart = addDays(date, -30);
    recent = recent.filter((item) => item.paper.firstDate >= windowStart && item.repeats < 2);
    const entries: GeneratedEntry[] = [];
    const onThisDay = new Set<number>();
    for (let slot = 0; slot < options.perDay; slot++) {
      const candidate = recent.length > 0 && random.chance(repeatRate) ? random.pick(recent) : undefined;
      if (candidate && !onThisDay.has(candidate.paper.id) && candidate.paper.firstDate !== date) {
        candidate.repeats++;
        onThisDay.add(candidate.paper.id);
        entries.push({ paper: candidate.paper, repeat: true });
        continue;
      }
      const paper = newPaper(date);
      papers.push(paper);
      onThisDay.add(paper.id);
      entries.push({ paper, repeat: false });
    }
    for (const entry of entries) if (!entry.repeat) recent.push({ paper: entry.paper, repeats: 0 });
    const layout = random.chance(cardDayRate) ? "card" : "plain";
    const formatted = entries.map((entry) => entry.paper);
    const text = layout === "card" ? formatCardDay(random, date, formatted) : formatPlainDay(random, date, formatted);
    yield { date, fileName: `${date}.txt`, layout, text, entries };
  }
}

export interface CorpusSummary {
  days: number;
  entries: number;
  papers: number;
  repeats: number;
  sameTitle: number;
  cardDays: number;
  bytes: number;
  first: string;
  last: string;
}

/** Writes every day as `DIR/YYYY-MM-DD.txt`; returns what was written. */
export function writeCorpus(vocabulary: Vocabulary, options: CorpusOptions, outDir: string): CorpusSummary {
  fs.mkdirSync(outDir, { recursive: true });
  const summary: CorpusSummary = { days: 0, entries: 0, papers: 0, repeats: 0, sameTitle: 0, cardDays: 0, bytes: 0, first: "", last: "" };
  for (const day of generateCorpus(vocabulary, options)) {
    fs.writeFileSync(path.join(outDir, day.fileName), day.text);
    summary.days++;
    summary.entries += day.entries.length;
    for (const entry of day.entries) {
      if (entry.repeat) summary.repeats++;
      else {
        summary.papers++;
        if (entry.paper.sameTitleAs !== undefined) summary.sameTitle++;
      }
    }
    if (day.layout === "card") summary.cardDays++;
    summary.bytes += Buffer.byteLength(day.text);
    summary.first ||= day.date;
    summary.last = day.date;
  }
  return summary;
}
