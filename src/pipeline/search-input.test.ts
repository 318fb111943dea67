import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageFile, syncPartInput } from "./search-input.ts";

const html = (text: string) => Buffer.from(`<html lang="en"><article data-pagefind-body><p>${text}</p></article>`);

/** Every page file under `folder`, by URL, with its text. */
async function pagesIn(folder: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const pages: Record<string, string> = {};
  for (const entry of entries.filter((entry) => entry.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    pages[`/${path.relative(folder, path.dirname(file))}/`] = await fs.readFile(file, "utf8");
  }
  return pages;
}

async function scratch(): Promise<string> {
  return path.join(await fs.mkdtemp(path.join(os.tmpdir(), "dpa-search-input-")), "2025-08-20");
}

describe("the folder Pagefind reads for a search part", () => {
  it("holds exactly the part's pages, writing only those that changed since the last build", async () => {
    const input = await scratch();
    await syncPartInput(input, ["/papers/a/", "/papers/b/", "/papers/c/"], [html("a"), html("b"), html("c")], false);
    expect(await pagesIn(input)).toEqual({ "/papers/a/": html("a").toString(), "/papers/b/": html("b").toString(), "/papers/c/": html("c").toString() });
    const untouched = await fs.stat(pageFile(input, "/papers/a/"));

    // b changes, c leaves the part, d joins it.
    await syncPartInput(input, ["/papers/a/", "/papers/b/", "/papers/d/"], [html("a"), html("b, revised"), html("d")], false);
    expect(await pagesIn(input)).toEqual({ "/papers/a/": html("a").toString(), "/papers/b/": html("b, revised").toString(), "/papers/d/": html("d").toString() });
    const after = await fs.stat(pageFile(input, "/papers/a/"));
    expect([after.ino, after.mtimeMs]).toEqual([untouched.ino, untouched.mtimeMs]);
  });

  it("starts afresh without a manifest (an interrupted build) or when asked to", async () => {
    for (const interruption of ["manifest removed", "fresh"] as const) {
      const input = await scratch();
      await syncPartInput(input, ["/papers/a/"], [html("a")], false);
      await fs.mkdir(path.join(input, "papers", "stray"), { recursive: true });
      await fs.writeFile(path.join(input, "papers", "stray", "index.html"), html("half-written"));
      await fs.writeFile(pageFile(input, "/papers/a/"), "truncated");
      if (interruption === "manifest removed") await fs.rm(`${input}.json`);

      await syncPartInput(input, ["/papers/a/"], [html("a")], interruption === "fresh");
      expect(await pagesIn(input), interruption).toEqual({ "/papers/a/": html("a").toString() });
    }
  });
});
