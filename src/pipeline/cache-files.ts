import { createHash } from "node:crypto";
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
export async function writeCacheFile(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
}

/**
 * Makes `file` the only file of its cache folder (older versions go), holding
 * `entries` sorted by key, so the same entries give the same bytes.
 */
export async function replaceCacheFile(file: string, entries: Iterable<readonly [string, unknown]>): Promise<void> {
  const folder = path.dirname(file);
  await fs.mkdir(folder, { recursive: true });
  for (const name of await fs.readdir(folder)) if (name !== path.basename(file)) await fs.rm(path.join(folder, name), { force: true });
  await writeCacheFile(file, JSON.stringify([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/**
 * The entries of a file replaceCacheFile wrote, when `isEntries` accepts them
 * all; a missing, damaged or foreign file holds none, so the cache starts
 * afresh instead of failing the build.
 */
export async function readCacheEntries<V>(file: string, isEntries: (value: unknown) => value is [string, V][]): Promise<[string, V][]> {
  try {
    const value: unknown = JSON.parse(await fs.readFile(file, "utf8"));
    return isEntries(value) ? value : [];
  } catch {
    return [];
  }
}

/**
 * Keeps `current` (and no other entries) in `file`, unless its keys are the
 * ones `kept` already holds: each entry is a function of its key, so the file
 * already says all of it.
 */
export async function keepCacheEntries(file: string, kept: ReadonlySet<string>, current: ReadonlyMap<string, unknown>): Promise<void> {
  if (current.size === kept.size && [...current.keys()].every((key) => kept.has(key))) return;
  await replaceCacheFile(file, current);
}

/** An isEntries check: an array of [key, value] pairs whose values pass `isValue`. */
export const entriesOf =
  <V>(isValue: (value: unknown) => value is V) =>
  (value: unknown): value is [string, V][] =>
    Array.isArray(value) &&
    value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === "string" && isValue(entry[1]));
