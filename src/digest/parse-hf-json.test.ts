import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDigest } from "./parse-digest.ts";
import { parseHfJson } from "./parse-hf-json.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../../test/paths.ts";

const fixtureFile = path.join(FIXTURES, "hf-json", "2025-08-23.json");
const fixture = fs.readFileSync(fixtureFile, "utf8");
const abstract = "An abstract that is long enough to be one, and then some more words to make it so. ".repeat(3).trim();

/** A minimal API entry; `extra` is merged into `paper`. */
const entry = (id: string, title: string, extra: Record<string, unknown> = {}) => ({ paper: { id, title, summary: abstract, ...extra } });
const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("parseHfJson on the fixture", () => {
  const { digest, problems, submittedOn } = parseHfJson(fixture, fixtureFile);

  it("reads every paper, dated by the file name", () => {
    expect(problems).toEqual([]);
    expect(digest?.date).toBe("2025-08-23");
    expect(digest?.file).toBe(fixtureFile);
    expect(digest?.entries.map((paper) => paper.title)).toEqual([
      "Sparse Mixture-of-Depths Routing for Long-Horizon Agents",
      "MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings",
      "Calibrated Uncertainty for Tabular Foundation Models",
    ]);
    expect(submittedOn).toBe("2025-08-23");
  });

  it("keeps authors and what the API says about each paper", () => {
    const [first] = digest!.entries;
    expect(first?.authors).toEqual(["Mira Okafor", "Tomás Lindqvist", "Priya Raman"]);
    expect(first?.card).toEqual({
      arxivId: "2508.16101",
      upvotes: 58,
      comments: 4,
      publishedOn: "2025-08-21",
      githubStars: "312",
      organization: "Example AI Lab",
      organizationUrl: "https://huggingface.co/example-lab",
      githubRepo: "https://github.com/example/sparse-mod-agents",
      keywords: ["mixture-of-depths", "routing", "agents"],
      submitter: "akhaliq",
      authorCount: 3,
      // No count date recorded: the counts are no older than the file's newest timestamp.
      countedOn: "2025-08-23",
    });
  });

  it("collapses whitespace in titles and abstracts as the text parser does", () => {
    const [first, muvera] = digest!.entries;
    expect(first?.title).not.toMatch(/\s{2}|\n/);
    expect(first?.abstract.startsWith("Agents that act over hundreds of steps spend most of their compute re-reading context")).toBe(true);
    // The same abstract as in the sample text digest, where it is one line.
    const text = parseDigest(fs.readFileSync(SAMPLE_DIGEST, "utf8"), SAMPLE_DIGEST).digest!;
    const inText = text.entries.find((paper) => paper.title === muvera?.title);
    expect(muvera?.abstract).toBe(inText?.abstract);
  });

  it("tolerates missing and null optional fields", () => {
    const [, muvera, tabular] = digest!.entries;
    expect(muvera?.card).toEqual({
      arxivId: "2405.19504",
      upvotes: 17,
      comments: 0,
      publishedOn: "2024-05-29",
      submitter: "taesiri",
      authorCount: 5,
      countedOn: "2025-08-23",
    });
    expect(tabular?.card).toEqual({ arxivId: "2508.16102", authorCount: 2 });
  });

  it("records the line on which each entry starts", () => {
    const lines = fixture.split("\n");
    for (const paper of digest!.entries) expect(lines[paper.line - 1]?.trim()).toBe("{");
    expect(digest!.entries.map((paper) => paper.line)).toEqual([...digest!.entries.map((paper) => paper.line)].sort((a, b) => a - b));
  });
});

describe("parseHfJson on other shapes", () => {
  it("takes the title and summary from the entry when there is no paper object", () => {
    const { digest, problems } = parseHfJson(json([{ title: "Only  Top-Level\nFields", summary: abstract }]), "2025-08-24.json");
    expect(problems).toEqual([]);
    expect(digest?.entries[0]).toMatchObject({ title: "Only Top-Level Fields", abstract, authors: [], card: {} });
  });

  it("ignores fields it does not know, wherever they are", () => {
    const { digest, problems } = parseHfJson(
      json([
        {
          ...entry("2508.00001", "A Paper", { ai_summary: "x", mediaUrls: [1, 2], upvotes: 3 }),
          thumbnail: "t.png",
          someFutureField: { deep: [null] },
        },
      ]),
      "2025-08-24.json",
    );
    expect(problems).toEqual([]);
    expect(digest?.entries[0]?.card).toEqual({ arxivId: "2508.00001", upvotes: 3 });
  });

  it("accepts a string organisation, string authors and a version suffix on the id", () => {
    const { digest, problems } = parseHfJson(
      json([entry("2508.00001v2", "A Paper", { organization: "Some Lab", authors: ["Ada Lovelace", { name: "Alan Turing" }] })]),
      "2025-08-24.json",
    );
    expect(problems).toEqual([]);
    expect(digest?.entries[0]?.card).toMatchObject({ arxivId: "2508.00001", organization: "Some Lab", authorCount: 2 });
    expect(digest?.entries[0]?.authors).toEqual(["Ada Lovelace", "Alan Turing"]);
  });

  it("takes the date from options before the file name", () => {
    const { digest } = parseHfJson(json([entry("2508.00001", "A Paper")]), "-", { date: "2025-09-01" });
    expect(digest?.date).toBe("2025-09-01");
  });
});

