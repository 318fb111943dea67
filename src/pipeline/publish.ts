import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { BuildError } from "./build-error.ts";
import { discardFolder, isTrash, removeInBackground, removeTrashIn } from "./remove-in-background.ts";
import { SITE_REGISTRY_FILE, writeRegistry } from "./registry-file.ts";

/** A build folder in use, or one a killed build left. */
const BUILD_PREFIX = "build-";
/** The site a publish replaced, kept for the next build to render into. */
const SPARE_PREFIX = "spare-";

/**
 * The output path (`_site`) is a symbolic link to the current build, which
 * lives in a folder beside it (`.​_site.builds/<build>`). Publishing a new
 * build replaces the link in one `rename`, so at every instant the output
 * path holds a whole site, the old one or the new one; a build killed at any
 * point leaves the previous site served.
 */
export interface OutputPaths {
  output: string;
  /** Where every build's folder lives. */
  builds: string;
}

export const outputPaths = (output: string): OutputPaths => ({
  output,
  builds: path.join(path.dirname(output), `.${path.basename(output)}.builds`),
});

/** A fresh folder for this build's site, inside the builds folder. */
async function newBuildFolder(paths: OutputPaths): Promise<string> {
  try {
    await fs.mkdir(paths.builds, { recursive: true });
    return await fs.mkdtemp(path.join(paths.builds, `${BUILD_PREFIX}${process.pid}-`));
  } catch (error) {
    throw new BuildError(`cannot write the site beside ${paths.output}: ${(error as Error).message}`);
  }
}

/** The build folder the output link points at now, if it is one of ours. */
async function currentBuild(paths: OutputPaths): Promise<string | undefined> {
  const target = await fs.readlink(paths.output).catch(() => undefined);
  return target === undefined ? undefined : path.resolve(path.dirname(paths.output), target);
}

/** The folder a build renders into, and what was cleared out of the builds folder to make way. */
export interface BuildFolder {
  folder: string;
  /** Whether `folder` holds an earlier build's site, to be cleared of what changed (see clearForReuse). */
  recycled: boolean;
  /** Folders killed or failed builds left, now being removed. */
  removedLeftovers: number;
}

/**
 * The folder this build's site is rendered into, inside the builds folder.
 * With `recycle`, it is the site the last publish replaced (else a folder a
 * killed build left): clearing what changed in it costs far less than making
 * every page folder of a large site again. Every other folder but the one
 * the output points at is discarded (see discardFolder: a trash name first,
 * so no build takes a folder `rm` still deletes), and the staging and
 * previous folders older versions wrote beside the output are removed. Run
 * while holding the output's lock.
 */
export async function prepareBuildFolder(paths: OutputPaths, { recycle }: { recycle: boolean }): Promise<BuildFolder> {
  const current = await currentBuild(paths);
  // Trash is already being removed (again here, if that was killed).
  await removeTrashIn(paths.builds);
  const earlier = (await fs.readdir(paths.builds).catch(() => [] as string[]))
    .filter((name) => path.join(paths.builds, name) !== current && !isTrash(name))
    .sort();
  const reusable = recycle
    ? (earlier.find((name) => name.startsWith(SPARE_PREFIX)) ?? earlier.find((name) => name.startsWith(BUILD_PREFIX)))
    : undefined;
  const leftovers = earlier.filter((name) => name !== reusable);
  // A spare is not a leftover: it was kept on purpose.
  const removedLeftovers = leftovers.filter((name) => !name.startsWith(SPARE_PREFIX)).length;
  await discardFolder(...leftovers.map((name) => path.join(paths.builds, name)));
  const base = path.basename(paths.output);
  const olderVersions = (await fs.readdir(path.dirname(paths.output)).catch(() => [] as string[])).filter(
    (name) => name.startsWith(`.${base}.staging-`) || name.startsWith(`.${base}.previous-`) || name.startsWith(`.${base}.link-`),
  );
  await removeInBackground(...olderVersions.map((name) => path.join(path.dirname(paths.output), name)));
  if (reusable === undefined) return { folder: await newBuildFolder(paths), recycled: false, removedLeftovers };
  // Named as a build in progress: a build killed while using it leaves a folder the next one can take again.
  const folder = path.join(paths.builds, `${BUILD_PREFIX}${process.pid}-${randomUUID().slice(0, 8)}`);
  await fs.rename(path.join(paths.builds, reusable), folder);
  return { folder, recycled: true, removedLeftovers };
}

/** What the publish stage reports. */
export interface Publication {
  output: string;
  /** Whether the registry file changed (new permalinks were recorded). */
  registryWritten: boolean;
  /** The replaced build's folder kept as the next build's spare (or, not one of ours, its removal started); never rejects. */
  cleanup: Promise<void>;
}

/**
 * Records the permalinks the site gives out, then makes the built site the
 * output. The registry is written first: a build killed in between has
 * recorded permalinks it has not published yet, which the next build reuses;
 * the other order could publish URLs no registry remembers.
 */
export async function publish(
  site: string,
  paths: OutputPaths,
  registry: { file: string; text: string },
  onRegistryWritten: (written: boolean) => void,
): Promise<Publication> {
  const registryWritten = await writeRegistry(registry.file, registry.text);
  onRegistryWritten(registryWritten);
  await fs.writeFile(path.join(site, SITE_REGISTRY_FILE), registry.text);
  const replaced = await switchOutput(site, paths);
  const cleanup = replaced ? keepAsSpare(replaced, paths) : Promise.resolve();
  return { output: paths.output, registryWritten, cleanup };
}

/**
 * Keeps a replaced build folder for the next build to recycle; anything else
 * (a migrated output) is removed. Never fails: the new site is published
 * already, and a spare is only an optimisation.
 */
async function keepAsSpare(replaced: string, paths: OutputPaths): Promise<void> {
  const name = path.basename(replaced);
  try {
    if (path.dirname(replaced) === paths.builds && (name.startsWith(BUILD_PREFIX) || name.startsWith(SPARE_PREFIX))) {
      await fs.rename(replaced, path.join(paths.builds, `${SPARE_PREFIX}${randomUUID().slice(0, 8)}`));
    } else {
      await discardFolder(replaced);
    }
  } catch {
    await discardFolder(replaced).catch(() => undefined);
  }
}

/** Points the output link at `site` in one rename; returns the folder it pointed at before. */
async function switchOutput(site: string, paths: OutputPaths): Promise<string | undefined> {
  const previous = await currentBuild(paths);
  const link = path.join(path.dirname(paths.output), `.${path.basename(paths.output)}.link-${process.pid}`);
  await fs.rm(link, { force: true });
  await fs.symlink(path.relative(path.dirname(paths.output), site), link);
  const stat = await fs.lstat(paths.output).catch(() => undefined);
  if (stat && !stat.isSymbolicLink()) {
    // An output folder from before builds were linked: moved into the builds folder first.
    // This one migration is the only moment the output path is briefly missing.
    const moved = await fs.mkdtemp(path.join(paths.builds, "earlier-"));
    await fs.rename(paths.output, path.join(moved, "site"));
    await fs.rename(link, paths.output);
    return moved;
  }
  await fs.rename(link, paths.output);
  return previous;
}
