import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linkOrCopy, mapInBatches } from "./file-batches.ts";
import { tempFolder } from "../../test/temp-folder.ts";

describe("mapInBatches", () => {
  it("runs every item, at most a batch at a time, and keeps the items' order", async () => {
    let running = 0;
    let most = 0;
    const results = await mapInBatches(
      Array.from({ length: 10 }, (_, index) => index),
      async (item, index) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, (10 - item) * 2));
        running--;
        return `${item}:${index}`;
      },
      4,
    );
    expect(results).toEqual(Array.from({ length: 10 }, (_, index) => `${index}:${index}`));
    expect(most).toBe(4);
  });

  it("gives nothing for no items", async () => {
    expect(await mapInBatches([], async () => 1)).toEqual([]);
  });
});

describe("linkOrCopy", () => {
  it("links a file, so both names hold the same bytes", async () => {
    const folder = await tempFolder("dpa-link-");
    await fs.writeFile(path.join(folder, "a"), "page");
    await linkOrCopy(path.join(folder, "a"), path.join(folder, "b"));
    expect(await fs.readFile(path.join(folder, "b"), "utf8")).toBe("page");
    expect((await fs.stat(path.join(folder, "a"))).nlink).toBe(2);
  });
});
