import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDigestFolder } from "../pipeline/read-digests.ts";
import { normalizeTitle } from "../identity/normalize-title.ts";
import { detectFormat, formatOfFileName, parseDigestBytes } from "./digest-file.ts";
import { formatProblems, terminalSafe } from "./digest-text.ts";
import { digestDateFromFileName } from "./file-name-date.ts";
import { parseHfJson } from "./parse-hf-json.ts";

const abstract = "An abstract that is long enough to be one, with more words to make it so. ".repeat(3).trim();
const plainDay = (title = "A Paper") => `Aug 21\n\n${title}\n\n${abstract}\n`;

describe("which files are digests, and their dates", () => {
  it.each([
    ["2025-08-21.txt", { ok: true, date: "2025-08-21" }],
    ["2025-08-21.TXT", { ok: true, date: "2025-08-21" }],
    ["2025-08-21.Json", { ok: true, date: "2025-08-21" }],
    ["2025-08-21-extra.txt", { ok: true, date: "2025-08-21" }],
    [
      "2025-08-21 (1).txt",
      {
        ok: false,
        message: expect.stringMatching(
          /a browser's second download of 2025-08-21\.txt; rename it to 2025-08-21\.txt .* or to 2025-08-21-2\.txt/,
        ),
      },
    ],
    ["0099-08-21.txt", { ok: false, message: expect.stringMatching(/the file name's year 0099 is before 1991, when arXiv began/) }],
    ["2025-02-30.txt", { ok: false, message: expect.stringMatching(/2025-02-30 is not a calendar date/) }],
    ["papers.txt", { ok: false, message: expect.stringMatching(/does not start with the digest's date/) }],
  ])("%s", (name, expected) => {
    expect(digestDateFromFileName(name)).toEqual(expected);
  });

  it("refuses a given date before 1991 as the file name's would be, so ingest stores nothing the build refuses", () => {
    expect(parseDigestBytes("text", Buffer.from(plainDay()), "-", { date: "0099-08-21" }).problems).toEqual([
      { file: "-", line: 0, message: expect.stringMatching(/the date 0099-08-21 is before 1991, when arXiv began/) },
    ]);
  });

  it("decides the format by extension in any case, else by content", () => {
    expect(formatOfFileName("2025-08-21.TXT")).toBe("text");
    expect(formatOfFileName("2025-08-21.JSON")).toBe("json");
    expect(formatOfFileName("README.md")).toBeUndefined();
    expect(detectFormat("-", "\uFEFF [ {}]")).toBe("json");
    expect(detectFormat("-", "Aug 21")).toBe("text");
  });
});

describe("bytes that are not UTF-8", () => {
  it("refuses Latin-1 with the line and byte offset of the first bad byte", () => {
    const bytes = Buffer.concat([Buffer.from("Aug 21\n\nCaf"), Buffer.from([0xe9]), Buffer.from(` Title\n\n${abstract}\n`)]);
    const parsed = parseDigestBytes("text", bytes, "2025-08-21.txt");
    expect(parsed.digest).toBeUndefined();
    expect(parsed.problems).toEqual([
      {
        file: "2025-08-21.txt",
        line: 3,
        message: expect.stringMatching(/^not valid UTF-8: byte 0xE9 at byte offset 11; re-save the file as UTF-8/),
      },
    ]);
  });

  it("accepts well-formed UTF-8 of every width, and drops a byte order mark", () => {
    const parsed = parseDigestBytes("text", Buffer.from(`\uFEFF${plainDay("Über ℓ₁ 数学 🚀")}`), "2025-08-21.txt");
    expect(parsed.problems).toEqual([]);
    expect(parsed.digest?.entries[0]?.title).toBe("Über ℓ₁ 数学 🚀");
  });

  it("makes the build refuse the file too, with the same message", async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "dpa-bytes-"));
    try {
      await fs.writeFile(
        path.join(folder, "2025-08-21.TXT"),
        Buffer.concat([Buffer.from("Aug 21\n\nA "), Buffer.from([0xff]), Buffer.from(`\n\n${abstract}\n`)]),
      );
      await fs.writeFile(path.join(folder, "2025-08-22.txt"), plainDay().replace("Aug 21", "Aug 22"));
      const read = await readDigestFolder(folder);
      expect(read.digests.map((digest) => digest.date)).toEqual(["2025-08-22"]);
      expect(formatProblems(read.problems)).toBe(
        `${path.join(folder, "2025-08-21.TXT")}:3: not valid UTF-8: byte 0xFF at byte offset 10; re-save the file as UTF-8 (it looks like Latin-1 or Windows-1252)`,
      );
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});

describe("JSON strings that are not text", () => {
  const entry = (title: string) => ({ paper: { id: "2508.00001", title, summary: abstract } });

  it("removes a lone surrogate and control characters with a warning instead of crashing later", () => {
    const source = JSON.stringify([entry("Broken \ud800 Emoji \u001b[2J Title")]).replace("\ud800", "\\ud800");
    expect(source).toContain("\\ud800");
    const { digest, problems, warnings } = parseHfJson(source, "2025-08-21.json");
    expect(problems).toEqual([]);
    expect(digest?.entries[0]?.title).toBe("Broken Emoji [2J Title");
    expect(() => encodeURIComponent(digest!.entries[0]!.title)).not.toThrow();
    expect(warnings).toEqual([
      {
        file: "2025-08-21.json",
        line: 1,
        message: expect.stringMatching(/removed 1 control character and 1 lone surrogate .*, which are not text/),
      },
    ]);
  });

  it("keeps a well-formed surrogate pair (an emoji)", () => {
    const { digest, warnings } = parseHfJson(JSON.stringify([entry("Rocket \ud83d\ude80 Title")]), "2025-08-21.json");
    expect(digest?.entries[0]?.title).toBe("Rocket 🚀 Title");
    expect(warnings).toEqual([]);
  });
});

describe("terminal output", () => {
  it("shows control characters from a digest as escapes, never as codes the terminal acts on", () => {
    expect(terminalSafe("bad \u001b[31mred\u001b[0m\r\u0007 and ok\ttab\nline")).toBe(
      "bad \\x1b[31mred\\x1b[0m\\x0d\\x07 and ok\ttab\nline",
    );
    expect(formatProblems([{ file: "evil\u001b]0;title\u0007.txt", line: 2, message: "m" }])).toBe("evil\\x1b]0;title\\x07.txt:2: m");
  });
});

describe("titles with no letters", () => {
  it("keep their symbols, so two emoji-only titles stay two papers and neither is the empty title", () => {
    expect(normalizeTitle("🤗🚀")).toBe("🤗🚀");
    expect(normalizeTitle("🧪 🔬")).not.toBe(normalizeTitle("🤗🚀"));
    expect(normalizeTitle("!!!")).toBe("!!!");
    expect(normalizeTitle("Foo: a Bar 🚀")).toBe("foo a bar");
  });
});
