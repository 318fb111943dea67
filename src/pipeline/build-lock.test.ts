import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withLock } from "./build-lock.ts";
import { tempFolder } from "../../test/temp-folder.ts";

const tempLock = async () => path.join(await tempFolder("dpa-lock-"), "work", ".lock");

describe("withLock", () => {
  it("runs one holder at a time: the second waits, says so, and runs after the first", async () => {
    const file = await tempLock();
    const lines: string[] = [];
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = withLock(file, "the work folder", { log: (line) => lines.push(line) }, async () => {
      order.push("first starts");
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push("first ends");
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = withLock(file, "the work folder", { log: (line) => lines.push(line), pollMs: 10 }, async () => {
      order.push("second runs");
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(order).toEqual(["first starts"]);
    expect(lines).toEqual([`[lock] waiting: the work folder is in use by build ${process.pid}`]);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["first starts", "first ends", "second runs"]);
    await expect(fs.stat(file)).rejects.toThrow("ENOENT");
  });

  it("takes over the lock of a build that was killed", async () => {
    const file = await tempLock();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify({ pid: 999_999_999, host: os.hostname() }));
    const lines: string[] = [];
    expect(await withLock(file, "the output", { log: (line) => lines.push(line), isAlive: () => false }, async () => "ran")).toBe("ran");
    expect(lines).toEqual(["[lock] took over the output from a build that is no longer running (pid 999999999)"]);
  });

  it("takes over a lock file a killed build left half-written, once it is old", async () => {
    const file = await tempLock();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, '{"pid": 12');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(file, old, old);
    expect(await withLock(file, "the output", { log: () => {} }, async () => "ran")).toBe("ran");
  });

  it("refuses, naming the holder, when the other build does not finish in time", async () => {
    const file = await tempLock();
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, JSON.stringify({ pid: process.pid, host: os.hostname() }));
    await expect(withLock(file, "the work folder", { log: () => {}, waitMs: 50, pollMs: 10 }, async () => "never")).rejects.toThrow(
      `the work folder is in use by build ${process.pid} on ${os.hostname()}`,
    );
    // The holder's lock is left alone.
    expect(JSON.parse(await fs.readFile(file, "utf8"))).toEqual({ pid: process.pid, host: os.hostname() });
  });

  it("releases the lock when the holder fails", async () => {
    const file = await tempLock();
    await expect(withLock(file, "the work folder", { log: () => {} }, async () => Promise.reject(new Error("boom")))).rejects.toThrow(
      "boom",
    );
    await expect(fs.stat(file)).rejects.toThrow("ENOENT");
  });
});
