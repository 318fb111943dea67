import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entryKeys } from "../identity/merge-papers.ts";
import { openParseCache, saveParseCache } from "./parse-cache.ts";
import { readDigestFolder } from "./read-digests.ts";
import { tempFolder } from "../../test/temp-folder.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures");
const SAMPLE = path.resolve(import.meta.dirname, "../../content/digests/2025-08-20.txt");

/** A digests folder with the sample day (plain), a card-layout day and an API day. */
async function digestsFolder(): Promise<string> {
  const folder = await tempFolder("dpa-parse-");
  await fs.copyFile(SAMPLE, path.join(folder, "2025-08-20.txt"));
  await fs.copyFile(path.join(FIXTURES, "card", "2025-08-22.txt"), path.join(folder, "2025-08-22.txt"));
  await fs.copyFile(path.join(FIXTURES, "hf-json", "2025-08-23.json"), path.join(folder, "2025-08-23.json"));
  return folder;
}

describe("the parse cache", () => {
  it("gives the next build every file's parse as parsing it again would, and parses a changed file again", async () => {
    const [folder, workDir] = [await digestsFolder(), await tempFolder("dpa-parse-work-")];
    const first = await readDigestFolder(folder, (await openParseCache(workDir)).earlier);
    expect(first.problems).toEqual([]);
    expect(first.reused).toBe(0);
    expect(first.parsed.size).toBe(3);
    await saveParseCache(await openParseCache(workDir), first.parsed);

    const cache = await openParseCache(workDir);
    const second = await readDigestFolder(folder, cache.earlier);
    expect(second.reused).toBe(3);
    // What a build reads from the cache equals a fresh parse, warnings included.
    expect(second.digests).toEqual(first.digests);
    expect(second.warnings).toEqual(first.warnings);
    // And the entries' identity keys, kept with the parse, are what identify would make of them.
    for (const digest of second.digests) expect(second.keys.get(digest)).toEqual(digest.entries.map(entryKeys));

    // One changed byte: that file is parsed again, and the change shows.
    const sample = path.join(folder, "2025-08-20.txt");
    await fs.writeFile(sample, (await fs.readFile(sample, "utf8")).replace("a fundamental component", "a basic component"));
    const third = await readDigestFolder(folder, cache.earlier);
    expect(third.reused).toBe(2);
    expect(third.digests).toEqual((await readDigestFolder(folder)).digests);
    expect(third.digests).not.toEqual(first.digests);
  });

  it("keeps no file with problems, so a broken digest is parsed, and reported, every time", async () => {
    const folder = await digestsFolder();
    await fs.writeFile(path.join(folder, "2025-08-24.txt"), "");
    const read = await readDigestFolder(folder);
    expect(read.problems.map((problem) => path.basename(problem.file))).toContain("2025-08-24.txt");
    expect(read.parsed.size).toBe(3);
  });

  it("ignores a cache whose identity keys are damaged, so the files are parsed again", async () => {
    const [folder, workDir] = [await digestsFolder(), await tempFolder("dpa-parse-work-")];
    const cache = await openParseCache(workDir);
    await saveParseCache(cache, (await readDigestFolder(folder)).parsed);
    const entries = JSON.parse(await fs.readFile(cache.file, "utf8")) as [string, { keys: unknown[] }][];
    entries[0]![1].keys[0] = null;
    entries[1]![1].keys[0] = { titleKey: "only a title" };
    await fs.writeFile(cache.file, JSON.stringify(entries));
    const again = await readDigestFolder(folder, (await openParseCache(workDir)).earlier);
    // A cache file with a damaged entry is damaged: none of it is used.
    expect(again.reused).toBe(0);
    expect(again.keys.get(again.digests[0]!)?.[0]).toEqual(entryKeys(again.digests[0]!.entries[0]!));
    expect(again.digests).toEqual((await readDigestFolder(folder)).digests);
  });

  it("ignores a damaged cache file", async () => {
    const [folder, workDir] = [await digestsFolder(), await tempFolder("dpa-parse-work-")];
    const cache = await openParseCache(workDir);
    await saveParseCache(cache, (await readDigestFolder(folder)).parsed);
    const text = await fs.readFile(cache.file, "utf8");
    await fs.writeFile(cache.file, text.slice(0, text.length / 2));
    expect((await openParseCache(workDir)).earlier.size).toBe(0);
  });
});
