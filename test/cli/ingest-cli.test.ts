import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, PROJECT_ROOT, SAMPLE_DIGEST } from "../paths.ts";

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/ingest.ts` as `npm run ingest` would, in its own process, optionally feeding standard input. */
function runIngestCli(args: string[], stdin = ""): Promise<CliResult> {
  const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [path.join(PROJECT_ROOT, "scripts", "ingest.ts"), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, INIT_CWD: PROJECT_ROOT },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "dpa-ingest-cli-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const sample = fs.readFileSync(SAMPLE_DIGEST, "utf8");
const hfJsonFile = path.join(FIXTURES, "hf-json", "2025-08-23.json");

describe("npm run ingest", { timeout: 30_000 }, () => {
  const digests = path.join(root, "digests");

  it("stores a file and reports its date and papers", async () => {
    const result = await runIngestCli([SAMPLE_DIGEST, "--digests", digests]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${SAMPLE_DIGEST}: 2025-08-20 (from the file name), 67 papers, text digest`);
    expect(result.stdout).toContain(`stored as ${path.join(digests, "2025-08-20.txt")}`);
    expect(fs.readdirSync(digests)).toEqual(["2025-08-20.txt"]);
  });

  it("says so and exits 0 when the digest is already stored", async () => {
    const result = await runIngestCli([SAMPLE_DIGEST, "--digests", digests]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("already stored as");
  });

  it("refuses a conflicting digest with exit status 1, and replaces it with --force", async () => {
    const other = path.join(root, "2025-08-20.txt");
    fs.writeFileSync(other, sample.replace(/\n\nMUVERA[^\n]*\n\n[^\n]*/, ""));
    const refused = await runIngestCli([other, "--digests", digests]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "a different digest is already stored for 2025-08-20: 2025-08-20.txt (67 papers stored, 66 in the new one: 0 added, 1 dropped)",
    );

    const forced = await runIngestCli([other, "--digests", digests, "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readdirSync(path.join(digests, ".replaced"))).toEqual(["2025-08-20-replaced-1.txt"]);
  });

  it("reads JSON from standard input, dated by its content", async () => {
    const result = await runIngestCli(["-", "--digests", digests], fs.readFileSync(hfJsonFile, "utf8"));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("<stdin>: 2025-08-23 (from the papers' submittedOnDailyAt dates), 3 papers, Hugging Face JSON");
    expect(fs.existsSync(path.join(digests, "2025-08-23.json"))).toBe(true);
  });

  it("refuses undated standard input, asking for --date", async () => {
    const result = await runIngestCli(["-", "--digests", digests], sample);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "<stdin>: the date line (line 11) has no year and no year is written anywhere in the file; pass --date YYYY-MM-DD",
    );
  });

  it("refuses bad input naming file and line, and writes nothing", async () => {
    const bad = path.join(root, "2025-08-24.txt");
    fs.writeFileSync(bad, "Aug 24\n\nA Title With No Abstract\n");
    const before = fs.readdirSync(digests).sort();
    const result = await runIngestCli([bad, "--digests", digests]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}:3: the title "A Title With No Abstract" has no abstract after it`);
    expect(fs.readdirSync(digests).sort()).toEqual(before);
  });

  it("explains its usage when called wrongly", async () => {
    const none = await runIngestCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: npm run ingest -- FILE...");
    const unknown = await runIngestCli(["--frobnicate", SAMPLE_DIGEST]);
    expect(unknown.code).toBe(2);
  });
});
