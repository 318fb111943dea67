import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clearForReuse, removeEmptyFolders } from "./recycle-site.ts";
import { surveyFolder } from "./survey-folder.ts";

let root: string;
let site: string;
let cache: string;
let trash: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "recycle-site-"));
  site = path.join(root, "site");
  cache = path.join(root, "cache");
  trash = path.join(root, "trash");
  fs.mkdirSync(cache);
  fs.mkdirSync(trash);
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function write(folder: string, file: string, text: string): string {
  const full = path.join(folder, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return full;
}

/** The identity the render cache notes for an entry (see heldPages). */
function identity(file: string): { dev: number; ino: number } {
  const { dev, ino } = fs.statSync(file);
  return { dev, ino };
}

function linkInto(source: string, file: string): void {
  fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  fs.linkSync(source, path.join(site, file));
}

/** Every file and folder under `folder`, folders marked with a trailing slash. */
function tree(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)) + (entry.isDirectory() ? "/" : ""))
    .sort();
}

describe("clearForReuse", () => {
  it.each([
    ["reading the folder", "none"],
    ["from a survey of it made before", "whole"],
    // A folder the survey did not read (the search index's, say) is read when clearing needs it.
    ["from a survey that lacks some folders", "partial"],
  ] as const)("keeps only the files that are already links of their source, and removes everything else, %s", (_how, surveyed) => {
    const same = write(cache, "a.html", "page a");
    const other = write(cache, "b.html", "page b, new");
    const elsewhere = write(cache, "c.html", "page c");
    linkInto(same, "papers/a/index.html");
    // Same bytes as its source, but a copy, not a link: writing into it would not be safe to share, so it goes.
    write(site, "papers/b/index.html", "page b, new");
    // A link, but of a different source than this build wants at that path.
    linkInto(elsewhere, "papers/moved/index.html");
    write(site, "feed.xml", "<feed/>");
    write(site, "papers/gone/index.html", "a removed paper");
    write(site, "pagefind/index/part.pf_index", "bytes");
    fs.symlinkSync(same, path.join(site, "papers", "a", "link.html"));
    // Emptied by a killed build: no file in it is removed now, but it must go too.
    fs.mkdirSync(path.join(site, "papers", "emptied", "deeper"), { recursive: true });

    const linked = new Map([
      ["papers/a/index.html", identity(same)],
      ["papers/b/index.html", identity(other)],
      ["papers/moved/index.html", identity(same)],
      ["papers/a/link.html", identity(same)],
    ]);
    const survey = surveyed === "none" ? undefined : surveyFolder(site, { identify: "index.html", skip: ["pagefind"] });
    if (surveyed === "partial") for (const folder of ["papers", "papers/a"]) survey!.delete(folder);
    const { kept, vacated, trash: moved } = clearForReuse(site, linked, trash, survey);

    expect([...kept]).toEqual(["papers/a/index.html"]);
    expect(tree(site)).toEqual(["papers/", "papers/a/", "papers/a/index.html", "papers/b/", "papers/moved/"]);
    // Every folder walked that holds no kept file.
    expect(vacated.sort()).toEqual(["papers/b", "papers/moved"]);
    // Folders where no page to keep could be are moved out whole, into one trash folder, their files unread.
    expect(path.dirname(moved!)).toBe(trash);
    expect(path.basename(moved!)).toMatch(/^trash-cleared-/);
    const movedTrees = fs.readdirSync(moved!).map((name) => tree(path.join(moved!, name)));
    expect(movedTrees).toEqual(expect.arrayContaining([["index/", "index/part.pf_index"], ["deeper/"], ["index.html"]]));
    expect(movedTrees).toHaveLength(3);
    // Sources are never touched.
    expect(fs.readFileSync(same, "utf8")).toBe("page a");
    expect(fs.readFileSync(other, "utf8")).toBe("page b, new");
    expect(fs.readFileSync(elsewhere, "utf8")).toBe("page c");
  });

  it("removes every file when nothing is to be kept", () => {
    write(site, "index.html", "home");
    write(site, "days/2025-08-20/index.html", "day");
    const cleared = clearForReuse(site, new Map(), trash);
    expect(cleared.kept.size).toBe(0);
    expect(cleared.trash).toBeDefined();
    expect(tree(site)).toEqual([]);
  });
});

describe("removeEmptyFolders", () => {
  it("removes the vacated folders left empty, and their parents when they empty too, but not folders that hold something", () => {
    write(site, "papers/kept/index.html", "page");
    for (const folder of ["papers/gone", "papers/rewritten", "pagefind/index", "pagefind/fragment", "topics/old/page/2"])
      fs.mkdirSync(path.join(site, folder), { recursive: true });
    // Written into again after clearing.
    write(site, "papers/rewritten/index.html", "new page");

    const removed = removeEmptyFolders(site, [
      "papers/gone",
      "papers/rewritten",
      "papers/kept",
      "pagefind/index",
      "pagefind/fragment",
      "topics/old/page/2",
      "never/there",
      ".",
    ]);

    expect(tree(site)).toEqual(["papers/", "papers/kept/", "papers/kept/index.html", "papers/rewritten/", "papers/rewritten/index.html"]);
    // papers/gone, pagefind/index, pagefind/fragment, pagefind, topics/old/page/2 and its three parents.
    expect(removed).toBe(8);
    expect(fs.existsSync(site)).toBe(true);
  });
});
