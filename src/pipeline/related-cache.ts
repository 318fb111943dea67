import fs from "node:fs/promises";
import os from "node:os";
import { crc32 } from "node:zlib";
import path from "node:path";
import { z } from "zod";
import type { PackedVectors, RelatedState } from "../related/related.ts";
import { codeVersion, writeCacheFile } from "./cache-files.ts";

/**
 * The related-paper search's state, kept between builds in
 * `<work-dir>/related-cache/state.bin`, so that a daily rebuild searches only
 * the added papers (see `updateRelated`). A file made by other code (another
 * format, other search or tokenising code, other locked dependencies), a
 * damaged one or one that fails validation is ignored: the search then starts
 * afresh, which gives the same lists, only slower.
 */
const FORMAT = 4;
const STATE_FILE = path.join("related-cache", "state.bin");

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
const count = z.number().int().nonnegative();

/**
 * The file: the header's length and a CRC-32 of everything after these two
 * (little-endian), this JSON header, then the vectors' typed arrays as they
 * lie in memory (weights first, at a multiple of 8 bytes), which read back in
 * milliseconds where JSON of their millions of numbers took most of a
 * second. The checksum catches what the checks below cannot: a changed
 * weight, a term swapped for another. Signatures are joined into one string (they
 * have a fixed length), and each paper's candidates are gaps between
 * ascending positions.
 */
const header = z.object({
  format: z.literal(FORMAT),
  code: z.string(),
  settings: z.string(),
  ids: listOf(isString, "ids"),
  signatures: z.string(),
  vocabulary: listOf(isString, "terms"),
  candidateGaps: listOf(isIndexList, "candidate lists"),
  // Exact: JSON writes a double's shortest form that reads back as the same double.
  cutoffs: listOf(isCutoff, "cutoffs"),
  related: listOf(isIndexList, "related lists"),
  slots: count,
  rankedSlots: count,
});
type Header = z.infer<typeof header>;

/** The typed arrays after the header, in file order. */
const ARRAYS = ["weights", "offsets", "terms", "rankedOffsets", "ranked"] as const;

const arrayLengths = (papers: number, { slots, rankedSlots }: Pick<Header, "slots" | "rankedSlots">) => ({
  weights: slots,
  offsets: papers + 1,
  terms: slots,
  rankedOffsets: papers + 1,
  ranked: rankedSlots,
});

export function serialiseRelatedState(state: RelatedState, code = ""): Buffer {
  const { vectors } = state;
  const file: Header = {
    format: FORMAT,
    code,
    settings: state.settings,
    ids: state.ids,
    signatures: state.signatures.join(""),
    vocabulary: state.vocabulary,
    candidateGaps: state.candidates.map((list) => list.map((position, slot) => position - (slot === 0 ? 0 : list[slot - 1]!))),
    cutoffs: state.cutoffs,
    related: state.related,
    slots: vectors.terms.length,
    rankedSlots: vectors.ranked.length,
  };
  const json = Buffer.from(JSON.stringify(file));
  const start = alignTo8(PREFIX + json.length);
  const prefix = Buffer.alloc(start);
  prefix.writeUInt32LE(json.length, 0);
  json.copy(prefix, PREFIX);
  const whole = Buffer.concat([
    prefix,
    ...ARRAYS.map((name) => Buffer.from(vectors[name].buffer, vectors[name].byteOffset, vectors[name].byteLength)),
  ]);
  whole.writeUInt32LE(crc32(whole.subarray(PREFIX)), 4);
  return whole;
}

/** The header's length, then the CRC-32 of everything after these 8 bytes. */
const PREFIX = 8;

const alignTo8 = (bytes: number) => Math.ceil(bytes / 8) * 8;

