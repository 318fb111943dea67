import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runBuildCli } from "../build-cli.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../paths.ts";
import { ARCHIVE_SEARCH_PARTS } from "./build-sample.global.ts";
import { listFiles, listFolders } from "./read-site.ts";

const root = inject("workRoot");
const sampleSite = inject("sampleSite");

function digestsFolder(name: string, files: Record<string, string>): string {
  const folder = path.join(root, name, "digests");
  fs.mkdirSync(folder, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, file), text);
  return folder;
}

const abstract = "An abstract that is long enough to be one and then some more words. ".repeat(6);

describe("a build with bad input", () => {
  it("fails, names every problem with its file and line, and leaves the previous output exactly as it was", async () => {
    const output = path.join(root, "bad", "_site");
    const good = digestsFolder("bad-good", { "2025-08-20.txt": fs.readFileSync(SAMPLE_DIGEST, "utf8") });
    const first = await runBuildCli(["--input", good, "--output", output, "--work-dir", path.join(root, "bad", "work")]);
    expect(first.code).toBe(0);
    const before = new Map(listFiles(output).map((file) => [file, fs.readFileSync(path.join(output, file))]));

    const bad = digestsFolder("bad", {
      "2025-08-20.txt": fs.readFileSync(SAMPLE_DIGEST, "utf8"),
      "2025-08-21.txt": `Aug 22\n\nA Title\n\n${abstract}\n`,
      "2025-08-23.txt": `Aug 23\n\nFine Title\n\n${abstract}\n\nCut Off Title\n`,
      "2025-08-24.txt": "",
      "notes.txt": `Aug 24\n\nA Title\n\n${abstract}\n`,
      "README.md": "# Not a digest\n",
    });
    const failed = await runBuildCli([
      "--input",
      bad,
      "--output",
      output,
      "--work-dir",
      path.join(root, "bad", "work"),
      "--permalinks",
      path.join(root, "bad", "permalinks.json"),
    ]);
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toContain("4 problems in the digests");
    expect(failed.stderr).toContain(
      `${path.join(bad, "2025-08-21.txt")}:1: the date line says 2025-08-22 but the file name says 2025-08-21`,
    );
    expect(failed.stderr).toContain(`${path.join(bad, "2025-08-23.txt")}:7: the title "Cut Off Title" has no abstract after it`);
    expect(failed.stderr).toContain(`${path.join(bad, "2025-08-24.txt")}:1: the file is empty`);
    expect(failed.stderr).toContain(
      `${path.join(bad, "notes.txt")}: the file name does not start with the digest's date; rename it to YYYY-MM-DD.txt`,
    );
    expect(failed.stderr).toContain("The previous output was left untouched.");

    const after = listFiles(output);
    expect(after).toEqual([...before.keys()]);
    for (const file of after) expect(fs.readFileSync(path.join(output, file)).equals(before.get(file)!), file).toBe(true);
    expect(fs.readdirSync(path.dirname(output)).filter((name) => name.includes("staging"))).toEqual([]);
  });

  it("names a broken symbolic link, a loop of links and an unwritable output plainly, without a stack trace", async () => {
    const folder = digestsFolder("links", { "2025-08-20.txt": fs.readFileSync(SAMPLE_DIGEST, "utf8") });
    fs.symlinkSync(path.join(folder, "missing.txt"), path.join(folder, "2025-08-21.txt"));
    fs.symlinkSync(path.join(folder, "2025-08-22.txt"), path.join(folder, "2025-08-22.txt"));
    const result = await runBuildCli([
      "--input",
      folder,
      "--output",
      path.join(root, "links", "_site"),
      "--work-dir",
      path.join(root, "links", "work"),
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${path.join(folder, "2025-08-21.txt")}: is a symbolic link to a file that does not exist`);
    expect(result.stderr).toContain(`${path.join(folder, "2025-08-22.txt")}: is a symbolic link that points back to itself (a loop)`);
    expect(result.stderr).not.toMatch(/^\s+at /m);

    // An output whose parent is a file (as root, a read-only folder would still be writable).
    fs.writeFileSync(path.join(root, "links", "a-file"), "");
    const good = digestsFolder("links-good", { "2025-08-20.txt": fs.readFileSync(SAMPLE_DIGEST, "utf8") });
    const unwritable = await runBuildCli([
      "--input",
      good,
      "--output",
      path.join(root, "links", "a-file", "_site"),
      "--work-dir",
      path.join(root, "links", "work2"),
    ]);
    expect(unwritable.code).not.toBe(0);
    expect(unwritable.stderr).toContain(`Build failed: cannot lock the output`);
    expect(unwritable.stderr).not.toMatch(/^\s+at /m);
  });

  it("rejects a folder with no digests", async () => {
    const empty = digestsFolder("empty", { "README.md": "nothing here\n" });
    const result = await runBuildCli([
      "--input",
      empty,
      "--output",
      path.join(root, "empty", "_site"),
      "--work-dir",
      path.join(root, "empty", "work"),
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("no digests found: add files named YYYY-MM-DD.txt");
    expect(fs.existsSync(path.join(root, "empty", "_site"))).toBe(false);
  });
});

describe("a successful build", () => {
  it("reports each stage with counts and timings, and notes skipped files", async () => {
    const folder = digestsFolder("report", {
      "2025-08-20.txt": fs.readFileSync(SAMPLE_DIGEST, "utf8"),
      "README.md": "notes\n",
      ".DS_Store": "",
    });
    const result = await runBuildCli([
      "--input",
      folder,
      "--output",
      path.join(root, "report", "_site"),
      "--work-dir",
      path.join(root, "report", "work"),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[parse\] 1 digest, 67 entries; skipped 2 non-digest files \(\.DS_Store, README\.md\) in \d+\.\d+ s/);
    expect(result.stdout).toMatch(/\[identify\] 67 papers from 1 digest, 67 new permalinks in \d+\.\d+ s/);
    expect(result.stdout).toMatch(
      /\[enrich\] 67 papers over 1 day, \d+ topics \(by the trained model\); related papers searched for all 67 papers \(none kept\) in \d+\.\d+ s/,
    );
    // The taxonomy's replaced topic slugs each get a redirect page.
    expect(result.stdout).toMatch(/\[eleventy\] \d+ pages; 0 pages reused from the cache; \d+ redirect pages for moved URLs in \d+\.\d+ s/);
    expect(result.stdout).toMatch(/\[pagefind\] 67 papers indexed in 1 part, \d+ files in \d+\.\d+ s/);
    expect(fs.existsSync(path.join(root, "report", "permalinks.json"))).toBe(true);
  });

  it("renders a sharded build in several processes with byte-identical output", async () => {
    const output = path.join(root, "sharded", "_site");
    const result = await runBuildCli([
      "--input",
      inject("archiveDigests"),
      "--output",
      output,
      "--work-dir",
      path.join(root, "sharded", "work"),
      "--site-url",
      "https://papers.example.org",
      "--shard-size",
      "40",
      "--jobs",
      "2",
      ...ARCHIVE_SEARCH_PARTS,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/paper pages: \d+ to render, 0 unchanged \(in 2 shards\); listing pages: \d+ to render, 0 unchanged/);
    // Each process reports as it finishes, in whatever order they finish.
    for (const part of ["listing pages", "paper shard 0001", "paper shard 0002"])
      expect(result.stdout).toMatch(new RegExp(`\\[eleventy\\] ${part} rendered \\([123] of 3\\)`));
    expect(result.stdout).toMatch(/\[eleventy\] \d+ pages from 3 Eleventy processes, 2 at a time/);
    const archiveSite = inject("archiveSite");
    const files = listFiles(output);
    expect(files).toEqual(listFiles(archiveSite));
    for (const file of files)
      expect(fs.readFileSync(path.join(output, file)).equals(fs.readFileSync(path.join(archiveSite, file))), file).toBe(true);
  });

  it("rebuilds incrementally after a digest is added: only new or changed paper pages render, and the output equals a clean build", async () => {
    const work = path.join(root, "incremental", "work");
    const digests = digestsFolder("incremental", { "2025-08-20.txt": fs.readFileSync(SAMPLE_DIGEST, "utf8") });
    // Shards of 40: the first build renders in three processes; the rebuild renders fewer pages
    // than a shard holds, so they render in the build's own process.
    const first = await runBuildCli([
      "--input",
      digests,
      "--output",
      path.join(root, "incremental", "first"),
      "--work-dir",
      work,
      "--shard-size",
      "40",
    ]);
    expect(first.stdout).toMatch(/paper pages: 67 to render, 0 unchanged \(in 2 shards\); listing pages: \d+ to render, 0 unchanged/);
    expect(first.stdout).toContain("related papers searched for all 67 papers (none kept)");

    fs.copyFileSync(path.join(FIXTURES, "card", "2025-08-22.txt"), path.join(digests, "2025-08-22.txt"));
    const output = path.join(root, "incremental", "_site");
    const second = await runBuildCli(["--input", digests, "--output", output, "--work-dir", work, "--shard-size", "40"]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/paper pages: \d+ to render, \d+ unchanged; listing pages/);
    // Related papers: the added day's papers searched on top of the kept search, not the whole archive again.
    expect(second.stdout).toMatch(/related papers searched for 2 papers added to the kept ones, [1-9]\d* papers taking them in/);
    expect(second.stdout).toMatch(/\[eleventy\] \d+ pages; \d+ pages reused from the cache/);
    const [, rendered, unchanged] = /paper pages: (\d+) to render, (\d+) unchanged/.exec(second.stdout)!.map(Number);
    // Rendered: two new papers, one paper seen again, and those whose related lists changed
    // (many, in an archive this small); the rest, most pages, come from the cache.
    expect(rendered).toBeGreaterThanOrEqual(3);
    expect(unchanged).toBeGreaterThan(rendered!);
    expect(rendered! + unchanged!).toBe(69);
    // Listings: the new day's page and what a new day changes (the month, the year, the earlier day's link to the
    // next, the topic pages it adds to); the rest come from the cache.
    const [, listingsRendered, listingsUnchanged] = /listing pages: (\d+) to render, (\d+) unchanged/.exec(second.stdout)!.map(Number);
    expect(listingsRendered).toBeGreaterThanOrEqual(4);
    expect(listingsUnchanged).toBeGreaterThan(0);

    const clean = path.join(root, "incremental", "clean");
    const cleanBuild = await runBuildCli([
      "--input",
      digests,
      "--output",
      clean,
      "--work-dir",
      path.join(root, "incremental", "clean-work"),
      "--permalinks",
      path.join(root, "incremental", "clean-permalinks.json"),
      "--no-cache",
    ]);
    expect(cleanBuild.code, cleanBuild.stderr).toBe(0);
    expect(cleanBuild.stdout).not.toContain("unchanged");
    // --no-cache: the related-paper search neither reads nor keeps a state.
    expect(cleanBuild.stdout).toContain("related papers searched for all 69 papers in ");
    expect(fs.existsSync(path.join(root, "incremental", "clean-work", "related-cache"))).toBe(false);
    const files = listFiles(output);
    expect(files).toEqual(listFiles(clean));
    for (const file of files)
      expect(fs.readFileSync(path.join(output, file)).equals(fs.readFileSync(path.join(clean, file))), file).toBe(true);
  });

  it("re-indexes only the search part a new day changes, and the output equals a clean build", async () => {
    const fresh = (date: string, titles: string[]) =>
      `${new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}\n\n` +
      titles.map((title) => `${title}\n\n${title} studies ${abstract}\n\n`).join("");
    const digests = digestsFolder("search-parts", {
      "2025-08-20.txt": fs.readFileSync(SAMPLE_DIGEST, "utf8"),
      "2025-08-25.txt": fresh("2025-08-25", ["Sparse Autoencoders for Chemistry", "Tiny Recurrent Planners"]),
    });
    const work = path.join(root, "search-parts", "work");
    const build = (output: string, extra: string[] = []) =>
      runBuildCli([
        "--input",
        digests,
        "--output",
        path.join(root, "search-parts", output),
        "--work-dir",
        work,
        "--search-part-size",
        "50",
        ...extra,
      ]);
    const first = await build("first");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/\[pagefind\] 69 papers indexed in 2 parts, \d+ files/);

    fs.writeFileSync(path.join(digests, "2025-08-26.txt"), fresh("2025-08-26", ["Quantum Error Correction with Transformers"]));
    const second = await build("_site");
    expect(second.code, second.stderr).toBe(0);
    // The sample day's part is unchanged (its papers' related lists may change, not what search reads).
    expect(second.stdout).toMatch(/\[pagefind\] 70 papers indexed in 2 parts \(1 re-indexed, 1 reused\)/);
    expect(second.stdout).toContain("[pagefind] part 1 of 2: 3 papers, 2025-08-25 to 2025-08-26");

    const output = path.join(root, "search-parts", "_site");
    const clean = path.join(root, "search-parts", "clean");
    const cleanBuild = await runBuildCli([
      "--input",
      digests,
      "--output",
      clean,
      "--work-dir",
      path.join(root, "search-parts", "clean-work"),
      "--search-part-size",
      "50",
      "--permalinks",
      path.join(root, "search-parts", "permalinks.json"),
      "--no-cache",
    ]);
    expect(cleanBuild.code, cleanBuild.stderr).toBe(0);
    const files = listFiles(output);
    expect(files).toEqual(listFiles(clean));
    for (const file of files)
      expect(fs.readFileSync(path.join(output, file)).equals(fs.readFileSync(path.join(clean, file))), file).toBe(true);
  });

  it("renders into the site the build before last left, rewriting only what changed, and equals a clean build", async () => {
    const sample = fs.readFileSync(SAMPLE_DIGEST, "utf8");
    const card = fs.readFileSync(path.join(FIXTURES, "card", "2025-08-22.txt"), "utf8");
    const digests = digestsFolder("recycle", { "2025-08-20.txt": sample });
    const output = path.join(root, "recycle", "_site");
    const builds = path.join(root, "recycle", "._site.builds");
    const permalinks = path.join(root, "recycle", "permalinks.json");
    const build = (extra: string[] = []) =>
      runBuildCli([
        "--input",
        digests,
        "--output",
        output,
        "--work-dir",
        path.join(root, "recycle", "work"),
        "--permalinks",
        permalinks,
        ...extra,
      ]);
    const cleanBuild = async (name: string) => {
      const clean = path.join(root, "recycle", name);
      fs.copyFileSync(permalinks, `${clean}.json`);
      const result = await runBuildCli([
        "--input",
        digests,
        "--output",
        clean,
        "--work-dir",
        `${clean}-work`,
        "--permalinks",
        `${clean}.json`,
        "--no-cache",
      ]);
      expect(result.code, result.stderr).toBe(0);
      return clean;
    };
    const expectSameTree = (site: string, clean: string) => {
      expect(listFolders(site)).toEqual(listFolders(clean));
      const files = listFiles(site);
      expect(files).toEqual(listFiles(clean));
      for (const file of files)
        expect(fs.readFileSync(path.join(site, file)).equals(fs.readFileSync(path.join(clean, file))), file).toBe(true);
    };
    const spare = () => fs.readdirSync(builds).filter((name) => name.startsWith("spare-"));

    // Two days, then one: the second build replaces the first, whose site is kept as a spare.
    fs.writeFileSync(path.join(digests, "2025-08-22.txt"), card);
    expect((await build()).code).toBe(0);
    fs.rmSync(path.join(digests, "2025-08-22.txt"));
    expect((await build()).code).toBe(0);
    await expect.poll(spare, { timeout: 10_000 }).toHaveLength(1);
    const spareFolder = path.join(builds, spare()[0]!);

    // Whatever is in the spare that no build wrote (a stray file, a page replaced by hand) is cleared away.
    fs.writeFileSync(path.join(spareFolder, "stray.html"), "<p>not ours</p>");
    fs.mkdirSync(path.join(spareFolder, "papers", "stray"), { recursive: true });
    fs.writeFileSync(path.join(spareFolder, "papers", "stray", "index.html"), "<p>nor this</p>");
    const [kept] = listFiles(path.join(spareFolder, "papers"));
    fs.rmSync(path.join(spareFolder, "papers", kept!));
    fs.writeFileSync(path.join(spareFolder, "papers", kept!), "<p>edited by hand</p>");
    const spareInode = fs.statSync(spareFolder).ino;

    // The second day again: rendered into the first build's folder.
    fs.writeFileSync(path.join(digests, "2025-08-22.txt"), card);
    const third = await build();
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).not.toContain("that interrupted builds left");
    expect(fs.statSync(fs.realpathSync(output)).ino).toBe(spareInode);
    expectSameTree(output, await cleanBuild("clean-two-days"));

    // And one day again, into the second build's folder: the second day's papers and their page folders go.
    fs.rmSync(path.join(digests, "2025-08-22.txt"));
    const fourth = await build();
    expect(fourth.code, fourth.stderr).toBe(0);
    expectSameTree(output, await cleanBuild("clean-one-day"));
  });

  it("is reproducible: the same input gives byte-identical output", async () => {
    const output = path.join(root, "repro", "_site");
    const result = await runBuildCli([
      "--input",
      path.join(root, "report", "digests"),
      "--output",
      output,
      "--work-dir",
      path.join(root, "repro", "work"),
      "--site-url",
      "https://papers.example.org",
    ]);
    expect(result.code).toBe(0);
    const files = listFiles(output);
    expect(files).toEqual(listFiles(sampleSite));
    for (const file of files) {
      expect(fs.readFileSync(path.join(output, file)).equals(fs.readFileSync(path.join(sampleSite, file))), file).toBe(true);
    }
  });

  it("renders a page again when its render-cache entry was damaged, instead of failing every later build", async () => {
    const work = path.join(root, "damaged", "work");
    const args = [
      "--input",
      path.join(root, "report", "digests"),
      "--output",
      path.join(root, "damaged", "_site"),
      "--work-dir",
      work,
      "--site-url",
      "https://papers.example.org",
      "--permalinks",
      path.join(root, "damaged", "permalinks.json"),
    ];
    const first = await runBuildCli(args);
    expect(first.code).toBe(0);
    const listings = Number(/listing pages: (\d+) to render, 0 unchanged/.exec(first.stdout)![1]);
    const entries = fs.readdirSync(path.join(work, "render-cache")).filter((name) => name.endsWith(".html"));
    // Paper pages and paginated listing pages are kept; the few pages that list the whole archive always render.
    expect(entries).toHaveLength(67 + listings);
    // One entry cut short, one overwritten in place with the same size: both are damage.
    const [cut, flipped] = entries.map((name) => path.join(work, "render-cache", name));
    fs.truncateSync(cut!, 100);
    const bytes = fs.readFileSync(flipped!);
    bytes[bytes.length - 20] = "X".charCodeAt(0);
    fs.writeFileSync(flipped!, bytes);
    const rebuilt = await runBuildCli(args);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    const [, papersRendered, listingsRendered] = /paper pages: (\d+) to render.*listing pages: (\d+) to render/
      .exec(rebuilt.stdout)!
      .map(Number);
    expect(papersRendered! + listingsRendered!).toBe(2);
    const output = path.join(root, "damaged", "_site");
    for (const file of listFiles(sampleSite))
      expect(fs.readFileSync(path.join(output, file)).equals(fs.readFileSync(path.join(sampleSite, file))), file).toBe(true);
  });

  it("is the same whatever file system the work folder and output are on (tmpfs lists folders in another order)", async () => {
    // /dev/shm is tmpfs on Linux; the test sites are built on the disk under the system's temporary folder.
    expect(fs.statSync("/dev/shm").isDirectory()).toBe(true);
    const tmpfs = fs.mkdtempSync("/dev/shm/dpa-repro-");
    try {
      const output = path.join(tmpfs, "_site");
      const result = await runBuildCli([
        "--input",
        path.join(root, "report", "digests"),
        "--output",
        output,
        "--work-dir",
        path.join(tmpfs, "work"),
        "--permalinks",
        path.join(tmpfs, "permalinks.json"),
        "--site-url",
        "https://papers.example.org",
        "--no-cache",
      ]);
      expect(result.code, result.stderr).toBe(0);
      const files = listFiles(output);
      expect(files).toEqual(listFiles(sampleSite));
      for (const file of files)
        expect(fs.readFileSync(path.join(output, file)).equals(fs.readFileSync(path.join(sampleSite, file))), file).toBe(true);
    } finally {
      fs.rmSync(tmpfs, { recursive: true, force: true });
    }
  });
});
