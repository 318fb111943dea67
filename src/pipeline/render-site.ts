import path from "node:path";
import { clearForReuse } from "./recycle-site.ts";
import { restorePages, storePages, type CachedPage, type FileIdentity, type RenderCache } from "./render-cache.ts";
import { renderInProcesses } from "./render-in-processes.ts";
import { runEleventy } from "./run-eleventy.ts";
import type { Log } from "./stage-log.ts";
import type { FolderSurvey } from "./survey-folder.ts";
import type { EleventyInput } from "./write-input.ts";

/** What the render stage returns: a folder holding every page of the site. */
export interface RenderedSite {
  folder: string;
  /** Pages Eleventy wrote this time. */
  rendered: number;
  /** Pages copied from the render cache. */
  reused: number;
  /** Eleventy processes used (0: rendered in this process). */
  processes: number;
  /** Folders of a recycled site that lost files, for removeEmptyFolders once the site is complete. */
  vacated: string[];
  /** What was moved out of a recycled site (a trash folder in the builds folder), for removing once the build is done. */
  trash?: string;
}

export interface RenderOptions {
  /** The folder the site is rendered into (a staging folder beside the output). */
  folder: string;
  basePath: string;
  jobs: number;
  /** Whether `folder` holds an earlier build's site (see prepareBuildFolder) rather than nothing. */
  recycled: boolean;
  cache?: RenderCache;
  /** What a recycled folder held (see surveyFolder), read while the build went on. */
  survey?: FolderSurvey;
  log: Log;
}

/**
 * Renders the Eleventy input into `folder`: in this process when few paper
 * pages are to render, else the listings and every shard each in its own
 * process, while the pages the render cache had are put in beside them; then
 * keeps the new ones in the cache. A recycled folder is first cleared of
 * all but the cached pages it already holds, so Eleventy never writes
 * through a link into the cache.
 */
export async function renderSite(input: EleventyInput, options: RenderOptions): Promise<RenderedSite> {
  const { folder, basePath, jobs, cache, log } = options;
  // Moved-out folders go into the builds folder, beside this one, as trash: removed once the build is done
  // (removing tens of thousands of files beside the render slows it), else by the next build.
  const { kept, vacated, trash } = options.recycled
    ? clearForReuse(
        folder,
        new Map(cache ? input.reused.flatMap((page) => identityOf(cache, page)) : []),
        path.dirname(folder),
        options.survey,
      )
    : { kept: new Set<string>(), vacated: [] };
  // Cached pages are linked in while Eleventy renders the others: no page is both. Its failure is
  // held (not left unhandled) until Eleventy is done, so a failing render never leaves it running.
  const toRestore = kept.size ? input.reused.filter((page) => !kept.has(page.file)) : input.reused;
  const restoring = cache
    ? restorePages(cache, toRestore, folder).then(
        () => undefined,
        (error: unknown) => ({ error }),
      )
    : Promise.resolve(undefined);
  let restoreFailure: { error: unknown } | undefined;
  let rendered: number;
  let processes = 0;
  try {
    if (input.shards.length === 0) {
      rendered = await runEleventy(input.listings, folder, basePath);
    } else {
      const inputs = [input.listings, ...input.shards];
      processes = inputs.length;
      let done = 0;
      rendered = await renderInProcesses(inputs, folder, {
        basePath,
        jobs,
        onRendered: (rendered) => {
          done++;
          const what = rendered === input.listings ? "listing pages" : `paper shard ${path.basename(rendered)}`;
          log(`[eleventy] ${what} rendered (${done} of ${inputs.length})`);
        },
      });
    }
  } finally {
    restoreFailure = await restoring;
  }
  if (restoreFailure) throw restoreFailure.error;
  if (cache) await storePages(cache, input.rendered, folder, new Set([...input.rendered, ...input.reused].map((page) => page.key)));
  return { folder, rendered, reused: input.reused.length, processes, vacated, ...(trash ? { trash } : {}) };
}

/** A reused page's file and its cache entry's identity, as heldPages found it (none: not kept in place). */
function identityOf(cache: RenderCache, page: CachedPage): [string, FileIdentity][] {
  const identity = cache.identities.get(page.key);
  return identity ? [[page.file, identity]] : [];
}
