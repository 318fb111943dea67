import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Taxonomy } from "../topics/taxonomy.ts";
import { PROJECT_ROOT } from "./run-eleventy.ts";

/**
 * Each paper's topics, kept between builds in `<work-dir>/topic-cache/`:
 * classifying 30,000 papers with the trained model takes seconds, and an
 * archive's old papers never change. Entries are keyed by a hash of what the
 * classifier reads (title, abstract, keywords); the file is named by a hash
 * of the classifier code, the taxonomy and the model (topic-model.json, beside
 * the code), so any change to those
 * starts afresh.
 */
export interface TopicCache {
  file: string;
  /** Topics by `topicKey`, as the previous build made them. */
  earlier: ReadonlyMap<string, readonly string[]>;
}

const CLASSIFIER_SOURCES = [path.join(PROJECT_ROOT, "src", "topics"), path.join(PROJECT_ROOT, "src", "text")];

const storedSchema = z.array(z.tuple([z.string(), z.array(z.string()).min(1)]));

async function classifierVersion(taxonomy: Taxonomy): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify(taxonomy)).update("\0");
  for (const folder of CLASSIFIER_SOURCES) {
    const names = (await fs.readdir(folder)).filter(
      (name) => (name.endsWith(".ts") && !name.endsWith(".test.ts")) || name.endsWith(".json"),
    );
    for (const name of names.sort())
      hash
        .update(name)
        .update("\0")
        .update(await fs.readFile(path.join(folder, name)))
        .update("\0");
  }
  // Stemming and stop words come from locked dependencies.
  hash.update(await fs.readFile(path.join(PROJECT_ROOT, "package-lock.json")));
  return hash.digest("hex").slice(0, 24);
}

/** What decides a paper's topics, as one key. */
export function topicKey(paper: { title: string; abstract: string; keywords?: readonly string[] | undefined }): string {
  return createHash("sha1")
    .update(paper.title)
    .update("\0")
    .update(paper.abstract)
    .update("\0")
    .update((paper.keywords ?? []).join("\u001f"))
    .digest("base64url");
}

/** The previous build's topics, when they were made by this classifier, taxonomy and model; otherwise none. */
export async function openTopicCache(workDir: string, taxonomy: Taxonomy): Promise<TopicCache> {
  const file = path.join(workDir, "topic-cache", `${await classifierVersion(taxonomy)}.json`);
  return { file, earlier: new Map(await readEntries(file)) };
}

/** A missing, damaged or foreign file is no cache: the papers are classified again. */
async function readEntries(file: string): Promise<[string, string[]][]> {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(await fs.readFile(file, "utf8")));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Keeps this build's topics (and no others); leaves the file alone when nothing changed. */
export async function saveTopicCache(cache: TopicCache, current: ReadonlyMap<string, readonly string[]>): Promise<void> {
  if (current.size === cache.earlier.size && [...current.keys()].every((key) => cache.earlier.has(key))) return;
  const folder = path.dirname(cache.file);
  await fs.mkdir(folder, { recursive: true });
  for (const name of await fs.readdir(folder))
    if (name !== path.basename(cache.file)) await fs.rm(path.join(folder, name), { force: true });
  const temporary = `${cache.file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, JSON.stringify([...current].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  await fs.rename(temporary, cache.file);
}
