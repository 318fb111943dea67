import fs from "node:fs/promises";
import { emptyRegistry, permalinkRegistrySchema, type PermalinkRegistry } from "../identity/permalink-registry.ts";
import path from "node:path";
import { describeIssues } from "../model/zod-issues.ts";
import { BuildError } from "./build-error.ts";
import type { Log } from "./stage-log.ts";

/** Every published site carries the registry it was built with, so a lost registry can be recovered. */
export const SITE_REGISTRY_FILE = "permalinks.json";

/**
 * Reads the permalink registry. When the file is missing but the output holds
 * a site built before, the registry is recovered from the copy that site
 * carries (saying so), or the build refuses: starting afresh would hand the
 * published URLs to other papers.
 */
export async function readRegistry(file: string, output: string, log: Log): Promise<PermalinkRegistry> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      throw new BuildError(`${file}: cannot read the permalink registry: ${(error as Error).message}`);
    const copy = path.join(output, SITE_REGISTRY_FILE);
    const recovered = await fs.readFile(copy, "utf8").catch(() => undefined);
    if (recovered !== undefined) {
      log(`[permalinks] ${file} is missing: recovered it from ${copy}, the registry the current site was built with`);
      return parseRegistry(recovered, copy);
    }
    if (
      await fs.stat(path.join(output, "index.html")).then(
        () => true,
        () => false,
      )
    ) {
      throw new BuildError(
        `${file}: the permalink registry is missing, but ${output} holds a site built before, which carries no copy of it. ` +
          "Restore the registry from version control; building without it would give the published URLs to other papers.",
      );
    }
    return emptyRegistry();
  }
  return parseRegistry(text, file);
}

function parseRegistry(text: string, file: string): PermalinkRegistry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BuildError(
      `${file}: the permalink registry is not valid JSON (${(error as Error).message}); restore it from version control`,
    );
  }
  const parsed = permalinkRegistrySchema.safeParse(json);
  if (!parsed.success) throw new BuildError(`${file}: the permalink registry is malformed: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Writes the registry's text (serializeRegistry's) only when it changes, so a rebuild leaves the file (and git) alone. */
export async function writeRegistry(file: string, text: string): Promise<boolean> {
  const current = await fs.readFile(file, "utf8").catch(() => undefined);
  if (current === text) return false;
  // Whole or not at all: a build killed mid-write must not leave half a registry.
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
  return true;
}
