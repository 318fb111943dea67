import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "./paths.ts";

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/build.ts` as `npm run build` would, in its own process (with `env` added to the environment). */
export async function runBuildCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  try {
    const { stdout, stderr } = await run(tsx, [path.join(PROJECT_ROOT, "scripts", "build.ts"), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}
