import { createHash } from "node:crypto";
import path from "node:path";
import type { EntryKeys } from "../identity/merge-papers.ts";
import type { Digest, DigestProblem } from "../model/types.ts";
import { codeVersion, entriesOf, keepCacheEntries, readCacheEntries } from "./cache-files.ts";

/**
 * Each digest file as its parser read it, kept between builds in
 * `<work-dir>/parse-cache/`, keyed by a hash of the file's name, format and
 * bytes: a daily rebuild then parses the new day alone. Only files that parsed
 * without a problem are kept (a file with problems stops the build and is
 * parsed again to say so). The file is named by a hash of the parsing code, so
 * any change to it starts afresh; a damaged file is ignored.
 */
export interface ParseCache {
  file: string;
  earlier: ReadonlyMap<string, ParsedFile>;
}

export interface ParsedFile {
  digest: Digest;
  warnings: DigestProblem[];
  /** Its entries' identity keys (see entryKeys), which every build compares them by. */
  keys: EntryKeys[];
}

const isParsedFile = (value: unknown): value is ParsedFile => {
  const file = value as Partial<ParsedFile> | null;
  return (
    typeof file === "object" &&
    file !== null &&
    Array.isArray(file.digest?.entries) &&
    Array.isArray(file.warnings) &&
    Array.isArray(file.keys) &&
    file.keys.length === file.digest.entries.length &&
    file.keys.every(isEntryKeys)
  );
};

const isEntryKeys = (value: unknown): value is EntryKeys => {
  const keys = value as Partial<EntryKeys> | null;
  return (
    typeof keys === "object" &&
    keys !== null &&
    typeof keys.titleKey === "string" &&
    typeof keys.fingerprint === "string" &&
    typeof keys.looseKey === "string"
  );
};

const parserVersion = () => codeVersion([path.join("src", "digest"), path.join("src", "identity"), path.join("src", "model")]);

/** What keys a file's parse: where it is (problems name it), how it is read, and every byte of it. */
export function parseKey(file: string, format: string, bytes: Uint8Array): string {
  return createHash("sha256").update(file).update("\0").update(format).update("\0").update(bytes).digest("base64url");
}

export async function openParseCache(workDir: string): Promise<ParseCache> {
  const file = path.join(workDir, "parse-cache", `${await parserVersion()}.json`);
  const whole = await readCacheEntries(file, entriesOf(isParsedFile));
  return { file, earlier: new Map(whole) };
}

/** Keeps this build's parses (and no others); unchanged files leave the cache file as it is. */
export async function saveParseCache(cache: ParseCache, parsed: ReadonlyMap<string, ParsedFile>): Promise<void> {
  await keepCacheEntries(cache.file, new Set(cache.earlier.keys()), parsed);
}
