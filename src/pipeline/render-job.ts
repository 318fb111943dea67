import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/**
 * What an Eleventy input folder is for, written into the folder by the
 * write-input stage and read by `.eleventy.ts`: the folder says what to
 * render, so no setting travels through the environment.
 */
export const renderJobSchema = z.object({
  /** A shard of paper pages: the site's own pages and assets come from the listings folder's run. */
  papersOnly: z.boolean(),
});
export type RenderJob = z.infer<typeof renderJobSchema>;

/** Not a template format Eleventy reads (md, njk), so it never becomes a page. */
const RENDER_JOB_FILE = "render-job.json";

export async function writeRenderJob(inputFolder: string, job: RenderJob): Promise<void> {
  await fs.writeFile(path.join(inputFolder, RENDER_JOB_FILE), JSON.stringify(job));
}

/** The job of an input folder; a folder without one (Eleventy run by hand) renders everything. */
export function readRenderJob(inputFolder: string): RenderJob {
  const file = path.join(inputFolder, RENDER_JOB_FILE);
  if (!existsSync(file)) return { papersOnly: false };
  return renderJobSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
