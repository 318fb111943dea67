import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Digest, DigestProblem } from "../model/types.ts";
import { codeVersion, replaceCacheFile } from "./cache-files.ts";

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
}

const parserVersion = () => codeVersion([path.join("src", "digest"), path.join("src", "identity"), path.join("src", "model")]);

/** What keys a file's parse: where it is (problems name it), how it is read, and every byte of it. */
export function parseKey(file: string, format: string, bytes: Uint8Array): string {
  return createHash("sha256").update(file).update("\0").update(format).update("\0").update(bytes).digest("base64url");
}

export async function openParseCache(workDir: string): Promise<ParseCache> {
  const file = path.join(workDir, "parse-cache", `${await parserVersion()}.json`);
  const entries = await fs.readFile(file, "utf8").then(
    (text) => {
      try {
        const parsed = JSON.parse(text) as unknown;
        return Array.isArray(parsed) ? (parsed as [string, ParsedFile][]) : [];
      } catch {
        return [];
      }
    },
    () => [] as [string, ParsedFile][],
  );
  const whole = entries.filter(
    ([key, value]) => typeof key === "string" && Array.isArray(value?.digest?.entries) && Array.isArray(value?.warnings),
  );
  return { file, earlier: new Map(whole) };
}

/** Keeps this build's parses (and no others); unchanged files leave the cache file as it is. */
export async function saveParseCache(cache: ParseCache, parsed: ReadonlyMap<string, ParsedFile>): Promise<void> {
  if (parsed.size === cache.earlier.size && [...parsed.keys()].every((key) => cache.earlier.has(key))) return;
  await replaceCacheFile(cache.file, parsed);
}
