import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { RelatedState } from "../related/related.ts";
import { codeVersion, writeCacheFile } from "./cache-files.ts";

/**
 * The related-paper search's state, kept between builds in
 * `<work-dir>/related-cache/state.json`, so that a daily rebuild searches only
 * the added papers (see `updateRelated`). A file made by other code (another
 * format, other search or tokenising code, other locked dependencies), a
 * damaged one or one that fails validation is ignored: the search then starts
 * afresh, which gives the same lists, only slower.
 */
const FORMAT = 2;
const STATE_FILE = path.join("related-cache", "state.json");

/** Where a work folder keeps the state. */
export const relatedStateFile = (workDir: string) => path.join(workDir, STATE_FILE);

/** What the kept lists depend on besides the papers and the settings (which the state itself records). */
const searchCodeVersion = () => codeVersion([path.join("src", "related"), path.join("src", "text")], [String(FORMAT)]);

const SIGNATURE_LENGTH = 16;
// Checked by hand: a 30,000-paper state holds over a million numbers, which a schema per number
// takes most of a second to check.
const isIndexList = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((item) => Number.isSafeInteger(item) && (item as number) >= 0);
const listOf = <T>(isItem: (item: unknown) => item is T, what: string) =>
  z.custom<T[]>((value) => Array.isArray(value) && value.every(isItem), `expected a list of ${what}`);
const isString = (value: unknown): value is string => typeof value === "string";
const isCutoff = (value: unknown): value is number => typeof value === "number" && value >= 0 && Number.isFinite(value);

/**
 * The file: signatures joined into one string (they have a fixed length), and
 * each paper's candidates as gaps between ascending positions, which keeps a
 * 30,000-paper state to a few megabytes.
 */
const stateFile = z.object({
  format: z.literal(FORMAT),
  code: z.string(),
  settings: z.string(),
  ids: listOf(isString, "ids"),
  signatures: z.string(),
  termCounts: listOf(isString, "term counts"),
  candidateGaps: listOf(isIndexList, "candidate lists"),
  // Exact: JSON writes a double's shortest form that reads back as the same double.
  cutoffs: listOf(isCutoff, "cutoffs"),
  related: listOf(isIndexList, "related lists"),
});
type StateFile = z.infer<typeof stateFile>;

export function serialiseRelatedState(state: RelatedState, code = ""): string {
  const file: StateFile = {
    format: FORMAT,
    code,
    settings: state.settings,
    ids: state.ids,
    signatures: state.signatures.join(""),
    termCounts: state.termCounts,
    candidateGaps: state.candidates.map((list) => list.map((position, slot) => position - (slot === 0 ? 0 : list[slot - 1]!))),
    cutoffs: state.cutoffs,
    related: state.related,
  };
  return JSON.stringify(file);
}

/** The state in `text`, or undefined when it is not a whole, consistent state made by `code`. */
export function parseRelatedState(text: string, code = ""): RelatedState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = stateFile.safeParse(json);
  if (!parsed.success || parsed.data.code !== code) return undefined;
  const { ids, signatures, termCounts, candidateGaps, cutoffs, related, settings } = parsed.data;
  const count = ids.length;
  if (
    signatures.length !== count * SIGNATURE_LENGTH ||
    termCounts.length !== count ||
    candidateGaps.length !== count ||
    cutoffs.length !== count ||
    related.length !== count
  )
    return undefined;
  for (let doc = 1; doc < count; doc++) if (!(ids[doc - 1]! < ids[doc]!)) return undefined;
  const candidates = candidateGaps.map((gaps) => {
    let position = 0;
    return gaps.map((gap, slot) => (position = slot === 0 ? gap : position + gap));
  });
  const valid = (list: readonly number[], doc: number) => list.every((other) => other < count && other !== doc);
  const ascending = (list: readonly number[]) => list.every((other, slot) => slot === 0 || other > list[slot - 1]!);
  if (!candidates.every((list, doc) => valid(list, doc) && ascending(list)) || !related.every(valid)) return undefined;
  return {
    settings,
    ids,
    signatures: Array.from({ length: count }, (_, doc) => signatures.slice(doc * SIGNATURE_LENGTH, (doc + 1) * SIGNATURE_LENGTH)),
    termCounts,
    candidates,
    cutoffs,
    related,
  };
}

export interface RelatedCache {
  file: string;
  code: string;
  /** The previous build's state, when there is a usable one. */
  previous?: RelatedState;
}

/** Reads the previous build's related-paper state from the work folder. */
export async function openRelatedCache(workDir: string): Promise<RelatedCache> {
  const file = relatedStateFile(workDir);
  const code = await searchCodeVersion();
  const text = await fs.readFile(file, "utf8").catch(() => undefined);
  const previous = text === undefined ? undefined : parseRelatedState(text, code);
  return { file, code, ...(previous ? { previous } : {}) };
}

/** Keeps `state` for the next build, written whole or not at all. */
export async function saveRelatedCache(cache: RelatedCache, state: RelatedState): Promise<void> {
  await writeCacheFile(cache.file, serialiseRelatedState(state, cache.code));
}
