/**
 * Readers for the real material in ../shared/real (read-only): 45,904 arXiv
 * titles and abstracts, and 24 days of the Hugging Face daily_papers API.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

export const REAL_DIR = path.resolve(import.meta.dirname, "../../../shared/real");

export interface RealPaper {
  id: string;
  title: string;
  abstract: string;
  keywords?: string[];
  /** arXiv categories, for the arXiv abstracts. */
  categories?: string[];
}

/** Titles and abstracts have hard line breaks and double spaces from arXiv. */
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export function readArxivAbstracts(file = path.join(REAL_DIR, "arxiv-abstracts.jsonl.gz")): RealPaper[] {
  return gunzipSync(readFileSync(file))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const record = JSON.parse(line) as { id: string; title: string; abstract: string; categories: string[] };
      return { id: record.id, title: oneLine(record.title), abstract: oneLine(record.abstract), categories: record.categories };
    });
}

interface HfEntry {
  paper: { id: string; title: string; summary: string; ai_keywords?: string[] };
}

/** Each real day's papers, by file name (YYYY-MM-DD.json), in date order. */
export function readHfDays(dir = path.join(REAL_DIR, "hf-daily")): { day: string; papers: RealPaper[] }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      day: name.replace(/\.json$/, ""),
      papers: (JSON.parse(readFileSync(path.join(dir, name), "utf8")) as HfEntry[]).map(({ paper }) => ({
        id: paper.id,
        title: oneLine(paper.title),
        abstract: oneLine(paper.summary),
        ...(paper.ai_keywords?.length ? { keywords: paper.ai_keywords } : {}),
      })),
    }));
}
