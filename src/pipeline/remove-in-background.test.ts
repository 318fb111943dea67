import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { discardFolder, isTrash, removeTrashIn } from "./remove-in-background.ts";

function folderWithFiles(parent: string, name: string): string {
  const folder = path.join(parent, name);
  fs.mkdirSync(path.join(folder, "deeper"), { recursive: true });
  fs.writeFileSync(path.join(folder, "deeper", "index.html"), name);
  return folder;
}

const parents: string[] = [];
const newParent = () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "discard-"));
  parents.push(parent);
  return parent;
};

afterEach(() => {
  for (const parent of parents.splice(0)) fs.rmSync(parent, { recursive: true, force: true });
});

describe("discardFolder and removeTrashIn", () => {
  it("take a folder out of its name at once, then remove it; a missing folder is nothing to do", async () => {
    const parent = newParent();
    const folder = folderWithFiles(parent, "build-1-abc");
    await discardFolder(folder);
    // Renamed before the removal starts: nothing looking for "build-*" finds it any more.
    expect(fs.readdirSync(parent).every(isTrash)).toBe(true);
    await expect.poll(() => fs.readdirSync(parent), { timeout: 10_000 }).toEqual([]);
    await expect(discardFolder(folder)).resolves.toBeUndefined();
  });

  it("take several folders at once, some of them missing", async () => {
    const parent = newParent();
    const folders = ["a", "b", "c"].map((name) => folderWithFiles(parent, name));
    folderWithFiles(parent, "kept");
    await discardFolder(...folders, path.join(parent, "missing"));
    await expect.poll(() => fs.readdirSync(parent), { timeout: 10_000 }).toEqual(["kept"]);
  });

  it("finish the trash a killed removal left, and nothing else", async () => {
    const parent = newParent();
    folderWithFiles(parent, "trash-site-1");
    folderWithFiles(parent, "site");
    expect(await removeTrashIn(parent)).toBe(1);
    await expect.poll(() => fs.readdirSync(parent), { timeout: 10_000 }).toEqual(["site"]);
  });
});
