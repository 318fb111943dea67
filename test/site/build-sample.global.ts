import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { runBuildCli } from "../build-cli.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../paths.ts";
import { hostileDigest } from "./hostile-digest.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The sample digest alone, built as `npm run build` does. */
    sampleSite: string;
    /** Sample + a card-layout day + a hostile day: three days, merges, escaping; its search index in two parts. */
    archiveSite: string;
    /** The same archive under --base-path /archive-test/. */
    basePathSite: string;
    /** The digests folder the archive sites were built from. */
    archiveDigests: string;
    workRoot: string;
  }
}

export const ARCHIVE_SEARCH_PARTS = ["--search-part-size", "50"];

/** Builds the test sites once for every suite in the "site" project. */
export default async function setup(project: TestProject) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "dpa-site-"));
  const sampleDigests = path.join(root, "sample", "digests");
  const archiveDigests = path.join(root, "archive", "digests");
  const site = (name: string) => path.join(root, name, "_site");
  try {
    await fs.mkdir(sampleDigests, { recursive: true });
    await fs.mkdir(archiveDigests, { recursive: true });
    await fs.copyFile(SAMPLE_DIGEST, path.join(sampleDigests, "2025-08-20.txt"));
    await fs.copyFile(SAMPLE_DIGEST, path.join(archiveDigests, "2025-08-20.txt"));
    await fs.copyFile(path.join(FIXTURES, "card", "2025-08-22.txt"), path.join(archiveDigests, "2025-08-22.txt"));
    await fs.writeFile(path.join(archiveDigests, "2025-08-21.txt"), hostileDigest());
    await fs.writeFile(path.join(archiveDigests, "README.md"), "Not a digest.\n");

    const build = async (name: string, input: string, extra: string[] = []) => {
      const result = await runBuildCli([
        "--input",
        input,
        "--output",
        site(name),
        "--work-dir",
        path.join(root, name, "work"),
        "--site-url",
        "https://papers.example.org",
        ...extra,
      ]);
      if (result.code !== 0) throw new Error(`building the ${name} test site failed:\n${result.stdout}\n${result.stderr}`);
    };
    // A search part of at most 50 papers: the sample day (67) alone, the other two days together.
    await Promise.all([build("sample", sampleDigests), build("archive", archiveDigests, ARCHIVE_SEARCH_PARTS)]);
    await fs.mkdir(path.join(root, "base-path"), { recursive: true });
    await build("base-path", archiveDigests, [
      ...ARCHIVE_SEARCH_PARTS,
      "--base-path",
      "/archive-test/",
      "--permalinks",
      path.join(root, "base-path", "permalinks.json"),
    ]);
  } catch (error) {
    // Vitest runs no teardown when setup throws, so the half-built sites are removed here.
    await fs.rm(root, { recursive: true, force: true });
    throw error;
  }

  project.provide("sampleSite", site("sample"));
  project.provide("archiveSite", site("archive"));
  project.provide("basePathSite", site("base-path"));
  project.provide("archiveDigests", archiveDigests);
  project.provide("workRoot", root);
  return async () => {
    await fs.rm(root, { recursive: true, force: true });
  };
}
