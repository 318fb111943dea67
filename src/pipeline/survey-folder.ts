import { lstatSync, readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import type { FileIdentity } from "./render-cache.ts";

/** An entry of a surveyed folder, as readdir saw it; a file of the name asked for also with its identity. */
export interface SurveyedEntry {
  name: string;
  kind: "folder" | "file" | "other";
  identity?: FileIdentity;
}

/** Every folder under a folder (relative to it, "" for itself) with its entries. */
export type FolderSurvey = Map<string, SurveyedEntry[]>;

/** What readdir says an entry is. */
export const entryKind = (entry: Dirent): SurveyedEntry["kind"] => (entry.isDirectory() ? "folder" : entry.isFile() ? "file" : "other");

/**
 * Reads every folder under `folder` but those in `skip` (relative), and the
 * identity (device and inode) of every file named `identify`: what
 * clearForReuse reads of a recycled site, read on a worker thread while this
 * one builds (walking a large site's tens of thousands of page folders is a
 * second of system calls). A skipped folder is listed in its parent but not
 * read; clearing reads it, should it need to. Only reads.
 */
export function surveyFolder(folder: string, { identify, skip = [] }: { identify: string; skip?: readonly string[] }): FolderSurvey {
  const survey: FolderSurvey = new Map();
  const skipped = new Set(skip);
  const pending = [""];
  while (pending.length > 0) {
    const relativeFolder = pending.pop()!;
    const entries = readdirSync(path.join(folder, relativeFolder), { withFileTypes: true }).map((entry): SurveyedEntry => {
      const kind = entryKind(entry);
      const relative = relativeFolder === "" ? entry.name : path.join(relativeFolder, entry.name);
      if (kind === "folder" && !skipped.has(relative)) pending.push(relative);
      if (kind !== "file" || entry.name !== identify) return { name: entry.name, kind };
      const stat = lstatSync(path.join(folder, relativeFolder, entry.name), { throwIfNoEntry: false });
      return stat ? { name: entry.name, kind, identity: { dev: stat.dev, ino: stat.ino } } : { name: entry.name, kind };
    });
    survey.set(relativeFolder, entries);
  }
  return survey;
}
