/**
 * `npm run daily` end to end, against a real HTTP server on 127.0.0.1 serving
 * recorded answers of the Hugging Face daily papers API, in a scratch git
 * repository: fetch, build, commit, and every way the fetch can go wrong.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, REAL_HF_DAILY } from "../paths.ts";
import { startRecordedApi, type RecordedReply } from "../recorded-api.ts";

const run = promisify(execFile);
type Entry = { paper: { id: string; upvotes: number }; numComments: number; countedOn?: string };

const realDay = async (date: string) => fs.readFile(path.join(REAL_HF_DAILY, `${date}.json`), "utf8");

let root: string;
let repo: string;
let digests: string;
let site: string;
let api: Awaited<ReturnType<typeof startRecordedApi>>;
let full: Entry[];
let early: Entry[];
/** A paper of the early snapshot that the later answer leaves out. */
let dropped: string;

async function daily(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
  const common = [
    "--digests",
    digests,
    "--output",
    site,
    "--work-dir",
    path.join(root, "work"),
    "--site-url",
    "https://papers.example.org",
  ];
  const timing = ["--api", api.api, "--delay", "0", "--backoff", "0.05", "--timeout", "1", "--retries", "2"];
  try {
    const { stdout, stderr } = await run(tsx, [path.join(PROJECT_ROOT, "scripts", "daily.ts"), ...common, ...timing, ...args], {
      cwd: PROJECT_ROOT,
      // A scratch identity-less git, as on a fresh CI runner.
      env: { ...process.env, HOME: root, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: path.join(root, "no-gitconfig") },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? 1, stdout: failure.stdout ?? "", stderr: failure.stderr ?? "" };
  }
}

const git = async (...args: string[]) =>
  (
    await run("git", args, {
      cwd: repo,
      env: { ...process.env, HOME: root, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: path.join(root, "no-gitconfig") },
    })
  ).stdout;
const commitCount = async () => Number((await git("rev-list", "--count", "HEAD")).trim());
const stored = async (date: string) => JSON.parse(await fs.readFile(path.join(digests, `${date}.json`), "utf8")) as Entry[];

async function siteFingerprint(): Promise<string> {
  const hash = crypto.createHash("sha256");
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else hash.update(`${path.relative(site, file)}\0`).update(await fs.readFile(file));
    }
  };
  await walk(site);
  return hash.digest("hex");
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "dpa-daily-"));
  repo = path.join(root, "repo");
  digests = path.join(repo, "content", "digests");
  site = path.join(root, "_site");
  await fs.mkdir(digests, { recursive: true });
  await git("init", "--quiet", "-b", "main");
  await fs.writeFile(path.join(repo, "README.md"), "scratch\n");
  await git("add", "README.md");
  await git("-c", "user.name=Someone", "-c", "user.email=someone@example.org", "commit", "--quiet", "-m", "start");

  // The real 2026-05-11 (41 papers) and an earlier snapshot of it: its first 27 papers, with the early counts.
  full = JSON.parse(await realDay("2026-05-11")) as Entry[];
  early = full
    .slice(0, 27)
    .map((entry) => ({ ...entry, paper: { ...entry.paper, upvotes: Math.floor(entry.paper.upvotes / 3) }, numComments: 0 }));
  dropped = early[5]!.paper.id;
  const later = full.filter((entry) => entry.paper.id !== dropped);
  const replies: Record<string, RecordedReply[]> = {
    "2026-05-09": [{ body: "[]" }],
    "2026-05-10": [{ body: "[]" }],
    "2026-05-11": [{ status: 500, body: '{"error":"Internal Error"}' }, { body: JSON.stringify(early) }, { body: JSON.stringify(later) }],
    "2025-08-13": [{ delayMs: 3000, body: await realDay("2025-08-13") }],
    "2025-09-16": [{ body: (await realDay("2025-09-16")).slice(0, 5000) }],
  };
  api = await startRecordedApi(replies);
}, 60_000);

