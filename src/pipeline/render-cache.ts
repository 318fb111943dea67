import { createHash, hash } from "node:crypto";
import { statSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { BuildSettings } from "../model/site.ts";
import { linkOrCopy, mapInBatches } from "./file-batches.ts";
import { PROJECT_ROOT } from "./run-eleventy.ts";
import type { FileStat } from "./survey-folder.ts";

/**
 * Rendered pages kept between builds, keyed by a hash of everything that
 * decides a page's bytes: its data (a paper's page data and abstract, a
 * listing's pagination item), the build settings, and the code and templates
 * that render it. A rebuild renders only pages whose key is new (a new paper,
 * a changed related list, the days of the current month) and copies the rest,
 * so the result is byte-identical to a clean build.
 */
export interface RenderCache {
  folder: string;
  /** Hash of the renderer: layouts, source, Eleventy config, locked dependencies, settings. */
  version: string;
  /** What each entry held when it was stored, to tell a damaged entry from a good one. */
  entries: Map<string, EntryCheck>;
  /** The file identity (device and inode) of each entry heldPages found whole in this build. */
  identities: Map<string, FileIdentity>;
}

/** Which file a path is: two paths with the same identity are hard links of one file. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

/** An entry as stored: its size and time for a cheap check, its hash for a sure one. */
interface EntryCheck {
  size: number;
  mtimeMs: number;
  sha1: string;
}

const MANIFEST = "manifest.json";

/** What decides how a page renders besides its own data. */
const RENDERER_PATHS = ["layouts", "src", ".eleventy.ts", "package-lock.json"];

async function filesUnder(entry: string): Promise<string[]> {
  const stat = await fs.stat(entry).catch(() => undefined);
  if (!stat) return [];
  if (stat.isFile()) return [entry];
  const names = (await fs.readdir(entry, { recursive: true, withFileTypes: true }))
    .filter((item) => item.isFile() && !item.name.endsWith(".test.ts"))
    .map((item) => path.join(item.parentPath, item.name));
  return names.sort();
}

/** Where the work folder keeps rendered pages, one file a page named by its key, beside the manifest. */
export const renderCacheFolder = (workDir: string) => path.join(workDir, "render-cache");

export async function openRenderCache(workDir: string, settings: BuildSettings): Promise<RenderCache> {
  const version = createHash("sha256").update(JSON.stringify(settings));
  for (const entry of RENDERER_PATHS) {
    for (const file of await filesUnder(path.join(PROJECT_ROOT, entry))) {
      version
        .update(path.relative(PROJECT_ROOT, file))
        .update("\0")
        .update(await fs.readFile(file))
        .update("\0");
    }
  }
  const folder = renderCacheFolder(workDir);
  await fs.mkdir(folder, { recursive: true });
  const stored = await fs.readFile(path.join(folder, MANIFEST), "utf8").then(
    (text) => Object.entries(JSON.parse(text) as Record<string, EntryCheck>),
    () => [] as [string, EntryCheck][],
  );
  return { folder, version: version.digest("hex"), entries: new Map(stored), identities: new Map() };
}

/** The key of one page: the renderer's version and what decides the file Eleventy would read. */
export function pageKey(cache: RenderCache, pageInput: string): string {
  return hash("sha256", `${cache.version}\0${pageInput}`, "hex").slice(0, 40);
}

/** Where the cache keeps the page `key`. */
export const cachedPage = (cache: RenderCache, key: string) => path.join(cache.folder, cachedPageName(key));

const cachedPageName = (key: string) => `${key}.html`;

/**
 * The keys among `keys` whose pages the cache holds whole, each entry's
 * identity noted in `cache.identities`. An entry whose size or time differs
 * from when it was stored is hashed, and one whose bytes changed (a damaged
 * disk, an edit) is dropped, so the page is rendered again. `surveyed` (surveyFiles'
 * of the cache's folder, made since nothing else writes there) stands for each entry's `stat`.
 */
export async function heldPages(
  cache: RenderCache,
  keys: readonly string[],
  surveyed?: ReadonlyMap<string, FileStat>,
): Promise<Set<string>> {
  const held = new Set<string>();
  const suspect: string[] = [];
  for (const key of keys) {
    const expected = cache.entries.get(key);
    if (!expected) continue;
    // Synchronous: asked for every page of the archive, and a stat through the thread pool costs more than the call.
    // An entry the survey lacks may be no regular file: asked again.
    const stat = surveyed?.get(cachedPageName(key)) ?? regularFileStat(cachedPage(cache, key));
    if (!stat) continue;
    if (stat.size === expected.size && stat.mtimeMs === expected.mtimeMs) {
      held.add(key);
      cache.identities.set(key, { dev: stat.dev, ino: stat.ino });
    } else suspect.push(key);
  }
  await mapInBatches(suspect, async (key) => {
    const file = cachedPage(cache, key);
    const bytes = await fs.readFile(file).catch(() => undefined);
    const stat = await fs.stat(file).catch(() => undefined);
    if (bytes && stat && sha1(bytes) === cache.entries.get(key)!.sha1) {
      held.add(key);
      cache.identities.set(key, { dev: stat.dev, ino: stat.ino });
      return;
    }
    cache.entries.delete(key);
    await fs.rm(file, { recursive: true, force: true });
  });
  return held;
}

function regularFileStat(file: string): FileStat | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat : undefined;
}

const sha1 = (bytes: Buffer) => createHash("sha1").update(bytes).digest("hex");

/** A page of the site and its cache key. */
export interface CachedPage {
  /** Relative to the site root: "papers/<slug>/index.html". */
  file: string;
  key: string;
}

/** Puts pages rendered by earlier builds into the site being built. */
export async function restorePages(cache: RenderCache, pages: readonly CachedPage[], site: string): Promise<void> {
  await mapInBatches(pages, async ({ file, key }) => {
    await fs.mkdir(path.dirname(path.join(site, file)), { recursive: true });
    await linkOrCopy(cachedPage(cache, key), path.join(site, file));
  });
}

/** Keeps this build's newly rendered pages, and drops cached pages no current paper uses. */
export async function storePages(
  cache: RenderCache,
  rendered: readonly CachedPage[],
  site: string,
  keep: ReadonlySet<string>,
): Promise<void> {
  await mapInBatches(rendered, async ({ file, key }) => {
    await fs.rm(cachedPage(cache, key), { recursive: true, force: true });
    await linkOrCopy(path.join(site, file), cachedPage(cache, key));
    const [stat, bytes] = await Promise.all([fs.stat(cachedPage(cache, key)), fs.readFile(cachedPage(cache, key))]);
    cache.entries.set(key, { size: stat.size, mtimeMs: stat.mtimeMs, sha1: sha1(bytes) });
  });
  const stale = (await fs.readdir(cache.folder)).filter((name) => name !== MANIFEST && !keep.has(name.replace(/\.html$/, "")));
  await mapInBatches(stale, (name) => fs.rm(path.join(cache.folder, name), { recursive: true, force: true }));
  for (const key of cache.entries.keys()) if (!keep.has(key)) cache.entries.delete(key);
  const manifest = Object.fromEntries([...cache.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const temporary = path.join(cache.folder, `${MANIFEST}.${process.pid}.tmp`);
  await fs.writeFile(temporary, JSON.stringify(manifest));
  await fs.rename(temporary, path.join(cache.folder, MANIFEST));
}
