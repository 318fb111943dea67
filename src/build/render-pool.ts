import { spawn } from "node:child_process";
import path from "node:path";
import type { Log } from "./stage-log.ts";
import { PROJECT_ROOT } from "./run-eleventy.ts";

export interface RenderTask {
  /** Eleventy input folder. */
  input: string;
  /** Paper shards render their pages only; the listings task also renders the site's pages and copies assets. */
  papersOnly: boolean;
}

/**
 * Renders each task in its own Eleventy process, at most `jobs` at a time,
 * all into the same output folder (their pages never overlap). Separate
 * processes bound memory (Eleventy holds every page it renders) and use
 * every core. Returns the number of pages written.
 */
export async function renderInProcesses(tasks: readonly RenderTask[], output: string, basePath: string, jobs: number, log: Log): Promise<number> {
  const queue = [...tasks];
  let pages = 0;
  let done = 0;
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) {
      const rendered = await renderOne(task, output, basePath);
      pages += rendered;
      done++;
      log(`[eleventy] ${done}/${tasks.length} parts rendered (${Math.round((done / tasks.length) * 100)}%)`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  return pages;
}

function renderOne(task: RenderTask, output: string, basePath: string): Promise<number> {
  const script = path.join(PROJECT_ROOT, "scripts", "render-part.ts");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, task.input, output, basePath, task.papersOnly ? "papers" : "all"], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const pages = Number(/^pages (\d+)$/m.exec(stdout)?.[1]);
      if (code === 0 && Number.isFinite(pages)) resolve(pages);
      else reject(new Error(`rendering ${task.input} failed (exit ${code}):\n${stderr || stdout}`));
    });
  });
}
