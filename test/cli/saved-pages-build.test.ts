/**
 * Saved pages built as `npm run build` builds them: a card-layout page with
 * organisation cards keeps every paper, and a title of 350 characters builds.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuildCli } from "../build-cli.ts";
import { FIXTURES } from "../paths.ts";

const longTitle = `Toward ${"Scalable, Robust and Efficient ".repeat(8)}Multimodal Learning: A Unified Framework with New Benchmarks (Extended, NeurIPS 2025 Spotlight)`;
const abstract = "We study a problem at length and report what we found. ".repeat(6).trim();

describe("saved pages, built", () => {
  let root: string;
  let site: string;
  let stdout: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "dpa-saved-"));
    const input = path.join(root, "digests");
    site = path.join(root, "_site");
    await fs.mkdir(input);
    await fs.copyFile(path.join(FIXTURES, "card", "2025-08-25.txt"), path.join(input, "2025-08-25.txt"));
    await fs.writeFile(path.join(input, "2025-08-26.txt"), ["Daily Papers", "", "Aug 26", "", longTitle, "", abstract, ""].join("\n"));
    // A lone surrogate and a terminal escape in JSON strings: the build used to crash on the first with a URIError.
    const hostile = JSON.stringify([
      { paper: { id: "2508.19999", title: "Broken \ud800 Emoji \u001b[31mRed\u0007 Title", summary: abstract } },
    ]).replace("\ud800", "\\ud800");
    await fs.writeFile(path.join(input, "2025-08-27.json"), hostile);
    const result = await runBuildCli([
      "--input",
      input,
      "--output",
      site,
      "--work-dir",
      path.join(root, "work"),
      "--site-url",
      "https://papers.example.org",
    ]);
    if (result.code !== 0) throw new Error(`the build failed:\n${result.stderr}`);
    stdout = result.stdout;
  }, 300_000);

  afterAll(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it("keeps every paper of the card page and the long title's paper", async () => {
    expect(longTitle.length).toBe(350);
    expect(stdout).toMatch(/Built 6 papers, 3 days/);
    const feed = JSON.parse(await fs.readFile(path.join(site, "feed.json"), "utf8")) as { items: { title: string; url: string }[] };
    expect(feed.items.map((item) => item.title).sort()).toEqual(
      [
        longTitle,
        "Physically Grounded Video World Models from Simulated Contact",
        "Reward Models That Read the Rubric: Grounding Preference Scores in Written Criteria",
        "Speculative Decoding with Draft Trees That Learn Their Own Shape",
        "Tiny Recurrent Memory for Streaming Speech Recognition",
        "Broken Emoji [31mRed Title",
      ].sort(),
    );
    const long = feed.items.find((item) => item.title === longTitle)!;
    const page = parse(await fs.readFile(path.join(site, new URL(long.url).pathname, "index.html"), "utf8"));
    expect(page.querySelector("h1")?.text.trim()).toBe(longTitle);
  });

  it("removes a lone surrogate and control characters from JSON with a warning, and prints no control character", async () => {
    expect(stdout).toMatch(
      /warning: .*2025-08-27\.json:1: entry 1 \(2508\.19999 "Broken Emoji \[31mRed Title"\): removed 2 control characters and 1 lone surrogate/,
    );
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    const feed = JSON.parse(await fs.readFile(path.join(site, "feed.json"), "utf8")) as { items: { title: string; url: string }[] };
    const broken = feed.items.find((item) => item.title.startsWith("Broken"))!;
    const html = await fs.readFile(path.join(site, new URL(broken.url).pathname, "index.html"), "utf8");
    expect(parse(html).querySelector("title")?.text).toContain("Broken Emoji [31mRed Title");
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff]/);
  });
});
