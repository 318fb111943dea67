import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runBuildCli } from "../build-cli.ts";
import { FIXTURES, PROJECT_ROOT, SAMPLE_DIGEST } from "../paths.ts";
import { listFiles } from "./read-site.ts";

const root = path.join(inject("workRoot"), "faults");

/** Two archives, so an old site and a new one can be told apart. */
const inputs = { one: path.join(root, "one", "digests"), two: path.join(root, "two", "digests") };
const clean = { one: path.join(root, "clean-one"), two: path.join(root, "clean-two") };

function siteBytes(folder: string): Map<string, Buffer> {
  return new Map(listFiles(folder).map((file) => [file, fs.readFileSync(path.join(folder, file))]));
}

/** Whether `folder` holds exactly the site in `reference`. */
function sameSite(folder: string, reference: Map<string, Buffer>): boolean {
  const files = listFiles(folder);
  return (
    files.length === reference.size && files.every((file) => reference.get(file)?.equals(fs.readFileSync(path.join(folder, file))) === true)
  );
}

const buildArgs = (input: string, output: string, work: string, permalinks: string) => [
  "--input",
  input,
  "--output",
  output,
  "--work-dir",
  work,
  "--permalinks",
  permalinks,
  "--site-url",
  "https://papers.example.org",
];

/**
 * Starts a build in a process group of its own and kills the whole group
 * (build, Eleventy and Pagefind processes) with SIGKILL as soon as its output
 * shows `marker`. Resolves to whether the marker was seen before the build ended.
 */
function buildKilledAt(args: string[], marker: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "scripts", "build.ts"), ...args], {
      cwd: PROJECT_ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let seen = false;
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!seen && output.includes(marker)) {
        seen = true;
        process.kill(-child.pid!, "SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("close", () => resolve(seen));
  });
}

let references: { one: Map<string, Buffer>; two: Map<string, Buffer> };

beforeAll(async () => {
  for (const folder of Object.values(inputs)) fs.mkdirSync(folder, { recursive: true });
  fs.copyFileSync(SAMPLE_DIGEST, path.join(inputs.one, "2025-08-20.txt"));
  fs.copyFileSync(SAMPLE_DIGEST, path.join(inputs.two, "2025-08-20.txt"));
  fs.copyFileSync(path.join(FIXTURES, "card", "2025-08-22.txt"), path.join(inputs.two, "2025-08-22.txt"));
  // Each archive's registry, made once, so every later build gives the same URLs.
  for (const name of ["one", "two"] as const) {
    const result = await runBuildCli([
      ...buildArgs(inputs[name], clean[name], path.join(root, `clean-${name}-work`), path.join(root, `${name}.json`)),
      "--no-cache",
    ]);
    expect(result.code, result.stderr).toBe(0);
  }
  references = { one: siteBytes(clean.one), two: siteBytes(clean.two) };
}, 120_000);

describe("a build killed with SIGKILL", () => {
  // After each stage, between writing the registry and switching the output, and after the switch.
  const markers = ["[parse]", "[identify]", "[enrich]", "[input]", "[eleventy]", "[feeds]", "[pagefind]", "[permalinks]", "[output]"];

  it("leaves a whole site at the output after a kill at every stage boundary, and the next build equals a clean one", async () => {
    const output = path.join(root, "killed", "_site");
    const work = path.join(root, "killed", "work");
    const permalinks = (name: "one" | "two") => {
      // The registry a build records into: a copy, so "[permalinks]" is printed when it changes.
      const file = path.join(root, "killed", `${name}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify({ version: 1, papers: {} })}\n`);
      return file;
    };
    expect((await runBuildCli(buildArgs(inputs.one, output, work, permalinks("one")))).code).toBe(0);
    let current: "one" | "two" = "one";
    for (const marker of markers) {
      const next: "one" | "two" = current === "one" ? "two" : "one";
      const seen = await buildKilledAt(buildArgs(inputs[next], output, work, permalinks(next)), marker);
      expect(seen, `the build printed ${marker}`).toBe(true);
      const whole = sameSite(output, references[current]) || sameSite(output, references[next]);
      expect(whole, `after a kill at ${marker}, ${output} holds the old or the new site`).toBe(true);

      const rebuilt = await runBuildCli(buildArgs(inputs[next], output, work, permalinks(next)));
      expect(rebuilt.code, `${marker}: ${rebuilt.stderr}`).toBe(0);
      expect(sameSite(output, references[next]), `the build after a kill at ${marker} equals a clean build`).toBe(true);
      // Nothing the killed build left stays behind (it is recycled or removed in the background):
      // the builds folder holds the published build and the one it replaced, kept as the next one's spare.
      const builds = path.join(root, "killed", "._site.builds");
      const published = path.basename(fs.realpathSync(output));
      await expect
        .poll(
          () =>
            fs
              .readdirSync(builds)
              .map((name) => (name === published ? "published" : name.replace(/-.*/, "")))
              .sort(),
          {
            timeout: 20_000,
            message: marker,
          },
        )
        .toEqual(["published", "spare"]);
      current = next;
    }
  }, 300_000);
});

describe("two builds at once", () => {
  it("sharing a work folder: each succeeds with its own correct site", async () => {
    const work = path.join(root, "shared-work");
    const [a, b] = await Promise.all([
      runBuildCli(buildArgs(inputs.one, path.join(root, "together-one"), work, path.join(root, "together-one.json"))),
      runBuildCli(buildArgs(inputs.two, path.join(root, "together-two"), work, path.join(root, "together-two.json"))),
    ]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    // One of them waited for the other, and said so.
    expect(`${a.stdout}${b.stdout}`).toMatch(/\[lock\] waiting: the work folder .* is in use by build \d+/);
    expect(sameSite(path.join(root, "together-one"), references.one)).toBe(true);
    expect(sameSite(path.join(root, "together-two"), references.two)).toBe(true);
  }, 120_000);

  it("sharing a work folder and an output: both succeed, and the output is the site of the one that finished last", async () => {
    const work = path.join(root, "same-work");
    const output = path.join(root, "same-output");
    fs.copyFileSync(path.join(root, "one.json"), path.join(root, "same-one.json"));
    fs.copyFileSync(path.join(root, "two.json"), path.join(root, "same-two.json"));
    const finished: string[] = [];
    await Promise.all(
      (["one", "two"] as const).map(async (name) => {
        const result = await runBuildCli(buildArgs(inputs[name], output, work, path.join(root, `same-${name}.json`)));
        expect(result.code, result.stderr).toBe(0);
        finished.push(name);
      }),
    );
    expect(sameSite(output, references[finished.at(-1) as "one" | "two"])).toBe(true);
  }, 120_000);
});