describe("parseHfJson on malformed files", () => {
  it("rejects text that is not JSON, with the line of the error", () => {
    const { digest, problems } = parseHfJson('[\n  { "paper": { "id": "2508.00001" } },\n  oops\n]', "2025-08-24.json");
    expect(digest).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "2025-08-24.json", line: 3 });
    expect(problems[0]?.message).toMatch(/^not valid JSON/);
  });

  it("rejects JSON that is not an array, and an empty array", () => {
    expect(parseHfJson('{"papers": []}', "2025-08-24.json").problems).toEqual([
      {
        file: "2025-08-24.json",
        line: 1,
        message: "expected a JSON array of papers (as the Hugging Face daily papers API returns), found an object",
      },
    ]);
    expect(parseHfJson("[]", "2025-08-24.json").problems[0]?.message).toContain("empty list");
  });

  it("lists every bad entry, naming the file, the entry's line, index, id and title", () => {
    const source = json([
      entry("2508.00001", "A Good Paper"),
      { paper: { id: "2508.00002", title: "No Summary Here" } },
      { paper: { id: "2508.00003", summary: abstract } },
      entry("2508.00004", "Wrong Types", { upvotes: "many", authors: "Ada" }),
      { paper: { id: "2508.00005", title: "Wrong Type And No Summary", upvotes: 1.5 } },
      "just a string",
      entry("not-an-id", "Odd Id"),
    ]);
    const { digest, problems } = parseHfJson(source, "2025-08-24.json");
    expect(digest).toBeUndefined();
    const lineOf = (text: string) => source.split("\n").findIndex((line) => line.includes(text)) + 1;
    const startOf = (text: string) => {
      const lines = source.split("\n");
      let line = lineOf(text) - 1;
      while (line > 0 && lines[line - 1]?.trim() !== "{" && lines[line - 1]?.trim() !== '"just a string",') line--;
      return line;
    };
    expect(problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`)).toEqual([
      `2025-08-24.json:${startOf('"2508.00002"')}: entry 2 (2508.00002 "No Summary Here"): has no abstract (paper.summary or summary)`,
      `2025-08-24.json:${startOf('"2508.00003"')}: entry 3 (2508.00003): has no title (paper.title or title)`,
      `2025-08-24.json:${startOf('"2508.00004"')}: entry 4 (2508.00004 "Wrong Types"): paper.authors: Invalid input: expected array, received string`,
      `2025-08-24.json:${startOf('"2508.00004"')}: entry 4 (2508.00004 "Wrong Types"): paper.upvotes: Invalid input: expected number, received string`,
      `2025-08-24.json:${startOf('"2508.00005"')}: entry 5 (2508.00005 "Wrong Type And No Summary"): paper.upvotes: Invalid input: expected int, received number`,
      `2025-08-24.json:${startOf('"2508.00005"')}: entry 5 (2508.00005 "Wrong Type And No Summary"): has no abstract (paper.summary or summary)`,
      `2025-08-24.json:${lineOf('"just a string"')}: entry 6: expected an object with a paper's title and summary, found a string ("just a string")`,
      `2025-08-24.json:${startOf('"not-an-id"')}: entry 7 (not-an-id "Odd Id"): paper.id "not-an-id" is not an arXiv id like 2508.14111`,
    ]);
  });

  it("reports a file name without a date, like the text parser", () => {
    const { problems } = parseHfJson(json([entry("2508.00001", "A Paper")]), "papers.json");
    expect(problems).toEqual([
      {
        file: "papers.json",
        line: 0,
        message: expect.stringContaining("rename it to YYYY-MM-DD.json"),
      },
    ]);
  });
});
