import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planIngest, type DigestsFolderView, type IngestPlan } from "./plan-ingest.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../../test/paths.ts";

const abstract = "An abstract that is long enough to be one, and then some more words to make it so. ".repeat(3).trim();
const sample = fs.readFileSync(SAMPLE_DIGEST, "utf8");
const hfJson = fs.readFileSync(path.join(FIXTURES, "hf-json", "2025-08-23.json"), "utf8");

/** A digests folder held in memory: file name → content. */
function folder(files: Record<string, string> = {}, replacedNames: string[] = []): DigestsFolderView {
  return {
    names: Object.keys(files).sort(),
    replacedNames,
    read: (name) => {
      const text = files[name];
      if (text === undefined) throw new Error(`no ${name} in the test folder`);
      return text;
    },
  };
}

const source = (label: string, text: string) => ({ label, name: label, text });
const only = (plans: IngestPlan[]): IngestPlan => {
  expect(plans).toHaveLength(1);
  return plans[0]!;
};

describe("planIngest", () => {
  it("stores a new text digest under its date, with its summary", () => {
    const plan = only(planIngest([source("downloads/2025-08-20.txt", sample)], folder(), { force: false }));
    expect(plan).toMatchObject({
      action: "store",
      target: "2025-08-20.txt",
      moveAside: [],
      summary: { date: "2025-08-20", dateFrom: "the file name", format: "text", papers: 67, notes: [] },
    });
    if (plan.action === "store") expect(plan.content).toBe(`${sample.replace(/\s+$/, "")}\n`);
  });

  it("stores JSON as pretty-printed .json", () => {
    const plan = only(planIngest([source("-", JSON.stringify(JSON.parse(hfJson)))], folder(), { force: false }));
    expect(plan).toMatchObject({ action: "store", target: "2025-08-23.json", summary: { date: "2025-08-23", format: "json", papers: 3 } });
    if (plan.action === "store") expect(plan.content).toBe(`${JSON.stringify(JSON.parse(hfJson), null, 2)}\n`);
  });

  it("does nothing for a digest already stored, even with other line endings", () => {
    const plan = only(
      planIngest([source("2025-08-20.txt", sample.replace(/\n/g, "\r\n"))], folder({ "2025-08-20.txt": sample }), { force: false }),
    );
    expect(plan).toMatchObject({ action: "unchanged", existing: "2025-08-20.txt" });
  });

  it("refuses a different digest for a stored day, saying what differs", () => {
    const other = `Aug 20\n\nA Different Paper\n\n${abstract}\n`;
    const plan = only(planIngest([source("2025-08-20.txt", other)], folder({ "2025-08-20.txt": sample }), { force: false }));
    expect(plan.action).toBe("refuse");
    if (plan.action !== "refuse") return;
    expect(plan.problems).toEqual([
      {
        file: "2025-08-20.txt",
        line: 0,
        message:
          "a different digest is already stored for 2025-08-20: 2025-08-20.txt (67 papers stored, 1 in the new one: 1 added, 67 dropped). Pass --force to replace it; the old file is kept in .replaced/ where the build does not read it",
      },
    ]);
  });

  it("counts every file of the day, of either format, as that day's digest", () => {
    const plan = only(
      planIngest(
        [source("2025-08-23.json", hfJson)],
        folder({ "2025-08-23-extra.txt": `Aug 23\n\nA Paper\n\n${abstract}\n`, "2025-08-22.txt": "x" }),
        { force: false },
      ),
    );
    expect(plan.action).toBe("refuse");
  });

  it("with --force, moves every file of the day aside under names not yet used", () => {
    const plan = only(
      planIngest(
        [source("2025-08-20.txt", `Aug 20\n\nA Different Paper\n\n${abstract}\n`)],
        folder(
          {
            "2025-08-20.txt": sample,
            "2025-08-20-extra.txt": `Aug 20\n\nExtra\n\n${abstract}\n`,
            "2025-08-21.txt": "other day",
            ".hidden": "",
          },
          ["2025-08-20-replaced-1.txt"],
        ),
        { force: true },
      ),
    );
    expect(plan).toMatchObject({
      action: "store",
      target: "2025-08-20.txt",
      moveAside: [
        { from: "2025-08-20-extra.txt", to: ".replaced/2025-08-20-extra-replaced-1.txt" },
        { from: "2025-08-20.txt", to: ".replaced/2025-08-20-replaced-2.txt" },
      ],
    });
  });

  it("refuses input the build would reject, listing every problem with its line", () => {
    const bad = `Aug 21\n\nFine Title\n\n${abstract}\n\n${"A paragraph far too long to be a title. ".repeat(10)}\n\nCut Off Title\n`;
    const plan = only(planIngest([source("2025-08-21.txt", bad)], folder(), { force: false }));
    expect(plan.action).toBe("refuse");
    if (plan.action !== "refuse") return;
    expect(plan.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(["2025-08-21.txt:7", "2025-08-21.txt:9"]);
    expect(plan.problems[1]?.message).toContain('the title "Cut Off Title" has no abstract after it');
  });

  it("refuses when the date line disagrees with --date", () => {
    const plan = only(planIngest([source("-", sample)], folder(), { force: false, date: "2025-08-21" }));
    expect(plan).toMatchObject({
      action: "refuse",
      problems: [{ file: "-", line: 11, message: expect.stringContaining("the date line says 2025-08-20") }],
    });
  });

  it("refuses two inputs for the same day in one run", () => {
    const plans = planIngest([source("2025-08-20.txt", sample), source("b/2025-08-20.txt", `Aug 20\n\nOther\n\n${abstract}\n`)], folder(), {
      force: false,
    });
    expect(plans.map((plan) => plan.action)).toEqual(["store", "refuse"]);
    expect(plans[1]).toMatchObject({
      problems: [{ message: "2025-08-20.txt is also for 2025-08-20; ingest one digest per day at a time" }],
    });
  });

  it("notes what is odd without refusing", () => {
    const text = `Aug 24\n\nRepeated Title\n\n${abstract}\n\nShort One\n\nToo short to be an abstract.\n\nRepeated  title.\n\n${abstract} Again.\n`;
    const plan = only(planIngest([source("2025-08-24.txt", text)], folder(), { force: false }));
    expect(plan.action).toBe("store");
    expect(plan.summary?.notes).toEqual([
      { line: 7, message: '"Short One" has a very short abstract (28 characters); is it cut off?' },
      { line: 11, message: 'the title "Repeated title." appears again (first on line 3); the build shows it once' },
    ]);
  });

  it("notes card metadata and a JSON digest dated apart from its submissions", () => {
    const plan = only(planIngest([source("2025-08-24.json", hfJson)], folder(), { force: false }));
    expect(plan.summary?.notes.map((note) => note.message)).toEqual([
      "card metadata found on 3 of 3 papers (arXiv ids, upvotes, author counts, organisations, submitters, GitHub stars, comments, publication dates, organisation pages, code repositories, keywords, count dates)",
      "author names found on 3 of 3 papers",
      "most papers were submitted to Daily Papers on 2025-08-23, but the digest is dated 2025-08-24",
    ]);
  });
});
