import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeVersion, entriesOf, keepCacheEntries, readCacheEntries, replaceCacheFile } from "./cache-files.ts";
import { tempFolder } from "../../test/temp-folder.ts";

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
    const folder = path.join(await tempFolder("dpa-cache-"), "cache");
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
    const file = path.join(await tempFolder("dpa-cache-"), "cache", "v1.json");
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

  const cacheFolder = async () => path.join(await tempFolder("dpa-cache-"), "cache");
  const numbered = (count: number, from = 0) => new Map(Array.from({ length: count }, (_, index) => [`k${from + index}`, from + index]));
  const keysOf = (entries: [string, number][]) => new Set(entries.map(([key]) => key));

  it("add a build's new entries beside the file, so a large cache is not written again for a few", async () => {
    const folder = await cacheFolder();
    const file = path.join(folder, "v1.json");
    await keepCacheEntries(file, new Set(), numbered(20));
    const before = await fs.stat(file);
    await keepCacheEntries(file, keysOf(await readCacheEntries(file, entriesOf(isNumber))), numbered(22));
    expect((await fs.readdir(folder)).sort()).toEqual(["v1+1.json", "v1.json"]);
    expect((await fs.stat(file)).mtimeMs).toBe(before.mtimeMs);
    expect(JSON.parse(await fs.readFile(path.join(folder, "v1+1.json"), "utf8"))).toEqual([
      ["k20", 20],
      ["k21", 21],
    ]);
    expect(new Map(await readCacheEntries(file, entriesOf(isNumber)))).toEqual(numbered(22));
  });

  it("merge the additions into one file again once there are too many, or too many entries no build needs", async () => {
    const folder = await cacheFolder();
    const file = path.join(folder, "v1.json");
    let current = numbered(100);
    await keepCacheEntries(file, new Set(), current);
    for (let build = 1; build <= 7; build++) {
      current = numbered(100 + build);
      await keepCacheEntries(file, keysOf(await readCacheEntries(file, entriesOf(isNumber))), current);
    }
    expect((await fs.readdir(folder)).length).toBe(8);
    current = numbered(108);
    await keepCacheEntries(file, keysOf(await readCacheEntries(file, entriesOf(isNumber))), current);
    expect(await fs.readdir(folder)).toEqual(["v1.json"]);
    expect(new Map(await readCacheEntries(file, entriesOf(isNumber)))).toEqual(current);

    // A tenth of the entries unused: kept as an addition. More: written afresh without them.
    current = numbered(99, 9);
    await keepCacheEntries(file, keysOf(await readCacheEntries(file, entriesOf(isNumber))), current);
    expect(await fs.readdir(folder)).toEqual(["v1.json"]);
    expect((await readCacheEntries(file, entriesOf(isNumber))).length).toBe(108);
    current = numbered(80, 28);
    await keepCacheEntries(file, keysOf(await readCacheEntries(file, entriesOf(isNumber))), current);
    expect(new Map(await readCacheEntries(file, entriesOf(isNumber)))).toEqual(current);
  });

  it("read what the other parts hold when one addition is damaged, and keep its entries again", async () => {
    const folder = await cacheFolder();
    const file = path.join(folder, "v1.json");
    await keepCacheEntries(file, new Set(), numbered(20));
    await keepCacheEntries(file, keysOf(await readCacheEntries(file, entriesOf(isNumber))), numbered(25));
    await fs.writeFile(path.join(folder, "v1+1.json"), '[["k20",20],["k2');
    // Foreign names beside it are no part of it.
    await fs.writeFile(path.join(folder, "v1+x.json"), '[["kx",1]]');
    const kept = await readCacheEntries(file, entriesOf(isNumber));
    expect(new Map(kept)).toEqual(numbered(20));
    await keepCacheEntries(file, keysOf(kept), numbered(25));
    expect(new Map(await readCacheEntries(file, entriesOf(isNumber)))).toEqual(numbered(25));
  });

  it.each([
    ["missing", undefined],
    ["cut short", '[["a",1],["b"'],
    ["of another shape", '{"a":1}'],
    ["holding an entry that fails the check", '[["a",1],["b","two"]]'],
  ])("read nothing from a file %s, so the cache starts afresh", async (_what, text) => {
    const file = path.join(await tempFolder("dpa-cache-"), "v1.json");
    if (text !== undefined) await fs.writeFile(file, text);
    expect(await readCacheEntries(file, entriesOf(isNumber))).toEqual([]);
  });
});
