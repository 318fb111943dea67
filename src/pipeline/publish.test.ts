import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyRegistry, serializeRegistry } from "../identity/permalink-registry.ts";
import { outputPaths, prepareBuildFolder, publish, type OutputPaths } from "./publish.ts";

let root: string;
let paths: OutputPaths;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "publish-"));
  paths = outputPaths(path.join(root, "_site"));
  fs.mkdirSync(paths.builds);
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A build folder holding one file, named `name`. */
function folder(name: string, text = name): string {
  const full = path.join(paths.builds, name);
  fs.mkdirSync(full);
  fs.writeFileSync(path.join(full, "index.html"), text);
  return full;
}

const builds = () => fs.readdirSync(paths.builds).sort();
const registry = () => ({ file: path.join(path.dirname(paths.output), "permalinks.json"), text: serializeRegistry(emptyRegistry()) });

describe("prepareBuildFolder", () => {
  it("recycles the spare the last publish kept, and removes every other folder but the current build", async () => {
    const current = folder("build-1-current");
    fs.symlinkSync(path.relative(path.dirname(paths.output), current), paths.output);
    folder("spare-kept", "the site before last");
    folder("build-2-killed");
    folder("earlier-migrated");
    // Being removed by a build before: never taken, whatever is left of it.
    folder("trash-0b7e");

    const prepared = await prepareBuildFolder(paths, { recycle: true });

    expect(prepared.recycled).toBe(true);
    // Named as a build in progress, and holding the spare's files until the render stage clears them.
    expect(path.basename(prepared.folder)).toMatch(new RegExp(`^build-${process.pid}-`));
    expect(fs.readFileSync(path.join(prepared.folder, "index.html"), "utf8")).toBe("the site before last");
    expect(prepared.removedLeftovers).toBe(2);
    await expect.poll(builds, { timeout: 10_000 }).toEqual([path.basename(current), path.basename(prepared.folder)].sort());
  });

  it("takes a folder a killed build left when there is no spare, never one being removed", async () => {
    folder("trash-0b7e", "half removed");
    folder("build-2-killed", "half a site");
    const prepared = await prepareBuildFolder(paths, { recycle: true });
    expect(prepared).toMatchObject({ recycled: true, removedLeftovers: 0 });
    expect(fs.readFileSync(path.join(prepared.folder, "index.html"), "utf8")).toBe("half a site");
    await expect.poll(builds, { timeout: 10_000 }).toEqual([path.basename(prepared.folder)]);
  });

  it("without recycling, starts from an empty folder and removes the spare too, counting only what interrupted builds left", async () => {
    folder("spare-kept");
    folder("build-2-killed");
    const prepared = await prepareBuildFolder(paths, { recycle: false });
    expect(prepared).toMatchObject({ recycled: false, removedLeftovers: 1 });
    expect(fs.readdirSync(prepared.folder)).toEqual([]);
    await expect.poll(builds, { timeout: 10_000 }).toEqual([path.basename(prepared.folder)]);
  });
});

describe("publish", () => {
  it("points the output at the new site and keeps the one it replaced as the spare", async () => {
    const first = folder("build-1-first", "first");
    await (
      await publish(first, paths, registry(), () => {})
    ).cleanup;
    expect(fs.readFileSync(path.join(paths.output, "index.html"), "utf8")).toBe("first");

    const second = folder("build-2-second", "second");
    await (
      await publish(second, paths, registry(), () => {})
    ).cleanup;
    expect(fs.readFileSync(path.join(paths.output, "index.html"), "utf8")).toBe("second");
    const [spare, ...others] = builds().filter((name) => name !== "build-2-second");
    expect(others).toEqual([]);
    expect(spare).toMatch(/^spare-/);
    expect(fs.readFileSync(path.join(paths.builds, spare!, "index.html"), "utf8")).toBe("first");

    // The next build takes that spare.
    const prepared = await prepareBuildFolder(paths, { recycle: true });
    expect(fs.readFileSync(path.join(prepared.folder, "index.html"), "utf8")).toBe("first");
  });
});
