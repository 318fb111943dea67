import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./run-eleventy.ts";

export interface RenderTask {
  /** Eleventy input folder. */
  input: string;
  /** Paper shards render their pages only; the listings task also renders the site's pages and copies assets. */
  papersOnly: boolean;
}

/**
 * Renders Eleventy inputs, each in its own Eleventy process, at most `jobs`
 * at a time, all into the same output folder (their pages never overlap).
 * Separate processes bound memory (Eleventy holds every page it renders) and
 * use every core. A task can be handed over as soon as its input is written:
 * the listing pages start rendering while the paper pages are still being
 * prepared.
 */
export class RenderPool {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly started: Promise<number>[] = [];

  constructor(
    private readonly output: string,
    private readonly basePath: string,
    private readonly jobs: number,
  ) {}

  /** Queues `task`; resolves to the number of pages it wrote. */
  render(task: RenderTask): Promise<number> {
    const rendering = (async () => {
      if (this.running < Math.max(1, this.jobs)) this.running++;
      // A task that finishes hands its slot straight to the longest waiting one.
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
      try {
        return await renderOne(task, this.output, this.basePath);
      } finally {
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
      }
    })();
    // Awaited in finish(); until then a failure must not count as unhandled.
    rendering.catch(() => {});
    this.started.push(rendering);
    return rendering;
  }

  /** Waits for every queued task (also after a failure, so none writes into a folder being removed); the total pages written. */
  async finish(): Promise<number> {
    const results = await Promise.allSettled(this.started);
    const failed = results.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    return results.reduce((sum, result) => sum + (result.status === "fulfilled" ? result.value : 0), 0);
  }
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
