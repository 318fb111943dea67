import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDigest } from "./parse-digest.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../../test/paths.ts";

const sample = fs.readFileSync(SAMPLE_DIGEST, "utf8");

describe("parseDigest on the sample digest", () => {
  const { digest, problems } = parseDigest(sample, "content/digests/2025-08-20.txt");

  it("finds all 67 papers with no problems", () => {
    expect(problems).toEqual([]);
    expect(digest?.date).toBe("2025-08-20");
    expect(digest?.entries).toHaveLength(67);
  });

  it("reads the first and last titles exactly", () => {
    expect(digest?.entries[0]?.title).toBe("MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings");
    expect(digest?.entries.at(-1)?.title).toBe(
      "Self-Attention Amortized Distributional Projection Optimization for Sliced Wasserstein Point-Cloud Reconstruction",
    );
  });

  it("keeps each abstract whole and records the title's line", () => {
    const first = digest!.entries[0]!;
    expect(first.line).toBe(13);
    expect(first.abstract.startsWith("Neural embedding models have become")).toBe(true);
    expect(first.abstract.endsWith("with 90% lower latency.")).toBe(true);
    expect(digest!.entries.every((entry) => entry.abstract.length > 200 && entry.title.length < 200)).toBe(true);
  });
});

describe("parseDigest on the card layout", () => {
  const file = path.join(FIXTURES, "card", "2025-08-22.txt");
  const { digest, problems } = parseDigest(fs.readFileSync(file, "utf8"), file);

  it("finds the three papers between the card chrome", () => {
    expect(problems).toEqual([]);
    expect(digest?.entries.map((entry) => entry.title)).toEqual([
      "Scaling Sparse Attention to Million-Token Contexts with Learned Block Routing",
      "MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings",
      "Tight Regret Bounds for Single-pass Streaming Multi-armed Bandits",
    ]);
    expect(digest!.entries.every((entry) => entry.abstract.length > 200)).toBe(true);
  });

  it("keeps what each card carries", () => {
    const [first, second, third] = digest!.entries;
    expect(first?.card).toEqual({
      submitter: "akhaliq",
      authorCount: 12,
      organization: "Google DeepMind",
      arxivId: "2508.14111",
      publishedOn: "2025-08-21",
      upvotes: 42,
      githubStars: "1.2k",
      comments: 7,
    });
    expect(second?.card).toEqual({ submitter: "taesiri", authorCount: 3, arxivId: "2405.19504", publishedOn: "2025-08-22" });
    expect(third?.card).toEqual({
      submitter: "nielsr",
      authorCount: 5,
      organization: "Tsinghua University",
      arxivId: "2508.15000",
      publishedOn: "2025-08-22",
      upvotes: 3,
      githubStars: "87",
      comments: 2,
    });
  });
});

describe("parseDigest input forms", () => {
  const plain = [
    "Daily Papers",
    "",
    "Aug 21",
    "",
    "A Wrapped Title That Goes On",
    "Over Two Lines",
    "",
    "An abstract that is long enough to be one. ".repeat(6),
    "",
  ].join("\n");

  it("joins a title wrapped over two lines", () => {
    const { digest } = parseDigest(plain, "2025-08-21.txt");
    expect(digest?.entries[0]?.title).toBe("A Wrapped Title That Goes On Over Two Lines");
  });

  it("reads CRLF line endings and a UTF-8 byte order mark", () => {
    const { digest, problems } = parseDigest(`\uFEFF${plain.replaceAll("\n", "\r\n")}`, "2025-08-21.txt");
    expect(problems).toEqual([]);
    expect(digest?.entries[0]?.title).toBe("A Wrapped Title That Goes On Over Two Lines");
    expect(digest?.entries[0]?.abstract).not.toMatch(/[\r\uFEFF]/);
  });

  it("keeps any Unicode as written", () => {
    const text = [
      "Aug 21",
      "",
      "Über-Netze für 数学: ℓ₁ ∞ 🚀 Zürich",
      "",
      `Ein Abstract über ∑ᵢ xᵢ, 中文摘要, emoji 🧪. ${"Mehr Text. ".repeat(20)}`,
    ].join("\n");
    const { digest } = parseDigest(text, "2025-08-21.txt");
    expect(digest?.entries[0]?.title).toBe("Über-Netze für 数学: ℓ₁ ∞ 🚀 Zürich");
    expect(digest?.entries[0]?.abstract).toContain("中文摘要, emoji 🧪");
  });

  it("accepts a suffix after the date in the file name", () => {
    expect(parseDigest(plain, "digests/2025-08-21-extra.txt").digest?.date).toBe("2025-08-21");
  });

  it("reads a title followed by its abstract with no blank line between", () => {
    const text = ["Aug 21", "", "Short Title", "A long abstract line. ".repeat(12)].join("\n");
    const { digest } = parseDigest(text, "2025-08-21.txt");
    expect(digest?.entries[0]?.title).toBe("Short Title");
  });
});

