import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

// Tests make their temporary folders here so each is removed when its test ends, passed or failed, not left in /tmp.

/** A new folder under the system's temporary folder, its name `prefix` and six random characters; call it inside a test. */
export async function tempFolder(prefix: string): Promise<string> {
  return removedAfterTest(await fs.promises.mkdtemp(path.join(os.tmpdir(), prefix)));
}

/** {@link tempFolder}, made synchronously. */
export function tempFolderSync(prefix: string): string {
  return removedAfterTest(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

function removedAfterTest(folder: string): string {
  onTestFinished(() => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}
