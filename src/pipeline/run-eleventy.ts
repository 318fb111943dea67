import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Renders a generated input folder with the project's `.eleventy.ts` into
 * `output`; returns the number of pages written. The folder's render job
 * (render-job.ts) tells the config what to render.
 */
export async function runEleventy(siteSource: string, output: string, basePath: string): Promise<number> {
  // Loaded here, not with the module: a large archive renders in Eleventy processes of their own, and the build
  // process, which imports this module for PROJECT_ROOT, need not spend the start-up on Eleventy.
  const { default: Eleventy } = await import("@11ty/eleventy");
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
