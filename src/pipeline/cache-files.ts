import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

// Not run-eleventy.ts's PROJECT_ROOT: caches open on worker threads too, and that module would load Eleventy there.
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * A short hash of the code that made a cache's entries: every file in
 * `folders` (relative to the project, tests left out), the locked
 * dependencies (stemming, KaTeX and the like come from them), and `also`
 * (settings or data the entries depend on). A cache named by it starts
 * afresh whenever any of these changes.
 */
export async function codeVersion(folders: readonly string[], also: readonly string[] = []): Promise<string> {
  const hash = createHash("sha256");
  for (const value of also) hash.update(value).update("\0");
  for (const folder of folders) {
    const names = (await fs.readdir(path.join(PROJECT_ROOT, folder))).filter((name) => !name.endsWith(".test.ts")).sort();
    for (const name of names)
      hash
        .update(path.join(folder, name))
        .update("\0")
        .update(await fs.readFile(path.join(PROJECT_ROOT, folder, name)))
        .update("\0");
  }
  hash.update(await fs.readFile(path.join(PROJECT_ROOT, "package-lock.json")));
  return hash.digest("hex").slice(0, 24);
}

/** Writes `text` to a temporary file and renames it into place, so a killed build never leaves half a cache file. */
export async function writeCacheFile(file: string, text: string | Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

/**
 * Makes `file` the only file of its cache folder (older versions and
 * additions go), holding `entries` sorted by key, so the same entries give
 * the same bytes.
 */
export async function replaceCacheFile(file: string, entries: Iterable<readonly [string, unknown]>): Promise<void> {
  const folder = path.dirname(file);
  await fs.mkdir(folder, { recursive: true });
  for (const name of await fs.readdir(folder)) if (name !== path.basename(file)) await fs.rm(path.join(folder, name), { force: true });
  await writeCacheFile(file, JSON.stringify([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/**
 * A cache is its file plus additions beside it (`<name>+<n>.json`), so a
 * build that adds a day's entries to a cache of tens of megabytes writes
 * those alone. They are merged into one file again once there are this many,
 * or once the entries no build needs any more pass a tenth of the cache.
 */
const MAX_CACHE_PARTS = 8;
const UNUSED_SHARE = 0.1;

/** The files holding `file`'s entries: itself first, then its additions in the order they were made. */
async function cacheParts(file: string): Promise<string[]> {
  const additions = (await fs.readdir(path.dirname(file)).catch(() => [] as string[]))
    .map((name) => ({ name, number: additionNumber(file, name) }))
    .filter((addition): addition is { name: string; number: number } => addition.number !== undefined)
    .sort((a, b) => a.number - b.number);
  return [file, ...additions.map(({ name }) => path.join(path.dirname(file), name))];
}

/** n for the name `<file's name>+<n>.json`, else undefined. */
function additionNumber(file: string, name: string): number | undefined {
  const prefix = `${path.basename(file, ".json")}+`;
  if (!name.startsWith(prefix) || !name.endsWith(".json")) return undefined;
  const digits = name.slice(prefix.length, -".json".length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/**
 * The entries of a cache replaceCacheFile and keepCacheEntries wrote: the
 * file and its additions. A part that is missing, damaged or foreign, or
 * whose entries `isEntries` does not all accept, holds none, so its entries
 * are made again instead of failing the build.
 */
export async function readCacheEntries<V>(file: string, isEntries: (value: unknown) => value is [string, V][]): Promise<[string, V][]> {
  const entries: [string, V][] = [];
  for (const part of await cacheParts(file)) {
    try {
      const value: unknown = JSON.parse(await fs.readFile(part, "utf8"));
      if (isEntries(value)) for (const entry of value) entries.push(entry);
    } catch {
      // Holds nothing: its entries are made again and kept in a later part.
    }
  }
  return entries;
}

/**
 * Keeps `current` in `file`'s cache, where `kept` are the keys it holds now
 * (what readCacheEntries gave). Each entry is a function of its key, so when
 * `kept` has every current key nothing is written; else the new entries are
 * added beside the file, or, when the cache has too many parts or too many
 * entries no build needs, `current` alone is written as one file.
 */
export async function keepCacheEntries(file: string, kept: ReadonlySet<string>, current: ReadonlyMap<string, unknown>): Promise<void> {
  const added = [...current].filter(([key]) => !kept.has(key));
  let unused = 0;
  for (const key of kept) if (!current.has(key)) unused++;
  if (added.length === 0 && unused <= current.size * UNUSED_SHARE) return;
  const parts = await cacheParts(file);
  if (parts.length >= MAX_CACHE_PARTS || unused > current.size * UNUSED_SHARE || !existsSync(file)) {
    await replaceCacheFile(file, current);
    return;
  }
  const last = additionNumber(file, path.basename(parts.at(-1)!)) ?? 0;
  await writeCacheFile(
    path.join(path.dirname(file), `${path.basename(file, ".json")}+${last + 1}.json`),
    JSON.stringify(added.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  );
}

/** An isEntries check: an array of [key, value] pairs whose values pass `isValue`. */
export const entriesOf =
  <V>(isValue: (value: unknown) => value is V) =>
  (value: unknown): value is [string, V][] =>
    Array.isArray(value) &&
    value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && isValue(entry[1]));
