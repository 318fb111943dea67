import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readDigestFolder } from "../pipeline/read-digests.ts";
import { runIngest, type RunIngestOptions } from "./run-ingest.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../../test/paths.ts";

const abstract = "An abstract that is long enough to be one, and then some more words to make it so. ".repeat(3).trim();
const sample = fs.readFileSync(SAMPLE_DIGEST, "utf8");
/** Text is stored with one kind of line ending and a final newline. */
const storedSample = `${sample.replace(/\s+$/, "")}\n`;
const hfJsonFile = path.join(FIXTURES, "hf-json", "2025-08-23.json");

let root: string;
let digests: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "dpa-ingest-"));
  digests = path.join(root, "digests");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};
const ingest = (files: string[], options: Partial<RunIngestOptions> = {}) =>
  runIngest({ files, digestsDir: digests, force: false, readStdin: () => Promise.reject(new Error("no stdin in this test")), ...options });
const listDigests = () => fs.readdirSync(digests).sort();

describe("runIngest refuses what the build refuses", () => {
  const card = (id: string, title: string) => [
    "Submitted by",
    "akhaliq",
    `https://huggingface.co/papers/${id}`,
    title,
    `https://huggingface.co/papers/${id}`,
    "",
    abstract,
    "",
  ];

  it("refuses one arXiv id under two titles in a day, where it used to store the file with a note", async () => {
    const file = write(
      "2025-08-21.txt",
      ["Aug 21", "", ...card("2508.20111", "First Paper"), ...card("2508.20111", "A Different Paper")].join("\n"),
    );
    const run = await ingest([file]);
    expect(run.ok).toBe(false);
    expect(fs.existsSync(digests)).toBe(false);
    expect(run.lines.join("\n")).toMatch(new RegExp(`${file}:14: arXiv 2508\\.20111 is also the id of "First Paper" \\(line 6\\)`));
  });

  it("refuses invalid UTF-8 with its line and byte offset, from a file or standard input", async () => {
    const bytes = Buffer.concat([Buffer.from(`Aug 21\n\nCaf`), Buffer.from([0xe9]), Buffer.from(`\n\n${abstract}\n`)]);
    const fromFile = await ingest([write("2025-08-21.txt", bytes.toString("latin1"))]);
    fs.writeFileSync(path.join(root, "2025-08-21.txt"), bytes);
    const again = await ingest([path.join(root, "2025-08-21.txt")]);
    const fromStdin = await ingest(["-"], { date: "2025-08-21", readStdin: async () => bytes });
    expect(fromFile.ok).toBe(true); // written as UTF-8 by the test: é is fine
    for (const run of [again, fromStdin]) {
      expect(run.ok).toBe(false);
      expect(run.lines.join("\n")).toMatch(/:3: not valid UTF-8: byte 0xE9 at byte offset 11/);
    }
  });
});

