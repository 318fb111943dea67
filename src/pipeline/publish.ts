import fs from "node:fs/promises";
import path from "node:path";
import type { PermalinkRegistry } from "../identity/permalink-registry.ts";
import { writeRegistry } from "./registry-file.ts";

/** What the publish stage reports. */
export interface Publication {
  output: string;
  /** Whether the registry file changed (new permalinks were recorded). */
  registryWritten: boolean;
}

/**
 * Makes the built site the output and records the permalinks it gave out.
 * The output is replaced in two renames, so the old site is never
 * half-overwritten.
 */
export async function publish(site: string, output: string, registry: { file: string; content: PermalinkRegistry }): Promise<Publication> {
  await swapInto(site, output);
  const registryWritten = await writeRegistry(registry.file, registry.content);
  return { output, registryWritten };
}

async function swapInto(staging: string, output: string): Promise<void> {
  const previous = path.join(path.dirname(output), `.${path.basename(output)}.previous-${process.pid}`);
  const hadOutput = await fs.stat(output).then(
    () => true,
    () => false,
  );
  if (hadOutput) await fs.rename(output, previous);
  try {
    await fs.rename(staging, output);
  } catch (error) {
    if (hadOutput) await fs.rename(previous, output);
    throw error;
  }
  if (hadOutput) await fs.rm(previous, { recursive: true, force: true });
}
