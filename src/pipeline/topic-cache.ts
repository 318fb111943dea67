import { hash } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import type { Taxonomy } from "../topics/taxonomy.ts";
import { codeVersion, keepCacheEntries, readCacheEntries } from "./cache-files.ts";

/**
 * Each paper's topics, kept between builds in `<work-dir>/topic-cache/`:
 * classifying 30,000 papers with the trained model takes seconds, and an
 * archive's old papers never change. Entries are keyed by a hash of what the
 * classifier reads (title, abstract, keywords); the file is named by a hash
 * of the classifier code, the taxonomy and the model (topic-model.json, beside
 * the code), so any change to those starts afresh.
 */
export interface TopicCache {
  file: string;
  /** Topics by `topicKey`, as the previous build made them. */
  earlier: ReadonlyMap<string, readonly string[]>;
}

const storedSchema = z.array(z.tuple([z.string(), z.array(z.string()).min(1)]));
const isStored = (value: unknown): value is [string, string[]][] => storedSchema.safeParse(value).success;

/** The classifier code, its model (topic-model.json, beside the code) and the taxonomy. */
const classifierVersion = (taxonomy: Taxonomy) =>
  codeVersion([path.join("src", "topics"), path.join("src", "text")], [JSON.stringify(taxonomy)]);

/** What decides a paper's topics, as one key. */
export function topicKey(paper: { title: string; abstract: string; keywords?: readonly string[] | undefined }): string {
  return hash("sha1", `${paper.title}\0${paper.abstract}\0${(paper.keywords ?? []).join("\u001f")}`, "base64url");
}

/** The previous build's topics, when they were made by this classifier, taxonomy and model; otherwise none. */
export async function openTopicCache(workDir: string, taxonomy: Taxonomy): Promise<TopicCache> {
  const file = path.join(workDir, "topic-cache", `${await classifierVersion(taxonomy)}.json`);
  return { file, earlier: new Map(await readCacheEntries(file, isStored)) };
}

/** Keeps this build's topics (and no others); leaves the file alone when nothing changed. */
export async function saveTopicCache(cache: TopicCache, current: ReadonlyMap<string, readonly string[]>): Promise<void> {
  await keepCacheEntries(cache.file, new Set(cache.earlier.keys()), current);
}
