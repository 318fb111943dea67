import fs from "node:fs/promises";
import path from "node:path";
import type { Digest, DigestProblem } from "../model/types.ts";
import { formatOfFileName, parseDigestBytes } from "../digest/digest-file.ts";
import { formatProblems } from "../digest/digest-text.ts";
import { entryKeys, type EntryKeys } from "../identity/merge-papers.ts";
import { parseKey, type ParsedFile } from "./parse-cache.ts";

export { formatProblems };

export interface DigestFolder {
  digests: Digest[];
  problems: DigestProblem[];
  /** Lines skipped or cleaned without stopping the build (unknown page chrome, control characters). */
  warnings: DigestProblem[];
  /** Files that are not digests (README, dotfiles, images), reported but not read. */
  skipped: string[];
  /** Every file that parsed without a problem, by parseKey, for the next build's parse cache. */
  parsed: Map<string, ParsedFile>;
  /** Files not parsed again: an earlier build parsed the same bytes. */
  reused: number;
  /** Each digest's entries' identity keys, kept with its parse. */
  keys: Map<Digest, EntryKeys[]>;
}

/**
 * Reads and parses every digest in a folder, collecting every problem in every
 * file. A file whose exact bytes an earlier build parsed (`earlier`, by
 * parseKey) is not parsed again: the parse is a function of them.
 */
export async function readDigestFolder(folder: string, earlier: ReadonlyMap<string, ParsedFile> = new Map()): Promise<DigestFolder> {
  let names: string[];
  try {
    names = (await fs.readdir(folder)).sort();
  } catch (error) {
    return {
      digests: [],
      problems: [{ file: folder, line: 0, message: `cannot read the digests folder: ${(error as Error).message}` }],
      warnings: [],
      skipped: [],
      parsed: new Map(),
      reused: 0,
      keys: new Map(),
    };
  }
  const digests: Digest[] = [];
  const problems: DigestProblem[] = [];
  const warnings: DigestProblem[] = [];
  const skipped: string[] = [];
  const parsedFiles = new Map<string, ParsedFile>();
  const keys = new Map<Digest, EntryKeys[]>();
  let reused = 0;
  for (const name of names) {
    const file = path.join(folder, name);
    const format = formatOfFileName(name);
    if (name.startsWith(".") || !format) {
      skipped.push(file);
      continue;
    }
    let bytes: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) {
        skipped.push(file);
        continue;
      }
      bytes = await fs.readFile(file);
    } catch (error) {
      problems.push({ file, line: 0, message: unreadableFileMessage(error as NodeJS.ErrnoException) });
      continue;
    }
    const key = parseKey(file, format, bytes);
    const kept = earlier.get(key);
    if (kept) reused++;
    const parsed = kept ? { ...kept, problems: [] } : parseDigestBytes(format, bytes, file);
    problems.push(...parsed.problems);
    warnings.push(...parsed.warnings);
    if (!parsed.digest) continue;
    digests.push(parsed.digest);
    const entryKeysOf = kept?.keys ?? parsed.digest.entries.map(entryKeys);
    keys.set(parsed.digest, entryKeysOf);
    if (parsed.problems.length === 0) parsedFiles.set(key, { digest: parsed.digest, warnings: parsed.warnings, keys: entryKeysOf });
  }
  if (digests.length === 0 && problems.length === 0) {
    problems.push({ file: folder, line: 0, message: "no digests found: add files named YYYY-MM-DD.txt" });
  }
  return { digests, problems, warnings, skipped, parsed: parsedFiles, reused, keys };
}

/** Why a digest file cannot be read, in words: a broken link, a loop of links, no permission. */
function unreadableFileMessage(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOENT":
      return "is a symbolic link to a file that does not exist; fix or remove the link";
    case "ELOOP":
      return "is a symbolic link that points back to itself (a loop); fix or remove the link";
    case "EACCES":
    case "EPERM":
      return "cannot be read: permission denied";
    default:
      return `cannot be read (${error.code ?? error.message})`;
  }
}
