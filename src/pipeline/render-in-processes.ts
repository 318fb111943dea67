import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "./run-eleventy.ts";

/**
 * Renders Eleventy input folders, each in its own Eleventy process, at most
 * `jobs` at a time, all into the same output folder (their pages never
 * overlap). Separate processes bound memory (Eleventy holds every page it
 * renders) and use every core. Waits for every process, also after a
 * failure, so none is still writing when the caller removes the output; then
 * throws the first failure. Resolves to the total pages written.
 */
export async function renderInProcesses(
  inputs: readonly string[],
  output: string,
  { basePath, jobs, onRendered = () => {} }: { basePath: string; jobs: number; onRendered?: (input: string) => void },
): Promise<number> {
  const queue = [...inputs];
  const results: PromiseSettledResult<number>[] = [];
  const worker = async () => {
    for (let input = queue.shift(); input !== undefined; input = queue.shift()) {
      const [result] = await Promise.allSettled([renderOne(input, output, basePath)]);
      results.push(result);
      if (result.status === "fulfilled") onRendered(input);
      // After a failure the rest would be thrown away: start no more.
      else queue.length = 0;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, inputs.length)) }, worker));
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return results.reduce((sum, result) => sum + (result.status === "fulfilled" ? result.value : 0), 0);
}

function renderOne(input: string, output: string, basePath: string): Promise<number> {
  const script = path.join(PROJECT_ROOT, "scripts", "render-part.ts");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, input, output, basePath], {
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
      else reject(new Error(`rendering ${input} failed (exit ${code}):\n${stderr || stdout}`));
    });
  });
}
