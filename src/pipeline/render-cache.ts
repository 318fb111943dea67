import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { BuildSettings } from "../model/site.ts";
import { linkOrCopy, mapInBatches } from "./file-batches.ts";
import { PROJECT_ROOT } from "./run-eleventy.ts";

/**
 * Rendered paper pages kept between builds, keyed by a hash of everything that
 * decides a page's bytes: its generated markdown file, the build settings, and
 * the code and templates that render it. A rebuild renders only papers whose
 * key is new (a new paper, a changed related list) and copies the rest, so the
 * result is byte-identical to a clean build.
 */
export interface RenderCache {
  folder: string;
  /** Hash of the renderer: layouts, source, Eleventy config, locked dependencies, settings. */
  version: string;
}

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

export async function openRenderCache(workDir: string, settings: BuildSettings): Promise<RenderCache> {
  const hash = createHash("sha256").update(JSON.stringify(settings));
  for (const entry of RENDERER_PATHS) {
    for (const file of await filesUnder(path.join(PROJECT_ROOT, entry))) {
      hash.update(path.relative(PROJECT_ROOT, file)).update("\0").update(await fs.readFile(file)).update("\0");
    }
  }
  const folder = path.join(workDir, "render-cache");
  await fs.mkdir(folder, { recursive: true });
  return { folder, version: hash.digest("hex") };
}

/** The key of one page: the renderer's version and the exact file Eleventy would read. */
export function pageKey(cache: RenderCache, generatedFile: string): string {
  return createHash("sha256").update(cache.version).update("\0").update(generatedFile).digest("hex").slice(0, 40);
}

const cachedPage = (cache: RenderCache, key: string) => path.join(cache.folder, `${key}.html`);

export async function hasPage(cache: RenderCache, key: string): Promise<boolean> {
  return fs.stat(cachedPage(cache, key)).then(
    () => true,
    () => false,
  );
}

export interface CachedPaper {
  slug: string;
  key: string;
}

const pageInSite = (site: string, slug: string) => path.join(site, "papers", slug, "index.html");

/** Puts pages rendered by earlier builds into the site being built. */
export async function restorePages(cache: RenderCache, papers: readonly CachedPaper[], site: string): Promise<void> {
  await mapInBatches(papers, async ({ slug, key }) => {
    await fs.mkdir(path.dirname(pageInSite(site, slug)), { recursive: true });
    await linkOrCopy(cachedPage(cache, key), pageInSite(site, slug));
  });
}

/** Keeps this build's newly rendered pages, and drops cached pages no current paper uses. */
export async function storePages(cache: RenderCache, rendered: readonly CachedPaper[], site: string, keep: ReadonlySet<string>): Promise<void> {
  await mapInBatches(rendered, async ({ slug, key }) => {
    await fs.rm(cachedPage(cache, key), { force: true });
    await linkOrCopy(pageInSite(site, slug), cachedPage(cache, key));
  });
  const stale = (await fs.readdir(cache.folder)).filter((name) => !keep.has(name.replace(/\.html$/, "")));
  await mapInBatches(stale, (name) => fs.rm(path.join(cache.folder, name), { force: true }));
}
