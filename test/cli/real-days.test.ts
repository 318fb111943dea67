/**
 * The 24 real days of the Hugging Face daily papers API (371 papers) read and
 * built: every paper with its authors, links and counts in the data, the
 * feeds with their authors, and the build offline throughout.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHfJson } from "../../src/digest/parse-hf-json.ts";
import type { Digest } from "../../src/model/types.ts";
import { runBuildCli, type CliResult } from "../build-cli.ts";
import { PROJECT_ROOT, REAL_HF_DAILY } from "../paths.ts";

type RawEntry = {
  paper: {
    id: string;
    title: string;
    githubRepo?: string;
    projectPage?: string;
    ai_keywords?: string[];
    upvotes: number;
    authors: { name: string }[];
  };
  numComments: number;
  organization?: { name: string; fullname?: string };
};

let files: string[];
const digests: Digest[] = [];
const raw = new Map<string, RawEntry>();

beforeAll(async () => {
  files = (await fs.readdir(REAL_HF_DAILY)).filter((name) => name.endsWith(".json")).sort();
  for (const name of files) {
    const file = path.join(REAL_HF_DAILY, name);
    const text = await fs.readFile(file, "utf8");
    for (const entry of JSON.parse(text) as RawEntry[]) raw.set(entry.paper.id, entry);
    const parsed = parseHfJson(text, file);
    expect(parsed.problems).toEqual([]);
    digests.push(parsed.digest!);
  }
});

describe("the 24 real days, parsed", () => {
  it("reads all 371 papers", () => {
    expect(files).toHaveLength(24);
    expect(digests.flatMap((digest) => digest.entries)).toHaveLength(371);
  });

  it("keeps every field a reader wants: authors, arXiv id, counts with their date, organisation, code, project page, keywords", () => {
    for (const entry of digests.flatMap((digest) => digest.entries)) {
      const source = raw.get(entry.card.arxivId!)!;
      expect(source, entry.title).toBeDefined();
      expect(entry.authors).toEqual(source.paper.authors.map((author) => author.name.replace(/\s+/g, " ").trim()).filter(Boolean));
      expect(entry.card.upvotes).toBe(source.paper.upvotes);
      expect(entry.card.comments).toBe(source.numComments);
      expect(entry.card.countedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (source.paper.githubRepo) expect(entry.card.githubRepo).toBe(new URL(source.paper.githubRepo).href);
      if (source.paper.projectPage) expect(entry.card.projectPage).toBe(new URL(source.paper.projectPage).href);
      const keywords = (source.paper.ai_keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
      if (keywords.length) expect(entry.card.keywords).toEqual([...new Set(keywords)]);
      else expect(entry.card.keywords).toBeUndefined();
      if (source.organization) {
        expect(entry.card.organization).toBe((source.organization.fullname ?? source.organization.name).replace(/\s+/g, " ").trim());
        expect(entry.card.organizationUrl).toBe(`https://huggingface.co/${source.organization.name}`);
      }
    }
    const cards = digests.flatMap((digest) => digest.entries.map((entry) => entry.card));
    // The real days do carry each kind of field, so the checks above are not vacuous.
    expect(cards.filter((card) => card.githubRepo).length).toBeGreaterThan(50);
    expect(cards.filter((card) => card.projectPage).length).toBeGreaterThan(20);
    expect(cards.filter((card) => card.organizationUrl).length).toBeGreaterThan(50);
    expect(cards.filter((card) => card.keywords).length).toBeGreaterThan(100);
  });

  it("folds the hard line breaks of titles and abstracts", () => {
    const wrapped = [...raw.values()].filter((entry) => entry.paper.title.includes("\n"));
    expect(wrapped.length).toBeGreaterThan(10);
    for (const entry of digests.flatMap((digest) => digest.entries)) {
      expect(entry.title).not.toMatch(/\n|\s{2}/);
      expect(entry.abstract).not.toMatch(/\n|\s{2}/);
    }
  });
});

describe("the 24 real days, built offline", () => {
  let root: string;
  let site: string;
  let build: CliResult;

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "dpa-real-"));
    const input = path.join(root, "digests");
    site = path.join(root, "_site");
    await fs.mkdir(input);
    for (const name of files) await fs.copyFile(path.join(REAL_HF_DAILY, name), path.join(input, name));
    const noNetwork = pathToFileURL(path.join(PROJECT_ROOT, "test", "no-network.mjs")).href;
    build = await runBuildCli(
      ["--input", input, "--output", site, "--work-dir", path.join(root, "work"), "--site-url", "https://papers.example.org"],
      {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${noNetwork}`.trim(),
      },
    );
    if (build.code !== 0) throw new Error(`the build failed:\n${build.stderr}`);
  }, 300_000);

  afterAll(async () => {
    if (root) await fs.rm(root, { recursive: true, force: true });
  });

  it("builds all 371 papers over 24 days without reaching the network", () => {
    expect(build.stdout).toMatch(/Built 371 papers, 24 days/);
    expect(build.stderr).not.toContain("network access during the build");
  });

  it("gives each paper of the feed its authors", async () => {
    const feed = JSON.parse(await fs.readFile(path.join(site, "feed.json"), "utf8")) as {
      items: { external_url?: string; authors?: { name: string }[] }[];
    };
    expect(feed.items.length).toBeGreaterThan(100);
    for (const item of feed.items) {
      const id = item.external_url?.replace("https://arxiv.org/abs/", "") ?? "";
      expect(
        item.authors?.map((author) => author.name),
        id,
      ).toEqual(raw.get(id)!.paper.authors.map((author) => author.name.replace(/\s+/g, " ").trim()));
    }
    const atom = await fs.readFile(path.join(site, "feed.xml"), "utf8");
    expect(atom.match(/<author>/g)?.length).toBeGreaterThan(feed.items.length);
  });
});
