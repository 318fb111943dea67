import path from "node:path";
import Eleventy from "@11ty/eleventy";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Renders the generated folder with the project's `.eleventy.ts` into `output`; returns the number of files written. */
export async function runEleventy(siteSource: string, output: string, basePath: string, options: { papersOnly?: boolean } = {}): Promise<number> {
  // The config reads where the generated input is from the environment, as it does under the eleventy CLI.
  process.env.DPA_SITE_SOURCE = siteSource;
  // A shard of paper pages: the site's own pages and assets come from the listings pass.
  if (options.papersOnly) process.env.DPA_PAPERS_ONLY = "1";
  else delete process.env.DPA_PAPERS_ONLY;
  const eleventy = new Eleventy(siteSource, output, {
    configPath: path.join(PROJECT_ROOT, ".eleventy.ts"),
    quietMode: true,
    pathPrefix: basePath,
  });
  const written = await eleventy.write();
  return countWritten(written);
}

function countWritten(result: unknown): number {
  // Eleventy 3 resolves to [passthroughCopies, templates]; count the templates.
  if (Array.isArray(result) && Array.isArray(result[1])) return (result[1] as unknown[]).length;
  return Array.isArray(result) ? result.length : 0;
}
