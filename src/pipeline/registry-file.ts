import fs from "node:fs/promises";
import { emptyRegistry, permalinkRegistrySchema, serializeRegistry, type PermalinkRegistry } from "../identity/permalink-registry.ts";
import { BuildError } from "./build-error.ts";

export async function readRegistry(file: string): Promise<PermalinkRegistry> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyRegistry();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BuildError(`${file}: the permalink registry is not valid JSON (${(error as Error).message}); restore it from version control`);
  }
  const parsed = permalinkRegistrySchema.safeParse(json);
  if (!parsed.success) throw new BuildError(`${file}: the permalink registry is malformed: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

/** Writes the registry only when its text changes, so a rebuild leaves the file (and git) alone. */
export async function writeRegistry(file: string, registry: PermalinkRegistry): Promise<boolean> {
  const text = serializeRegistry(registry);
  const current = await fs.readFile(file, "utf8").catch(() => undefined);
  if (current === text) return false;
  // Whole or not at all: a build killed mid-write must not leave half a registry.
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, file);
  return true;
}