describe("runIngest", () => {
  it("stores new digests of both formats where the build reads them", async () => {
    const run = await ingest([write("in/2025-08-20.txt", sample), hfJsonFile]);
    expect(run.ok).toBe(true);
    expect(listDigests()).toEqual(["2025-08-20.txt", "2025-08-23.json"]);
    expect(run.lines).toContain(`  stored as ${path.join(digests, "2025-08-20.txt")}`);
    const built = await readDigestFolder(digests);
    expect(built.problems).toEqual([]);
    expect(built.digests.map((digest) => [digest.date, digest.entries.length])).toEqual([
      ["2025-08-20", 67],
      ["2025-08-23", 3],
    ]);
  });

  it("is a no-op for an identical digest", async () => {
    const input = write("in/2025-08-20.txt", sample);
    await ingest([input]);
    const before = fs.statSync(path.join(digests, "2025-08-20.txt")).mtimeMs;
    const again = await ingest([input]);
    expect(again.ok).toBe(true);
    expect(again.plans[0]?.action).toBe("unchanged");
    expect(again.lines.at(-1)).toBe(`  already stored as ${path.join(digests, "2025-08-20.txt")}; nothing to do`);
    expect(fs.statSync(path.join(digests, "2025-08-20.txt")).mtimeMs).toBe(before);
    expect(listDigests()).toEqual(["2025-08-20.txt"]);
  });

  it("refuses a different digest for a stored day and leaves the folder alone", async () => {
    await ingest([write("in/2025-08-20.txt", sample)]);
    const run = await ingest([write("other/2025-08-20.txt", `Aug 20\n\nA Different Paper\n\n${abstract}\n`)]);
    expect(run.ok).toBe(false);
    expect(run.lines.join("\n")).toContain("a different digest is already stored for 2025-08-20");
    expect(listDigests()).toEqual(["2025-08-20.txt"]);
    expect(fs.readFileSync(path.join(digests, "2025-08-20.txt"), "utf8")).toBe(storedSample);
  });

  it("with --force, replaces it and keeps the old file where the build does not read it", async () => {
    await ingest([write("in/2025-08-20.txt", sample)]);
    const replacement = `Aug 20\n\nA Different Paper\n\n${abstract}\n`;
    const run = await ingest([write("other/2025-08-20.txt", replacement)], { force: true });
    expect(run.ok).toBe(true);
    expect(fs.readFileSync(path.join(digests, "2025-08-20.txt"), "utf8")).toBe(replacement);
    expect(fs.readFileSync(path.join(digests, ".replaced", "2025-08-20-replaced-1.txt"), "utf8")).toBe(storedSample);
    expect(run.lines).toContain(
      `  replaced ${path.join(digests, "2025-08-20.txt")}, kept as ${path.join(digests, ".replaced", "2025-08-20-replaced-1.txt")}`,
    );

    const built = await readDigestFolder(digests);
    expect(built.problems).toEqual([]);
    expect(built.digests.map((digest) => digest.entries.length)).toEqual([1]);
    expect(built.skipped).toEqual([path.join(digests, ".replaced")]);

    // A second replacement keeps both old versions.
    await ingest([write("third/2025-08-20.txt", sample)], { force: true });
    expect(fs.readdirSync(path.join(digests, ".replaced")).sort()).toEqual(["2025-08-20-replaced-1.txt", "2025-08-20-replaced-2.txt"]);
  });

  it("refuses bad input, listing every problem, and writes nothing, not even the good inputs", async () => {
    const bad = write("in/2025-08-21.txt", `Aug 22\n\nFine Title\n\n${abstract}\n\nCut Off Title\n`);
    const good = write("in/2025-08-20.txt", sample);
    const run = await ingest([good, bad]);
    expect(run.ok).toBe(false);
    expect(run.lines).toEqual([
      `${good}: 2025-08-20 (from the file name), 67 papers, text digest`,
      "  not stored, because another input was refused (an ingest stores all or nothing)",
      `${bad}: refused (2 problems); nothing was stored:`,
      `  ${bad}:1: the date line says 2025-08-22 but the file name says 2025-08-21; fix whichever is wrong`,
      `  ${bad}:7: the title "Cut Off Title" has no abstract after it; is the file truncated?`,
    ]);
    expect(fs.existsSync(digests)).toBe(false);
  });

  it("refuses a malformed JSON digest naming each bad entry", async () => {
    const file = write(
      "in/2025-08-24.json",
      JSON.stringify(
        [{ paper: { id: "2508.00001", title: "No Summary" } }, { paper: { id: "2508.00002", summary: abstract, upvotes: -1 } }],
        null,
        2,
      ),
    );
    const run = await ingest([file]);
    expect(run.ok).toBe(false);
    expect(run.lines.slice(1)).toEqual([
      `  ${file}:2: entry 1 (2508.00001 "No Summary"): has no abstract (paper.summary or summary)`,
      `  ${file}:8: entry 2 (2508.00002): paper.upvotes: Too small: expected number to be >=0`,
      `  ${file}:8: entry 2 (2508.00002): has no title (paper.title or title)`,
    ]);
  });

  it("reads standard input for -, dated by --date or by its content", async () => {
    const byDate = await ingest(["-"], { date: "2025-08-20", readStdin: async () => sample });
    expect(byDate.ok).toBe(true);
    expect(byDate.lines[0]).toBe("<stdin>: 2025-08-20 (from --date), 67 papers, text digest");

    const json = fs.readFileSync(hfJsonFile, "utf8");
    const byContent = await ingest(["-"], { readStdin: async () => json });
    expect(byContent.ok).toBe(true);
    expect(listDigests()).toEqual(["2025-08-20.txt", "2025-08-23.json"]);

    const undated = await ingest(["-"], { readStdin: async () => sample.replace("Aug 20", "Aug 21") });
    expect(undated.ok).toBe(false);
    expect(undated.lines).toEqual([
      "<stdin>: refused (1 problem); nothing was stored:",
      "  <stdin>: the date line (line 11) has no year and no year is written anywhere in the file; pass --date YYYY-MM-DD",
    ]);
  });

  it("reports a file it cannot read", async () => {
    const run = await ingest([path.join(root, "missing.txt")]);
    expect(run.ok).toBe(false);
    expect(run.lines[1]).toBe(`  ${path.join(root, "missing.txt")}: cannot read the file: ENOENT`);
  });
});
