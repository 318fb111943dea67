import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import path from "node:path";
import { trashName } from "./remove-in-background.ts";
import type { FileIdentity } from "./render-cache.ts";
import { entryKind, type FolderSurvey, type SurveyedEntry } from "./survey-folder.ts";

/** What clearing a recycled site folder left and took away. */
export interface ClearedFolder {
  /** Files (relative to the folder) already linked to the source they should be: left as they are. */
  kept: Set<string>;
  /** Folders (relative) holding no kept file: removeEmptyFolders removes those nothing was written into again. */
  vacated: string[];
  /** The trash folder (in `trashIn`) that folders which could hold no kept file were moved into whole, to be removed; none when nothing was moved. */
  trash?: string;
}

/**
 * Empties a site folder an earlier build left, so this build can render into
 * it, except for the files in `linked` (relative path to the identity of the
 * file it should be a hard link of) that already are that file (same device
 * and inode). Everything else goes, whatever it is: files rendered from other
 * input, files added or edited by hand, a killed build's half-written pages.
 * A folder where no file of `linked` lies (the search index's tens of
 * thousands of files, say) is moved whole, in one rename, into one trash
 * folder made in `trashIn` (on the same file system); the caller removes it. A file
 * is never written in place (it may be a link into a cache), so what is kept
 * is byte for byte its source. Making a site's tens of thousands of page
 * folders again costs far more, on most file systems, than reading them.
 * With `survey` (surveyFolder's, of this folder since nothing changed it),
 * the folders and the identities of the files it lists are not read again.
 */
export function clearForReuse(
  folder: string,
  linked: ReadonlyMap<string, FileIdentity>,
  trashIn: string,
  survey?: FolderSurvey,
): ClearedFolder {
  const holding = new Set<string>();
  for (const file of linked.keys()) {
    for (let parent = path.dirname(file); parent !== "." && !holding.has(parent); parent = path.dirname(parent)) holding.add(parent);
  }
  const kept = new Set<string>();
  const folders: string[] = [];
  let trash: string | undefined;
  let moved = 0;
  const pending = [""];
  while (pending.length > 0) {
    const relativeFolder = pending.pop()!;
    const parent = path.join(folder, relativeFolder);
    for (const entry of survey?.get(relativeFolder) ?? readEntries(parent)) {
      // Joined by hand: entry names hold no separator, and path.join for each of a site's 60,000 entries cost more than the unlinks.
      const relative = relativeFolder === "" ? entry.name : `${relativeFolder}${path.sep}${entry.name}`;
      const file = `${parent}${path.sep}${entry.name}`;
      if (entry.kind === "folder") {
        if (holding.has(relative)) {
          folders.push(relative);
          pending.push(relative);
        } else {
          if (trash === undefined) mkdirSync((trash = path.join(trashIn, trashName("cleared"))));
          // Numbered: two folders of one name (papers/x, topics/x) can go.
          renameSync(file, path.join(trash, String(moved++)));
        }
        continue;
      }
      const identity = linked.get(relative);
      if (identity !== undefined && entry.kind === "file" && sameFile(file, identity, entry.identity)) kept.add(relative);
      else unlinkSync(file);
    }
  }
  // Every folder without a kept file may end up empty, also one a killed build emptied or made: a clean
  // build has no empty folder.
  const holdingKept = new Set<string>();
  for (const file of kept) {
    for (let parent = path.dirname(file); parent !== "." && !holdingKept.has(parent); parent = path.dirname(parent))
      holdingKept.add(parent);
  }
  return { kept, vacated: folders.filter((relative) => !holdingKept.has(relative)), ...(trash ? { trash } : {}) };
}

/** A folder's entries, read now: without a survey, or for a folder it lacks. */
const readEntries = (folder: string): SurveyedEntry[] =>
  readdirSync(folder, { withFileTypes: true }).map((entry) => ({ name: entry.name, kind: entryKind(entry) }));

function sameFile(file: string, identity: FileIdentity, surveyed: FileIdentity | undefined): boolean {
  const stat = surveyed ?? lstatSync(file, { throwIfNoEntry: false });
  return stat !== undefined && stat.dev === identity.dev && stat.ino === identity.ino;
}

/**
 * Removes each of `folders` (relative to `root`), and the folders above it,
 * that the build left empty, so a recycled folder holds exactly the folders
 * a clean build makes: a removed paper's page folder goes with its page.
 */
export function removeEmptyFolders(root: string, folders: readonly string[]): number {
  let removed = 0;
  // Deepest first, so a parent is tried after its children.
  const ordered = [...folders].sort((a, b) => b.split(path.sep).length - a.split(path.sep).length || (a < b ? -1 : 1));
  for (const folder of ordered) {
    for (let current = folder; current !== "." && current !== "" && !current.startsWith(".."); current = path.dirname(current)) {
      try {
        rmdirSync(path.join(root, current));
        removed++;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // Gone already (a child's climb removed it): its parent may still be empty.
        if (code === "ENOENT") continue;
        if (code === "ENOTEMPTY" || code === "EEXIST") break;
        throw error;
      }
    }
  }
  return removed;
}