describe("parseDigest bad input", () => {
  const abstract = "An abstract that is long enough to be one. ".repeat(8);
  const cases: { name: string; file: string; text: string; expected: { line: number; message: RegExp }[] }[] = [
    { name: "an empty file", file: "2025-08-21.txt", text: "  \n\n", expected: [{ line: 1, message: /the file is empty/ }] },
    {
      name: "no date line",
      file: "2025-08-21.txt",
      text: ["Daily Papers", "", "A Title", "", abstract].join("\n"),
      expected: [{ line: 3, message: /expected the digest's date line \(like 'Aug 20'\).*found "A Title"/ }],
    },
    {
      name: "a date line that disagrees with the file name",
      file: "2025-08-21.txt",
      text: ["Aug 20", "", "A Title", "", abstract].join("\n"),
      expected: [{ line: 1, message: /the date line says 2025-08-20 but the file name says 2025-08-21/ }],
    },
    {
      name: "a date line whose year disagrees",
      file: "2025-08-21.txt",
      text: ["Aug 21, 2024", "", "A Title", "", abstract].join("\n"),
      expected: [{ line: 1, message: /the date line says 2024-08-21 but the file name says 2025-08-21/ }],
    },
    {
      name: "no papers",
      file: "2025-08-21.txt",
      text: "Daily Papers\n\nAug 21\n\n",
      expected: [{ line: 3, message: /no papers found after the date line/ }],
    },
    {
      name: "a title with no abstract (a truncated file)",
      file: "2025-08-21.txt",
      text: ["Aug 21", "", "First Title", "", abstract, "", "Cut Off Title", ""].join("\n"),
      expected: [{ line: 7, message: /the title "Cut Off Title" has no abstract after it; is the file truncated\?/ }],
    },
    {
      name: "a file name without a date",
      file: "digests/papers.txt",
      text: ["Aug 21", "", "A Title", "", abstract].join("\n"),
      expected: [{ line: 0, message: /rename it to YYYY-MM-DD\.txt \(for example 2025-08-20\.txt\)/ }],
    },
    {
      name: "a file name with an impossible date",
      file: "2025-02-30.txt",
      text: ["Feb 30", "", "A Title", "", abstract].join("\n"),
      expected: [{ line: 0, message: /2025-02-30 is not a calendar date/ }],
    },
    {
      name: "a missing title in the middle, and a truncated end: both reported",
      file: "2025-08-21.txt",
      text: ["Aug 20", "", "First Title", "", abstract, "", abstract, "", "Second Title", "", abstract, "", "Last Title"].join("\n"),
      expected: [
        { line: 1, message: /the date line says/ },
        { line: 7, message: /expected a title but found a paragraph of \d+ characters/ },
        { line: 13, message: /the title "Last Title" has no abstract/ },
      ],
    },
    {
      name: "a truncated card-layout file",
      file: "2025-08-21.txt",
      text: [
        "Aug 21",
        "",
        "https://huggingface.co/papers/2508.00001",
        "A Title",
        "https://huggingface.co/papers/2508.00001",
        "",
        abstract,
        "",
        "Submitted by",
        "someone",
        "https://huggingface.co/papers/2508.00002",
        "Cut Off",
        "https://huggingface.co/papers/2508.00002",
      ].join("\n"),
      expected: [{ line: 12, message: /the title "Cut Off" has no abstract/ }],
    },
  ];

  it.each(cases)("reports $name with the file and line", ({ file, text, expected }) => {
    const { digest, problems } = parseDigest(text, file);
    expect(digest).toBeUndefined();
    expect(problems).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      expect(problems[index]?.file).toBe(file);
      expect(problems[index]?.line).toBe(want.line);
      expect(problems[index]?.message).toMatch(want.message);
    });
  });
});
