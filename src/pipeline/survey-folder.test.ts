import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { surveyBuild, surveyFiles, surveyFolder } from "./survey-folder.ts";

let site: string;

beforeEach(() => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "survey-folder-"));
});

afterEach(() => fs.rmSync(site, { recursive: true, force: true }));

function write(file: string): void {
  fs.mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  fs.writeFileSync(path.join(site, file), file);
}

describe("surveyFolder", () => {
  it("lists every folder's entries, with the identity of each file of the name asked for", () => {
    for (const file of ["index.html", "feed.xml", "papers/a/index.html", "papers/b/notes.txt", "pagefind/index/part.pf_index"]) write(file);
    fs.mkdirSync(path.join(site, "papers", "empty"));
    fs.symlinkSync("index.html", path.join(site, "papers", "a", "alias.html"));

    const survey = surveyFolder(site, { identify: "index.html", skip: ["pagefind/index"] });

    // A skipped folder is listed in its parent, but not read.
    expect([...survey.keys()].sort()).toEqual(["", "pagefind", "papers", "papers/a", "papers/b", "papers/empty"]);
    expect(survey.get("pagefind")).toEqual([{ name: "index", kind: "folder" }]);
    const entries = (folder: string) =>
      survey
        .get(folder)!
        .map(({ name, kind, identity }) => [name, kind, identity !== undefined])
        .sort();
    expect(entries("")).toEqual([
      ["feed.xml", "file", false],
      ["index.html", "file", true],
      ["pagefind", "folder", false],
      ["papers", "folder", false],
    ]);
    expect(entries("papers/a")).toEqual([
      ["alias.html", "other", false],
      ["index.html", "file", true],
    ]);
    expect(entries("papers/empty")).toEqual([]);
    const { dev, ino } = fs.lstatSync(path.join(site, "papers", "a", "index.html"));
    expect(survey.get("papers/a")!.find((entry) => entry.name === "index.html")!.identity).toEqual({ dev, ino });
  });
});

describe("surveyFiles", () => {
  it("gives each regular file in the folder its size, time and identity, and nothing for a missing folder", () => {
    write("a.html");
    write("b.html");
    fs.mkdirSync(path.join(site, "folder"));
    fs.symlinkSync("a.html", path.join(site, "link.html"));
    const files = surveyFiles(site);
    expect([...files.keys()].sort()).toEqual(["a.html", "b.html"]);
    const { size, mtimeMs, dev, ino } = fs.lstatSync(path.join(site, "a.html"));
    expect(files.get("a.html")).toEqual({ size, mtimeMs, dev, ino });
    expect(surveyFiles(path.join(site, "missing"))).toEqual(new Map());
  });
});

describe("surveyBuild", () => {
  it("makes the surveys asked for, and only those", () => {
    write("papers/a/index.html");
    write("cache/k.html");
    expect(surveyBuild({})).toEqual({});
    const both = surveyBuild({ spare: { folder: path.join(site, "papers"), identify: "index.html" }, cache: path.join(site, "cache") });
    expect(both.spare).toEqual(surveyFolder(path.join(site, "papers"), { identify: "index.html" }));
    expect(both.cache).toEqual(surveyFiles(path.join(site, "cache")));
    expect(Object.keys(surveyBuild({ cache: path.join(site, "cache") }))).toEqual(["cache"]);
  });
});
