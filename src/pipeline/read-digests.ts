import fs from "node:fs/promises";
import path from "node:path";
import type { Digest, DigestProblem } from "../model/types.ts";
import { parseDigest } from "../digest/parse-digest.ts";
import { parseHfJson } from "../digest/parse-hf-json.ts";

export interface DigestFolder {
  digests: Digest[];
  problems: DigestProblem[];
  /** Files that are not digests (README, dotfiles, images), reported but not read. */
  skipped: string[];
}

/** File kinds that are digests; anything else in the folder is skipped with a note. */
const DIGEST_EXTENSIONS = new Set([".txt", ".json"]);

/** Text digests (saved pages) and JSON digests (the Hugging Face daily papers API's answer). */
const parserFor = (name: string) => (path.extname(name).toLowerCase() === ".json" ? parseHfJson : parseDigest);

/** Reads and parses every digest in a folder, collecting every problem in every file. */
export async function readDigestFolder(folder: string): Promise<DigestFolder> {
  let names: string[];
  try {
    names = (await fs.readdir(folder)).sort();
  } catch (error) {
    return { digests: [], problems: [{ file: folder, line: 0, message: `cannot read the digests folder: ${(error as Error).message}` }], skipped: [] };
  }
  const digests: Digest[] = [];
  const problems: DigestProblem[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    const file = path.join(folder, name);
    if (name.startsWith(".") || !DIGEST_EXTENSIONS.has(path.extname(name).toLowerCase())) {
      skipped.push(file);
      continue;
    }
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) {
        skipped.push(file);
        continue;
      }
      text = await fs.readFile(file, "utf8");
    } catch (error) {
      problems.push({ file, line: 0, message: unreadableFileMessage(error as NodeJS.ErrnoException) });
      continue;
    }
    const parsed = parserFor(name)(text, file);
    problems.push(...parsed.problems);
    if (parsed.digest) digests.push(parsed.digest);
  }
  if (digests.length === 0 && problems.length === 0) {
    problems.push({ file: folder, line: 0, message: "no digests found: add files named YYYY-MM-DD.txt" });
  }
  return { digests, problems, skipped };
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

/** "file:line: message" lines, the form editors and terminals link to. */
export function formatProblems(problems: readonly DigestProblem[]): string {
  return problems.map((problem) => `${problem.file}${problem.line > 0 ? `:${problem.line}` : ""}: ${problem.message}`).join("\n");
}
