/**
 * A day fetched again merged into the day already stored: papers the API now
 * lists are added, counts and texts are taken from the newer answer, and a
 * paper the stored digest holds is never dropped, even when the API no longer
 * lists it. Entries are the API's JSON objects, kept whole.
 */
import { normalizeTitle } from "../identity/normalize-title.ts";

type Entry = Record<string, unknown>;

export interface CountChange {
  title: string;
  upvotes?: [number | undefined, number | undefined];
  comments?: [number | undefined, number | undefined];
}

export interface DayMerge {
  entries: Entry[];
  added: string[];
  counts: CountChange[];
  /** Stored papers the new answer does not list, kept. */
  keptMissing: string[];
  /** Entries whose text or other fields changed, counts aside. */
  otherwiseChanged: string[];
}

const paperOf = (entry: Entry): Entry => (isRecord(entry.paper) ? entry.paper : {});

/** arXiv id, else the normalised title: what makes two entries one paper. */
function keyOf(entry: Entry): string {
  const paper = paperOf(entry);
  const id = typeof paper.id === "string" ? paper.id.trim().replace(/v\d+$/, "") : "";
  if (id) return `arxiv:${id}`;
  const title = typeof paper.title === "string" ? paper.title : typeof entry.title === "string" ? entry.title : "";
  return `title:${normalizeTitle(title)}`;
}

function titleOf(entry: Entry): string {
  const paper = paperOf(entry);
  const title = typeof paper.title === "string" ? paper.title : typeof entry.title === "string" ? entry.title : "(untitled)";
  return title.replace(/\s+/g, " ").trim();
}

const upvotesOf = (entry: Entry) => (typeof paperOf(entry).upvotes === "number" ? (paperOf(entry).upvotes as number) : undefined);
const commentsOf = (entry: Entry) => (typeof entry.numComments === "number" ? entry.numComments : undefined);

/** Entry without the fields that only say when it was counted or how popular it is. */
function withoutCounts(entry: Entry): string {
  const { countedOn: _countedOn, numComments: _numComments, ...rest } = entry;
  const { upvotes: _upvotes, ...paper } = paperOf(entry);
  return JSON.stringify({ ...rest, paper });
}

/**
 * `countedOn` (YYYY-MM-DD, the day of this fetch) is written on entries that
 * are new or whose counts changed; an entry whose counts did not move keeps its
 * old date, so a day fetched again unchanged is stored byte for byte as it was.
 */
export function mergeDay(stored: readonly Entry[] | undefined, fetched: readonly Entry[], countedOn: string): DayMerge {
  const fetchedByKey = new Map<string, Entry>();
  for (const entry of fetched) if (!fetchedByKey.has(keyOf(entry))) fetchedByKey.set(keyOf(entry), entry);
  const result: DayMerge = { entries: [], added: [], counts: [], keptMissing: [], otherwiseChanged: [] };
  const storedKeys = new Set<string>();
  for (const old of stored ?? []) {
    const key = keyOf(old);
    storedKeys.add(key);
    const fresh = fetchedByKey.get(key);
    if (!fresh) {
      result.entries.push(old);
      result.keptMissing.push(titleOf(old));
      continue;
    }
    const upvotes: [number | undefined, number | undefined] = [upvotesOf(old), upvotesOf(fresh)];
    const comments: [number | undefined, number | undefined] = [commentsOf(old), commentsOf(fresh)];
    const countsMoved = upvotes[0] !== upvotes[1] || comments[0] !== comments[1];
    if (countsMoved) {
      result.counts.push({
        title: titleOf(fresh),
        ...(upvotes[0] !== upvotes[1] ? { upvotes } : {}),
        ...(comments[0] !== comments[1] ? { comments } : {}),
      });
    }
    if (withoutCounts(old) !== withoutCounts(fresh)) result.otherwiseChanged.push(titleOf(fresh));
    const date = countsMoved || old.countedOn === undefined ? countedOn : old.countedOn;
    result.entries.push({ ...fresh, countedOn: date });
  }
  for (const [key, entry] of fetchedByKey) {
    if (storedKeys.has(key)) continue;
    result.entries.push({ ...entry, countedOn });
    if (stored) result.added.push(titleOf(entry));
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
