import fs from "node:fs/promises";

/**
 * `run` over every item, a batch at a time, results in item order: tens of
 * thousands of small file operations one at a time leave the disk idle, and
 * all at once run out of file handles.
 */
export async function mapInBatches<T, R>(items: readonly T[], run: (item: T, index: number) => Promise<R>, size = 64): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, offset) => run(item, start + offset)))));
  }
  return results;
}

/**
 * A hard link, or a copy across file systems. The build's caches share files
 * with the sites this way; safe because nothing writes those files in place:
 * every build renders and indexes into a new site folder, and a cache entry
 * is removed before it is replaced.
 */
export const linkOrCopy = (from: string, to: string) => fs.link(from, to).catch(() => fs.copyFile(from, to));
