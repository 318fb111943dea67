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

/** A file's size and time, which the render cache checks an entry by, and its identity. */
export interface FileStat extends FileIdentity {
  size: number;
  mtimeMs: number;
}

/** Every regular file directly in `folder`, by name, with its size, time and identity; none when there is no folder. Only reads. */
export function surveyFiles(folder: string): Map<string, FileStat> {
  const files = new Map<string, FileStat>();
  for (const name of namesIn(folder)) {
    const stat = lstatSync(path.join(folder, name), { throwIfNoEntry: false });
    if (stat?.isFile()) files.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, dev: stat.dev, ino: stat.ino });
  }
  return files;
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** What a cached build reads on a worker thread: the recycled site (see surveyFolder) and the render cache's files (see surveyFiles). */
export interface BuildSurvey {
  spare?: FolderSurvey;
  cache?: Map<string, FileStat>;
}

/**
 * Both surveys a cached build makes while this thread identifies and
 * enriches, on one worker thread: the render cache's `stat` of its tens of
 * thousands of entries was a tenth of a daily rebuild's input stage.
 */
export function surveyBuild(request: {
  spare?: { folder: string; identify: string; skip?: readonly string[] };
  cache?: string;
}): BuildSurvey {
  return {
    ...(request.spare ? { spare: surveyFolder(request.spare.folder, request.spare) } : {}),
    ...(request.cache ? { cache: surveyFiles(request.cache) } : {}),
  };
}
