import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";

/**
 * Removes a folder without making the build wait for it: a replaced site of
 * 30,000 papers is some 90,000 files and folders, and the generated input of
 * a clean build 30,000 files, seconds to delete, and nothing reads either
 * once it is out of the way. The folder is first renamed to `trashName`
 * beside itself (one rename, at once), then `rm -rf` runs detached and
 * outlives this process; if it is killed, whoever lists the trash next
 * (publish's prepareBuildFolder, the input stage) finishes the job. Without
 * `rm`, the folder is removed here. A missing folder is nothing to do.
 */
export async function removeInBackground(folder: string, trashName?: string): Promise<void> {
  let target = folder;
  if (trashName !== undefined) {
    target = path.join(path.dirname(folder), trashName);
    try {
      await fs.rename(folder, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
  }
  const started = await new Promise<boolean>((resolve) => {
    const child = spawn("rm", ["-rf", "--", target], { detached: true, stdio: "ignore" });
    child.once("spawn", () => resolve(true));
    child.once("error", () => resolve(false));
    child.unref();
  });
  if (!started) await fs.rm(target, { recursive: true, force: true });
}
