import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** The names of folders on their way out. */
const TRASH_PREFIX = "trash-";

export const isTrash = (name: string) => name.startsWith(TRASH_PREFIX);

/** A name for `name` on its way out, which no other folder has and removeTrashIn recognises. */
export const trashName = (name: string) => `${TRASH_PREFIX}${name}-${randomUUID()}`;

/**
 * Removes folders without making the build wait for it: a replaced site of
 * 30,000 papers is some 90,000 files and folders, and the generated input of
 * a clean build 30,000 files, seconds to delete, and nothing reads either
 * once it is out of the way. One `rm -rf` for all of them (starting a
 * process from a build holding a large heap takes tens of milliseconds) runs
 * detached and outlives this process; without `rm`, they are removed here.
 * A missing folder is nothing to do.
 */
export async function removeInBackground(...folders: string[]): Promise<void> {
  // In runs, so no command line passes the system's limit on arguments.
  for (let start = 0; start < folders.length; start += FOLDERS_PER_RM) {
    const run = folders.slice(start, start + FOLDERS_PER_RM);
    const started = await new Promise<boolean>((resolve) => {
      try {
        const child = spawn("rm", ["-rf", "--", ...run], { detached: true, stdio: "ignore" });
        child.once("spawn", () => resolve(true));
        child.once("error", () => resolve(false));
        child.unref();
      } catch {
        resolve(false);
      }
    });
    if (!started) await Promise.all(run.map((folder) => fs.rm(folder, { recursive: true, force: true })));
  }
}

const FOLDERS_PER_RM = 256;

/**
 * Renames each folder to a trash name beside it (one rename, at once), so
 * nothing takes it for what it was while `rm` still deletes it, then removes
 * them in the background. If that is killed, removeTrashIn finishes the job.
 * A missing folder is nothing to do.
 */
export async function discardFolder(...folders: string[]): Promise<void> {
  const trash = await Promise.all(
    folders.map(async (folder) => {
      const renamed = path.join(path.dirname(folder), trashName(path.basename(folder)));
      try {
        await fs.rename(folder, renamed);
        return [renamed];
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
        throw error;
      }
    }),
  );
  await removeInBackground(...trash.flat());
}

/** Removes, in the background again, whatever trash in `parent` a killed removal left; how many there were. */
export async function removeTrashIn(parent: string): Promise<number> {
  const trash = (await fs.readdir(parent).catch(() => [] as string[])).filter(isTrash);
  await removeInBackground(...trash.map((name) => path.join(parent, name)));
  return trash.length;
}
