import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BuildError } from "./build-error.ts";
import type { Log } from "./stage-log.ts";

/** Who holds a lock: enough to tell a running build from one that was killed. */
interface LockOwner {
  pid: number;
  host: string;
}

export interface LockOptions {
  log: Log;
  /** How long a build waits for another one before it gives up. */
  waitMs?: number;
  pollMs?: number;
  /** Whether a process is running; replaceable in tests. */
  isAlive?: (pid: number) => boolean;
}

/** A lock file of a process that was killed before writing it whole is stale after this long. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

/**
 * Runs `run` holding the lock file `file`: one build at a time per work
 * folder and per output. A second build waits for the first, saying so, and
 * refuses after `waitMs`. A lock left by a killed build (its process gone) is
 * taken over. The lock is a file created exclusively (`wx`), so two builds
 * can never both create it.
 */
export async function withLock<T>(file: string, what: string, options: LockOptions, run: () => Promise<T>): Promise<T> {
  const { log, waitMs = 30 * 60_000, pollMs = 200, isAlive = processIsAlive } = options;
  const me: LockOwner = { pid: process.pid, host: os.hostname() };
  try {
    await fs.mkdir(path.dirname(file), { recursive: true });
  } catch (error) {
    throw new BuildError(`cannot lock ${what}: cannot create ${path.dirname(file)}: ${(error as Error).message}`);
  }
  const started = Date.now();
  let announced = false;
  for (;;) {
    try {
      await fs.writeFile(file, `${JSON.stringify(me)}\n`, { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new BuildError(`cannot lock ${what} (${file}): ${(error as Error).message}`);
    }
    const owner = await readOwner(file);
    if (owner === "gone") continue;
    const stale = owner === "unreadable" ? await olderThan(file, UNREADABLE_LOCK_GRACE_MS) : owner.host === me.host && !isAlive(owner.pid);
    if (stale) {
      if (await takeOverStale(file, owner))
        log(`[lock] took over ${what} from a build that is no longer running${owner === "unreadable" ? "" : ` (pid ${owner.pid})`}`);
      continue;
    }
    if (Date.now() - started > waitMs) {
      const holder = owner === "unreadable" ? "another build" : `build ${owner.pid} on ${owner.host}`;
      throw new BuildError(
        `${what} is in use by ${holder} (lock ${file}); waited ${Math.round(waitMs / 1000)} s. If no build is running, delete the lock file.`,
      );
    }
    if (!announced) {
      log(`[lock] waiting: ${what} is in use by ${owner === "unreadable" ? "another build" : `build ${owner.pid}`}`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  try {
    return await run();
  } finally {
    await fs.rm(file, { force: true });
  }
}

async function readOwner(file: string): Promise<LockOwner | "unreadable" | "gone"> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    return "unreadable";
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === "number" && typeof owner.host === "string" ? { pid: owner.pid, host: owner.host } : "unreadable";
  } catch {
    return "unreadable";
  }
}

/**
 * Moves the stale lock aside (a rename: only one of several waiting builds
 * succeeds) and removes it. Should the moved file turn out to be a live
 * build's new lock, it is put back.
 */
async function takeOverStale(file: string, stale: LockOwner | "unreadable"): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}`;
  try {
    await fs.rename(file, aside);
  } catch {
    return false;
  }
  const moved = await readOwner(aside);
  const same =
    stale === "unreadable" ? moved === "unreadable" : typeof moved === "object" && moved.pid === stale.pid && moved.host === stale.host;
  if (same) {
    await fs.rm(aside, { force: true });
    return true;
  }
  await fs.link(aside, file).catch(() => {});
  await fs.rm(aside, { force: true });
  return false;
}

async function olderThan(file: string, ms: number): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => undefined);
  return stat !== undefined && Date.now() - stat.mtimeMs > ms;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
