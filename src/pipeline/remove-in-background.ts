import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** The names of folders on their way out. */
const TRASH_PREFIX = "trash-";

export const isTrash = (name: string) => name.startsWith(TRASH_PREFIX);

/**
 * Removes a folder without making the build wait for it: a replaced site of
 * 30,000 papers is some 90,000 files and folders, and the generated input of
 * a clean build 30,000 files, seconds to delete, and nothing reads either
 * once it is out of the way. `rm -rf` runs detached and outlives this
 * process; without `rm`, the folder is removed here. A missing folder is
 * nothing to do.
 */
export async function removeInBackground(folder: string): Promise<void> {
  const started = await new Promise<boolean>((resolve) => {
    const child = spawn("rm", ["-rf", "--", folder], { detached: true, stdio: "ignore" });
    child.once("spawn", () => resolve(true));
    child.once("error", () => resolve(false));
    child.unref();
  });
  if (!started) await fs.rm(folder, { recursive: true, force: true });
}

/**
 * Renames `folder` to a trash name beside it (one rename, at once), so nothing
 * takes it for what it was while `rm` still deletes it, then removes it in
 * the background. If that is killed, removeTrashIn finishes the job.
 */
export async function discardFolder(folder: string): Promise<void> {
  const trash = path.join(path.dirname(folder), `${TRASH_PREFIX}${path.basename(folder)}-${randomUUID()}`);
  try {
    await fs.rename(folder, trash);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  await removeInBackground(trash);
}

/** Removes, in the background again, whatever trash in `parent` a killed removal left; how many there were. */
export async function removeTrashIn(parent: string): Promise<number> {
  const trash = (await fs.readdir(parent).catch(() => [] as string[])).filter(isTrash);
  await Promise.all(trash.map((name) => removeInBackground(path.join(parent, name))));
  return trash.length;
}
