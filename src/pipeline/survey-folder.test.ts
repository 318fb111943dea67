import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { surveyFolder } from "./survey-folder.ts";

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
