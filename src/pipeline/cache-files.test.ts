import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeVersion, entriesOf, keepCacheEntries, readCacheEntries, replaceCacheFile } from "./cache-files.ts";

describe("codeVersion", () => {
  it("is the same for the same code and changes with what else the entries depend on", async () => {
    const folders = [path.join("src", "memo")];
    expect(await codeVersion(folders)).toBe(await codeVersion(folders));
    expect(await codeVersion(folders, ["a"])).not.toBe(await codeVersion(folders));
    expect(await codeVersion([path.join("src", "text")])).not.toBe(await codeVersion(folders));
  });
});

describe("replaceCacheFile", () => {
  it("leaves only the new file in its folder, its entries sorted by key, no temporary file behind", async () => {
    const folder = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "dpa-cache-")), "cache");
    await fs.mkdir(folder);
    await fs.writeFile(path.join(folder, "older-version.json"), "[]");
    const file = path.join(folder, "current.json");
    await replaceCacheFile(file, [
      ["b", 2],
      ["a", [1]],
    ]);
    expect(await fs.readdir(folder)).toEqual(["current.json"]);
    expect(JSON.parse(await fs.readFile(file, "utf8"))).toEqual([
      ["a", [1]],
      ["b", 2],
    ]);
  });
});

describe("readCacheEntries and keepCacheEntries", () => {
  const isNumber = (value: unknown): value is number => typeof value === "number";

  it("read back what was kept, and leave the file alone when the keys are the same", async () => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "dpa-cache-")), "cache", "v1.json");
    await keepCacheEntries(
      file,
      new Set(),
      new Map([
        ["b", 2],
        ["a", 1],
      ]),
    );
    const kept = await readCacheEntries(file, entriesOf(isNumber));
    expect(kept).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
    const before = await fs.stat(file);
    await keepCacheEntries(
      file,
      new Set(["a", "b"]),
      new Map([
        ["a", 1],
        ["b", 2],
      ]),
    );
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
    await keepCacheEntries(file, new Set(["a", "b"]), new Map([["a", 1]]));
    expect(await readCacheEntries(file, entriesOf(isNumber))).toEqual([["a", 1]]);
  });

  it.each([
    ["missing", undefined],
    ["cut short", '[["a",1],["b"'],
    ["of another shape", '{"a":1}'],
    ["holding an entry that fails the check", '[["a",1],["b","two"]]'],
  ])("read nothing from a file %s, so the cache starts afresh", async (_what, text) => {
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), "dpa-cache-")), "v1.json");
    if (text !== undefined) await fs.writeFile(file, text);
    expect(await readCacheEntries(file, entriesOf(isNumber))).toEqual([]);
  });
});