/** The state in `bytes`, or undefined when it is not a whole, consistent state made by `code`. */
export function parseRelatedState(bytes: Uint8Array, code = ""): RelatedState | undefined {
  // The arrays are read as this machine lays numbers out, which is how they were written: little-endian.
  if (os.endianness() !== "LE" || bytes.length < PREFIX) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(0, true);
  if (PREFIX + jsonLength > bytes.length || view.getUint32(4, true) !== crc32(bytes.subarray(PREFIX))) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + jsonLength)));
  } catch {
    return undefined;
  }
  const parsed = header.safeParse(json);
  if (!parsed.success || parsed.data.code !== code) return undefined;
  const { ids, signatures, vocabulary, candidateGaps, cutoffs, related, settings } = parsed.data;
  const papers = ids.length;
  if (
    signatures.length !== papers * SIGNATURE_LENGTH ||
    candidateGaps.length !== papers ||
    cutoffs.length !== papers ||
    related.length !== papers
  )
    return undefined;
  for (let doc = 1; doc < papers; doc++) if (!(ids[doc - 1]! < ids[doc]!)) return undefined;
  for (let term = 1; term < vocabulary.length; term++) if (!(vocabulary[term - 1]! < vocabulary[term]!)) return undefined;
  const vectors = readArrays(bytes, alignTo8(PREFIX + jsonLength), arrayLengths(papers, parsed.data));
  if (!vectors || !vectorsAreConsistent(vectors, papers, vocabulary.length)) return undefined;
  const candidates = candidateGaps.map((gaps) => {
    let position = 0;
    return gaps.map((gap, slot) => (position = slot === 0 ? gap : position + gap));
  });
  const valid = (list: readonly number[], doc: number) => list.every((other) => other < papers && other !== doc);
  const ascending = (list: readonly number[]) => list.every((other, slot) => slot === 0 || other > list[slot - 1]!);
  if (!candidates.every((list, doc) => valid(list, doc) && ascending(list)) || !related.every(valid)) return undefined;
  return {
    settings,
    ids,
    signatures: Array.from({ length: papers }, (_, doc) => signatures.slice(doc * SIGNATURE_LENGTH, (doc + 1) * SIGNATURE_LENGTH)),
    vocabulary,
    vectors,
    candidates,
    cutoffs,
    related,
  };
}

/** The arrays from `start` on, copied out (so aligned), when the file holds exactly them. */
function readArrays(bytes: Uint8Array, start: number, lengths: Record<(typeof ARRAYS)[number], number>): PackedVectors | undefined {
  const sizes = { weights: 8, offsets: 4, terms: 4, rankedOffsets: 4, ranked: 4 };
  const total = ARRAYS.reduce((sum, name) => sum + lengths[name] * sizes[name], 0);
  if (start + total !== bytes.length) return undefined;
  let at = start;
  const copy = (name: (typeof ARRAYS)[number]) => {
    // A copy (Buffer's own slice would be a view), so the array starts aligned.
    const slice = Uint8Array.prototype.slice.call(bytes, at, (at += lengths[name] * sizes[name]));
    return name === "weights" ? new Float64Array(slice.buffer) : new Int32Array(slice.buffer);
  };
  const [weights, offsets, terms, rankedOffsets, ranked] = ARRAYS.map(copy) as [
    Float64Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  return { weights, offsets, terms, rankedOffsets, ranked };
}

/** Offsets that run from 0 to the end in order; each paper's terms known and ascending, its weights finite, its ranked slots its own. */
function vectorsAreConsistent(vectors: PackedVectors, papers: number, vocabularySize: number): boolean {
  const { offsets, terms, weights, rankedOffsets, ranked } = vectors;
  if (offsets[0] !== 0 || offsets[papers] !== terms.length || rankedOffsets[0] !== 0 || rankedOffsets[papers] !== ranked.length)
    return false;
  for (let doc = 0; doc < papers; doc++) {
    const [start, end] = [offsets[doc]!, offsets[doc + 1]!];
    if (end < start || rankedOffsets[doc + 1]! < rankedOffsets[doc]!) return false;
    for (let slot = start; slot < end; slot++) {
      const term = terms[slot]!;
      if (term < 0 || term >= vocabularySize || (slot > start && term <= terms[slot - 1]!) || !Number.isFinite(weights[slot]!))
        return false;
    }
    for (let rank = rankedOffsets[doc]!; rank < rankedOffsets[doc + 1]!; rank++)
      if (ranked[rank]! < 0 || ranked[rank]! >= end - start) return false;
  }
  return true;
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
  // A build killed while its worker wrote the state leaves the temporary file (see writeCacheFile).
  for (const name of await fs.readdir(path.dirname(file)).catch(() => [] as string[]))
    if (name.startsWith(`${path.basename(file)}.`) && name.endsWith(".tmp"))
      await fs.rm(path.join(path.dirname(file), name), { force: true });
  const bytes = await fs.readFile(file).catch(() => undefined);
  const previous = bytes === undefined ? undefined : parseRelatedState(bytes, code);
  return { file, code, ...(previous ? { previous } : {}) };
}

/** Keeps `state` for the next build, written whole or not at all; an earlier format's file goes. */
export async function saveRelatedCache(cache: RelatedCache, state: RelatedState): Promise<void> {
  await writeCacheFile(cache.file, serialiseRelatedState(state, cache.code));
  await fs.rm(path.join(path.dirname(cache.file), "state.json"), { force: true });
}
