import path from "node:path";
import { restorePages, storePages, type RenderCache } from "./render-cache.ts";
import { renderInProcesses } from "./render-in-processes.ts";
import { runEleventy } from "./run-eleventy.ts";
import type { Log } from "./stage-log.ts";
import type { EleventyInput } from "./write-input.ts";

/** What the render stage returns: a folder holding every page of the site. */
export interface RenderedSite {
  folder: string;
  /** Pages Eleventy wrote this time. */
  rendered: number;
  /** Paper pages copied from the render cache. */
  reused: number;
  /** Eleventy processes used (0: rendered in this process). */
  processes: number;
}

export interface RenderOptions {
  /** The folder the site is rendered into (a staging folder beside the output). */
  folder: string;
  basePath: string;
  jobs: number;
  cache?: RenderCache;
  log: Log;
}

/**
 * Renders the Eleventy input into `folder`: in this process for a small
 * archive, else the listings and every shard each in its own process. Then
 * puts in the paper pages the render cache had, and keeps the new ones.
 */
export async function renderSite(input: EleventyInput, options: RenderOptions): Promise<RenderedSite> {
  const { folder, basePath, jobs, cache, log } = options;
  let rendered: number;
  let processes = 0;
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
  if (cache) {
    await restorePages(cache, input.reused, folder);
    await storePages(cache, input.rendered, folder, new Set([...input.rendered, ...input.reused].map((paper) => paper.key)));
  }
  return { folder, rendered, reused: input.reused.length, processes };
}