afterAll(async () => {
  await api?.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe("npm run daily against a recorded API", () => {
  it("fetches a weekend with no papers and a day after a 500, builds, and commits the digest and the registry", async () => {
    const result = await daily(["--from", "2026-05-09", "--to", "2026-05-11", "--today", "2026-05-12"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2026-05-09: no papers on this day (a weekend or a holiday); nothing stored");
    expect(result.stdout).toContain("2026-05-10: no papers on this day");
    expect(result.stdout).toMatch(/date=2026-05-11: HTTP 500 Internal Server Error; retrying in 0\.1 s \(attempt 2 of 3\)/);
    expect(result.stdout).toContain(`2026-05-11: new day, 27 papers; stored as ${path.join(digests, "2026-05-11.json")}`);
    expect(result.stdout).toMatch(/\[build\] 27 papers, 1 day,/);
    expect((await fs.readdir(digests)).sort()).toEqual(["2026-05-11.json"]);
    expect((await stored("2026-05-11")).every((entry) => entry.countedOn === "2026-05-12")).toBe(true);

    expect(await commitCount()).toBe(2);
    expect((await git("show", "--name-only", "--format=%an <%ae>%n%s", "HEAD")).trim().split("\n")).toEqual([
      "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>",
      "Daily papers: 2026-05-11",
      "",
      "content/digests/2026-05-11.json",
      "content/permalinks.json",
    ]);
    const registry = JSON.parse(await git("show", "HEAD:content/permalinks.json")) as { papers: Record<string, unknown> };
    expect(Object.keys(registry.papers)).toHaveLength(27);
    expect(await git("status", "--porcelain")).toBe("");
  }, 180_000);

  it("merges a day that grew: papers added, counts changed, none lost, and says so", async () => {
    const result = await daily(["--date", "2026-05-11", "--today", "2026-05-14"]);
    expect(result.code).toBe(0);
    const merged = await stored("2026-05-11");
    expect(merged).toHaveLength(41);
    expect(new Set(merged.map((entry) => entry.paper.id))).toEqual(new Set(full.map((entry) => entry.paper.id)));
    // The paper the later answer left out is kept as it was stored.
    expect(merged.find((entry) => entry.paper.id === dropped)).toMatchObject({
      countedOn: "2026-05-12",
      paper: { upvotes: early[5]!.paper.upvotes },
    });
    const fresh = merged.find((entry) => entry.paper.id === full[0]!.paper.id)!;
    expect(fresh).toMatchObject({ countedOn: "2026-05-14", numComments: full[0]!.numComments, paper: { upvotes: full[0]!.paper.upvotes } });

    const summary = result.stdout.split("\n").find((line) => line.startsWith("2026-05-11:"));
    expect(summary).toMatch(/^2026-05-11: 41 papers \(27 before\): 14 added \(".+", ".+", ".+" and 11 more\); counts changed on 2\d \(/);
    expect(summary).toContain(
      `"MACE-Dance: Motion-Appearance Cascaded Experts ..." upvotes ${early[0]!.paper.upvotes} → ${full[0]!.paper.upvotes}, comments 0 → 1`,
    );
    expect(summary).toContain("1 no longer listed by the API, kept");
    expect(result.stdout).toMatch(/\[build\] 41 papers, 1 day,/);

    expect(await commitCount()).toBe(3);
    expect((await git("show", "--name-only", "--format=", "HEAD")).trim().split("\n")).toEqual([
      "content/digests/2026-05-11.json",
      "content/permalinks.json",
    ]);
    expect(await git("show", "--format=%B", "--no-patch", "HEAD")).toContain("14 added");
  }, 180_000);

  it("gives up on a day that never answers, storing, building and committing nothing", async () => {
    const before = await siteFingerprint();
    const result = await daily(["--date", "2025-08-13", "--today", "2026-05-14", "--retries", "1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("2025-08-13: fetching");
    expect(result.stderr).toContain("no answer within 1 s after 2 attempts");
    expect(result.stderr).toContain("Daily run failed at the fetch: the site was not built and nothing was committed.");
    expect(await fs.readdir(digests)).toEqual(["2026-05-11.json"]);
    expect(await siteFingerprint()).toBe(before);
    expect(await commitCount()).toBe(3);
  }, 60_000);

  it("refuses malformed JSON with its line, storing nothing and leaving the previous site untouched", async () => {
    const before = await siteFingerprint();
    const result = await daily(["--date", "2025-09-16", "--today", "2026-05-14"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2025-09-16: the answer from http:\/\/127\.0\.0\.1:\d+\/api\/daily_papers\?date=2025-09-16 was refused:/);
    expect(result.stderr).toMatch(/daily_papers\?date=2025-09-16:\d+: not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await fs.readdir(digests)).toEqual(["2026-05-11.json"]);
    expect(await siteFingerprint()).toBe(before);
    expect(await commitCount()).toBe(3);
  }, 60_000);

  it("refuses a day that has not ended yet (UTC)", async () => {
    const result = await daily(["--date", "2026-05-14", "--today", "2026-05-14"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("2026-05-14 has not ended yet (it is 2026-05-14 in UTC)");
  }, 60_000);
});
