import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseDigest } from "../digest/parse-digest.ts";
import { relatedPapers } from "../related/related.ts";
import { SAMPLE_DIGEST } from "../../test/paths.ts";
import { prepareInWorker, runInWorker, splitEvenly } from "./in-worker.ts";
import { tempFolderSync } from "../../test/temp-folder.ts";

const sample = parseDigest(fs.readFileSync(SAMPLE_DIGEST, "utf8"), SAMPLE_DIGEST).digest!;
const texts = sample.entries.flatMap((entry) => [entry.title, entry.abstract]);

describe("splitEvenly", () => {
  it.each([
    {
      items: [1, 2, 3, 4, 5],
      count: 2,
      runs: [
        [1, 2, 3],
        [4, 5],
      ],
    },
    { items: [1, 2, 3, 4], count: 1, runs: [[1, 2, 3, 4]] },
    { items: [1, 2], count: 4, runs: [[1], [2]] },
    { items: [], count: 2, runs: [] },
  ])("splits $items into at most $count runs, in order", ({ items, count, runs }) => {
    expect(splitEvenly(items, count)).toEqual(runs);
  });
});

describe("runInWorker", () => {
  it("answers what the function answers in this thread", async () => {
    const papers = sample.entries.map((entry, index) => ({
      id: `p${String(index).padStart(2, "0")}`,
      title: entry.title,
      abstract: entry.abstract,
    }));
    const inWorker = await runInWorker<Map<string, string[]>>(new URL("../related/related.ts", import.meta.url), "relatedPapers", [
      papers,
      5,
    ]);
    expect(inWorker).toEqual(relatedPapers(papers, 5));
  });

  it("rejects with the function's error", async () => {
    await expect(runInWorker(new URL("../related/related.ts", import.meta.url), "relatedPapers", [[], -1])).rejects.toThrow(
      "k must be a non-negative integer",
    );
  });
});

describe("prepareInWorker", () => {
  const steps = new URL("../../test/fixtures/worker-steps.ts", import.meta.url);

  it("hands what the preparation returned, kept on the worker, to the work when it comes", async () => {
    const worker = prepareInWorker(steps, "prepareTotal", [40]);
    expect(await worker.run<number>("addToTotal", [2])).toBe(42);
    expect(() => worker.run("addToTotal", [2])).toThrow("has run already");
  });

  it("fails the work with the preparation's error", async () => {
    await expect(prepareInWorker(steps, "failToPrepare", []).run("addToTotal", [2])).rejects.toThrow("cannot prepare");
  });

  it("answers first when the work says so, and finishes after: finished() waits for that", async () => {
    const folder = tempFolderSync("dpa-worker-");
    const file = path.join(folder, "written.txt");
    const worker = prepareInWorker(steps, "prepareTotal", [40]);
    expect(await worker.run<number>("answerThenWrite", [file])).toBe(40);
    // The file is written half a second after the answer.
    expect(fs.existsSync(file)).toBe(false);
    await worker.finished();
    expect(fs.readFileSync(file, "utf8")).toBe("written");
  });

  it("fails finished(), not the answer, when the work fails after answering", async () => {
    const worker = prepareInWorker(steps, "prepareTotal", [40]);
    expect(await worker.run<number>("answerThenFail", [])).toBe(40);
    await expect(worker.finished()).rejects.toThrow("cannot finish");
  });

  it("fails finished() when the work fails after answering with no error at all", async () => {
    const worker = prepareInWorker(steps, "prepareTotal", [40]);
    expect(await worker.run<number>("answerThenFailWithNothing", [])).toBe(40);
    await expect(worker.finished()).rejects.toThrow("undefined");
  });

  it("has nothing to finish when it was never given work", async () => {
    const worker = prepareInWorker(steps, "prepareTotal", [40]);
    await expect(worker.finished()).resolves.toBeUndefined();
  });

  it("ends the thread when stopped before any work, so work sent after it gets no answer", async () => {
    const worker = prepareInWorker(steps, "prepareTotal", [40]);
    worker.stop();
    await expect(worker.run("addToTotal", [2])).rejects.toThrow("before answering");
  });
});

describe("repairInWorkers", () => {
  it("hands the build's MathText the same repairs this thread would make, for texts it did not know", async () => {
    const expected = (await import("../math/repair.ts")).repairEach(texts);
    const { MathText } = await import("../math/math-text.ts");
    const { repairInWorkers } = await import("./repair-in-workers.ts");
    // A fresh MathText: nothing repaired or handed over yet.
    const mathText = new MathText();
    expect(mathText.unrepaired(texts)).toHaveLength(new Set(texts).size);

    expect(await repairInWorkers(mathText, texts, 2, 1)).toBe(new Set(texts).size);
    expect(mathText.unrepaired(texts)).toEqual([]);
    expect(texts.map((text) => mathText.segments(text))).toEqual(expected);
    // Nothing left to repair: no workers.
    expect(await repairInWorkers(mathText, texts, 2, 1)).toBe(0);
  });

  it("leaves a small archive, or a single core, to this thread", async () => {
    const { MathText } = await import("../math/math-text.ts");
    const { repairInWorkers } = await import("./repair-in-workers.ts");
    expect(await repairInWorkers(new MathText(), texts, 2)).toBe(0);
    expect(await repairInWorkers(new MathText(), texts, 1, 1)).toBe(0);
  });
});
