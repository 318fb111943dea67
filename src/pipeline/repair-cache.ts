import path from "node:path";
import type { MathText } from "../math/math-text.ts";
import { isTextAsItIs, TEXT_AS_IT_IS, type Segment } from "../math/repair.ts";
import { codeVersion, entriesOf, keepCacheEntries, readCacheEntries } from "./cache-files.ts";

/**
 * The math repair of every title and abstract, kept between builds in
 * `<work-dir>/math-cache/`: repairing is most of enrichment, and an
 * archive's old digests never change. The file is named by a hash of the
 * repair code and the locked dependencies (KaTeX), so any change starts afresh.
 */
export interface RepairCache {
  file: string;
  /** Repairs read from the previous build. */
  loaded: number;
  /** Their keys: when this build's texts are the same, the file is left as it is. */
  keys: ReadonlySet<string>;
  /** The repairs themselves, by `repairKey`, for this build's `MathText`. */
  earlier: ReadonlyMap<string, readonly Segment[]>;
}

// The repair asks KaTeX which spans it accepts: a new KaTeX (in the locked dependencies) may answer differently.
const repairCodeVersion = () => codeVersion([path.join("src", "math")]);

const isSegments = (value: unknown): value is Segment[] =>
  Array.isArray(value) && value.every((segment) => typeof segment === "object" && segment !== null && "kind" in segment);

/**
 * How the file writes a text the repair left as it is (most texts, those without math): the text
 * itself is the build's already, and writing it again made the cache as large as the archive.
 */
const AS_IT_IS = 0;
const isKept = (value: unknown): value is Segment[] | typeof AS_IT_IS => value === AS_IT_IS || isSegments(value);

/** Reads the previous build's repairs, when they were made by this repair code. */
export async function openRepairCache(workDir: string): Promise<RepairCache> {
  const file = path.join(workDir, "math-cache", `${await repairCodeVersion()}.json`);
  const entries = await readCacheEntries(file, entriesOf(isKept));
  const earlier = new Map(
    entries.map(([key, kept]) => [key, kept === AS_IT_IS ? TEXT_AS_IT_IS : Object.freeze(kept.map((segment) => Object.freeze(segment)))]),
  );
  return { file, loaded: entries.length, keys: new Set(earlier.keys()), earlier };
}

/** Keeps the repairs of this build's texts (and no others), as `mathText` made or reused them. */
export async function saveRepairCache(cache: RepairCache, texts: Iterable<string>, mathText: MathText): Promise<void> {
  const entries = new Map<string, readonly Segment[] | typeof AS_IT_IS>();
  for (const text of texts) {
    const segments = mathText.segments(text);
    entries.set(mathText.key(text), isTextAsItIs(segments, text) ? AS_IT_IS : segments);
  }
  await keepCacheEntries(cache.file, cache.keys, entries);
}
