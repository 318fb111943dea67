/** `npm run fetch` as a user runs it, against recorded answers on 127.0.0.1. */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, REAL_HF_DAILY } from "../paths.ts";
import { startRecordedApi } from "../recorded-api.ts";

const run = promisify(execFile);
let root: string;
let api: Awaited<ReturnType<typeof startRecordedApi>>;

async function fetchCli(args: string[]) {
  try {
    const { stdout, stderr } = await run(
      path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
      [
        path.join(PROJECT_ROOT, "scripts", "fetch-daily.ts"),
        "--api",
        api.api,
        "--digests",
        path.join(root, "digests"),
        "--delay",
        "0",
        "--backoff",
        "0",
        ...args,
      ],
      { cwd: PROJECT_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "dpa-fetch-"));
  api = await startRecordedApi({
    "2025-08-13": [{ body: await fs.readFile(path.join(REAL_HF_DAILY, "2025-08-13.json"), "utf8") }],
    "2025-08-14": [{ status: 403, body: "{}" }],
  });
});

afterAll(async () => {
  await api?.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe("npm run fetch", () => {
  it("stores a real day through ingest's checks, and a second fetch of it changes nothing", async () => {
    const first = await fetchCli(["--date", "2025-08-13", "--today", "2025-08-15"]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toContain(`2025-08-13: new day, 17 papers; stored as ${path.join(root, "digests", "2025-08-13.json")}`);
    const stored = await fs.readFile(path.join(root, "digests", "2025-08-13.json"), "utf8");
    const again = await fetchCli(["--date", "2025-08-13", "--today", "2025-08-16"]);
    expect(again.stdout).toContain("2025-08-13: 17 papers, unchanged");
    expect(await fs.readFile(path.join(root, "digests", "2025-08-13.json"), "utf8")).toBe(stored);
  }, 60_000);

  it("names an HTTP error it does not retry, and stores no day of the range", async () => {
    const before = await fs.readdir(path.join(root, "digests"));
    const result = await fetchCli(["--from", "2025-08-13", "--to", "2025-08-14", "--today", "2025-08-20"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /2025-08-14: fetching http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=2025-08-14 failed: HTTP 403 Forbidden/,
    );
    expect(result.stderr).toContain("Nothing was stored: 1 of 2 days failed.");
    expect(api.requests.filter((date) => date === "2025-08-14")).toHaveLength(1);
    expect(await fs.readdir(path.join(root, "digests"))).toEqual(before);
  }, 60_000);

  it("refuses wrong usage with exit status 2", async () => {
    expect((await fetchCli(["--date", "2025-13-01"])).code).toBe(2);
    expect((await fetchCli(["--api", "ftp://example.org"])).stderr).toContain("--api ftp://example.org is not an http(s) address");
  }, 60_000);
});
