import { parseMonthDay, type MonthDay } from "./month-day.ts";

/**
 * What one line of a card-layout digest is. Saved Daily Papers pages wrap each
 * title and abstract in card chrome; each piece either carries metadata worth
 * keeping (arXiv id, upvotes, ...) or is noise to drop.
 */
export type CardLine =
  | { kind: "submitted-by" }
  | { kind: "paper-url"; arxivId: string }
  | { kind: "organization-url"; url: string }
  | { kind: "authors"; count: number }
  | { kind: "published"; date: MonthDay }
  | { kind: "count"; value: number }
  | { kind: "github"; stars: string }
  | { kind: "comments"; count: number }
  | { kind: "arxiv-page" }
  | { kind: "noise" }
  | { kind: "text" };

const PAPER_URL = /^<?https?:\/\/(?:www\.)?huggingface\.co\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?(?:[#?][^\s>]*)?>?$/;
// An organisation card's link: huggingface.co/<name>, where <name> is not one of the site's own sections.
const ORGANIZATION_URL = /^<?(https?:\/\/(?:www\.)?huggingface\.co\/([A-Za-z0-9][\w.-]*))\/?>?$/;
const SITE_SECTIONS = new Set([
  "papers",
  "models",
  "datasets",
  "spaces",
  "docs",
  "blog",
  "posts",
  "pricing",
  "login",
  "join",
  "settings",
  "collections",
]);
const AUTHORS = /^\[?\s*(\d+)\s+authors?\s*(?:\]\(\S*\))?$/i;
const PUBLISHED = /^(?:Published on\s+)?([A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)$/;
const GITHUB = /^GitHub\s+([\d.,]+[kKmM]?)$/;
const COMMENTS = /^(\d+)\s+comments?$/i;
const COUNT = /^\d+$/;
// Lone bullets, separators, link brackets and button labels.
const NOISE = /^(?:-|·|•|\[|\]\(\S*\)|Upvote|Upvotes|Submitted|View paper|Collection)$/;

export function classifyCardLine(line: string): CardLine {
  const text = line.trim();
  if (text === "Submitted by") return { kind: "submitted-by" };
  if (text === "arXiv Page") return { kind: "arxiv-page" };
  let match = PAPER_URL.exec(text);
  if (match?.[1]) return { kind: "paper-url", arxivId: match[1] };
  match = ORGANIZATION_URL.exec(text);
  if (match?.[1] && !SITE_SECTIONS.has(match[2]!.toLowerCase())) return { kind: "organization-url", url: match[1] };
  match = AUTHORS.exec(text);
  if (match?.[1]) return { kind: "authors", count: Number(match[1]) };
  match = GITHUB.exec(text);
  if (match?.[1]) return { kind: "github", stars: match[1] };
  match = COMMENTS.exec(text);
  if (match?.[1]) return { kind: "comments", count: Number(match[1]) };
  if (COUNT.test(text)) return { kind: "count", value: Number(text) };
  if (NOISE.test(text)) return { kind: "noise" };
  match = PUBLISHED.exec(text);
  const date = match?.[1] ? parseMonthDay(match[1]) : undefined;
  if (date && (date.year !== undefined || text.startsWith("Published on"))) return { kind: "published", date };
  return { kind: "text" };
}

/** Whether the text looks like card chrome at all: decides between the plain and the card layout. */
export function isCardMarker(line: string): boolean {
  const kind = classifyCardLine(line).kind;
  return kind === "submitted-by" || kind === "paper-url";
}
