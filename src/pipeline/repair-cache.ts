import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { MathText } from "../math/math-text.ts";
import { repairKey, type Segment } from "../math/repair.ts";
import { PROJECT_ROOT } from "./run-eleventy.ts";

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

const MATH_SOURCE = path.join(PROJECT_ROOT, "src", "math");

async function repairCodeVersion(): Promise<string> {
  const hash = createHash("sha256");
  const files = (await fs.readdir(MATH_SOURCE)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts")).sort();
  for (const name of files)
    hash
      .update(name)
      .update("\0")
      .update(await fs.readFile(path.join(MATH_SOURCE, name)))
      .update("\0");
  // The repair asks KaTeX which spans it accepts: a new KaTeX may answer differently.
  hash.update(await fs.readFile(path.join(PROJECT_ROOT, "package-lock.json")));
  return hash.digest("hex").slice(0, 24);
}

/** Reads the previous build's repairs, when they were made by this repair code. */
export async function openRepairCache(workDir: string): Promise<RepairCache> {
  const file = path.join(workDir, "math-cache", `${await repairCodeVersion()}.json`);
  const entries = await fs.readFile(file, "utf8").then(
    (text) => JSON.parse(text) as [string, Segment[]][],
    () => [] as [string, Segment[]][],
  );
  const earlier = new Map(entries.map(([key, segments]) => [key, Object.freeze(segments.map((segment) => Object.freeze(segment)))]));
  return { file, loaded: entries.length, keys: new Set(earlier.keys()), earlier };
}

/** Keeps the repairs of this build's texts (and no others), as `mathText` made or reused them. */
export async function saveRepairCache(cache: RepairCache, texts: Iterable<string>, mathText: MathText): Promise<void> {
  const entries = new Map<string, readonly Segment[]>();
  for (const text of texts) entries.set(repairKey(text), mathText.segments(text));
  // A rebuild with no new or removed text: the kept file already says all of it.
  if (entries.size === cache.keys.size && [...entries.keys()].every((key) => cache.keys.has(key))) return;
  const folder = path.dirname(cache.file);
  await fs.mkdir(folder, { recursive: true });
  for (const name of await fs.readdir(folder))
    if (name !== path.basename(cache.file)) await fs.rm(path.join(folder, name), { force: true });
  const temporary = `${cache.file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  await fs.rename(temporary, cache.file);
}
