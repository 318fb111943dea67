/**
 * Real titles and abstracts for benchmarks and equivalence checks: the
 * 45,904 arXiv papers of ../shared/real/arxiv-abstracts.jsonl.gz, the 24
 * Hugging Face days of ../shared/real/hf-daily/ and the scraped sample day.
 */
import fs from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parseDigest } from "../../src/digest/parse-digest.ts";
import { parseHfJson } from "../../src/digest/parse-hf-json.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SHARED_REAL = path.resolve(PROJECT_ROOT, "..", "shared", "real");
export const ARXIV_ABSTRACTS = path.join(SHARED_REAL, "arxiv-abstracts.jsonl.gz");
export const HF_DAILY = path.join(SHARED_REAL, "hf-daily");
export const SAMPLE_DIGEST = path.join(PROJECT_ROOT, "content", "digests", "2025-08-20.txt");

export interface RealPaper {
  id: string;
  title: string;
  abstract: string;
}

/** The arXiv papers in file order (the file's order is fixed, so is this list). */
export function readArxivPapers(file = ARXIV_ABSTRACTS): RealPaper[] {
  const lines = gunzipSync(fs.readFileSync(file)).toString("utf8").split("\n");
  return lines
    .filter((line) => line.trim() !== "")
    .map((line, index) => {
      const record = JSON.parse(line) as Partial<RealPaper>;
      if (typeof record.title !== "string" || typeof record.abstract !== "string" || typeof record.id !== "string") {
        throw new Error(`${file}:${index + 1}: a record needs a string id, title and abstract`);
      }
      return { id: record.id, title: record.title, abstract: record.abstract };
    });
}

function entryTexts(entries: readonly { title: string; abstract: string }[]): string[] {
  return entries.flatMap((entry) => [entry.title, entry.abstract]);
}

/** Titles and abstracts of the scraped sample day, as the digest parser reads them. */
export function sampleDayTexts(file = SAMPLE_DIGEST): string[] {
  const parsed = parseDigest(fs.readFileSync(file, "utf8"), file);
  if (!parsed.digest) throw new Error(`${file} does not parse: ${parsed.problems.map((problem) => problem.message).join("; ")}`);
  return entryTexts(parsed.digest.entries);
}

/** Titles and abstracts of every Hugging Face day, by file name order. */
export function hfDailyTexts(folder = HF_DAILY): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      const file = path.join(folder, name);
      const parsed = parseHfJson(fs.readFileSync(file, "utf8"), file);
      if (!parsed.digest) throw new Error(`${file} does not parse: ${parsed.problems.map((problem) => problem.message).join("; ")}`);
      return entryTexts(parsed.digest.entries);
    });
}

/** Titles and abstracts of the arXiv papers. */
export function arxivTexts(papers: readonly RealPaper[] = readArxivPapers()): string[] {
  return entryTexts(papers);
}
