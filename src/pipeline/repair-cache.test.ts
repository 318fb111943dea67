import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MathText } from "../math/math-text.ts";
import { repairKey, repairMath } from "../math/repair.ts";
import { openRepairCache, saveRepairCache } from "./repair-cache.ts";
import { tempFolder } from "../../test/temp-folder.ts";

const texts = [
  "Sharper Bounds for ell_p Sensitivity Sampling",
  "We prove an O(n log n) bound with epsilon-approximations.",
  "No math here at all.",
];

describe("the math repair cache", () => {
  it("starts empty, then gives the next build every text it kept", async () => {
    const workDir = await tempFolder("dpa-repair-");
    const first = await openRepairCache(workDir);
    expect(first.loaded).toBe(0);
    await saveRepairCache(first, texts, new MathText(first.earlier));

    const second = await openRepairCache(workDir);
    expect(second.loaded).toBe(texts.length);
    const kept = JSON.parse(await fs.readFile(second.file, "utf8")) as [string, unknown][];
    expect(new Map(kept).get(repairKey(texts[0]!))).toEqual(repairMath(texts[0]!));

    // The same texts again: the kept file is not rewritten.
    const before = await fs.stat(second.file);
    await saveRepairCache(second, [...texts].reverse(), new MathText(second.earlier));
    const after = await fs.stat(second.file);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);

    // Only this build's texts are kept: a removed digest's abstracts drop out.
    await saveRepairCache(second, texts.slice(1), new MathText(second.earlier));
    expect((await openRepairCache(workDir)).loaded).toBe(2);
    expect(await fs.readdir(path.dirname(second.file))).toEqual([path.basename(second.file)]);
  });

  it("ignores a damaged file: the texts are repaired again, and the build goes on", async () => {
    const workDir = await tempFolder("dpa-repair-");
    const first = await openRepairCache(workDir);
    await saveRepairCache(first, texts, new MathText(first.earlier));
    const text = await fs.readFile(first.file, "utf8");
    await fs.writeFile(first.file, text.slice(0, text.length / 2));
    expect((await openRepairCache(workDir)).loaded).toBe(0);
  });

  it("writes a text the repair left as it is without a second copy of it, and reads it back as it was", async () => {
    const workDir = await tempFolder("dpa-repair-");
    const plain = "A title with no math at all";
    const withMath = "We bound the error by O(n log n) for every epsilon > 0.";
    const first = await openRepairCache(workDir);
    await saveRepairCache(first, [plain, withMath], new MathText(first.earlier));
    expect(await fs.readFile(first.file, "utf8")).not.toContain(plain);
    const second = await openRepairCache(workDir);
    expect(second.loaded).toBe(2);
    const kept = new MathText(second.earlier);
    for (const text of [plain, withMath]) expect(kept.segments(text)).toEqual(new MathText().segments(text));
    expect(kept.unrepaired([plain, withMath])).toEqual([]);
  });

  it("is what the build's MathText answers for a text it has not repaired in this process", () => {
    const text = "A text this process has never repaired, kept by an earlier build.";
    const mathText = new MathText(new Map([[repairKey(text), [{ kind: "text", text: "as the earlier build repaired it" }]]]));
    expect(mathText.segments(text)).toEqual([{ kind: "text", text: "as the earlier build repaired it" }]);
    expect(new MathText().segments(text)).toEqual([{ kind: "text", text }]);
    expect(mathText.segments("Another new text, repaired here.")).toEqual([{ kind: "text", text: "Another new text, repaired here." }]);
  });
});
