import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeVersion, replaceCacheFile } from "./cache-files.ts";

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
