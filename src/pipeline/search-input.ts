import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { mapInBatches } from "./file-batches.ts";

/** Where a page's HTML sits in a site folder: `/papers/x/` is `papers/x/index.html`. */
export const pageFile = (site: string, url: string) => path.join(site, ...url.split("/").filter(Boolean), "index.html");

/**
 * The folder Pagefind reads is kept between builds, one per part (named by
 * the part's first day, which never changes): creating and removing tens of
 * thousands of page folders on every build took as long as indexing them.
 * Only pages whose indexed HTML changed are written, and pages no longer in
 * the part are removed. A manifest beside the folder records each page's
 * hash; it is removed while the folder changes, so after an interrupted
 * build the folder is written afresh. `fresh` (no cache) always does that.
 */
export async function syncPartInput(input: string, urls: readonly string[], pagesHtml: readonly Buffer[], fresh: boolean): Promise<void> {
  const manifestFile = `${input}.json`;
  const previous = fresh ? undefined : await fs.readFile(manifestFile, "utf8").then((text) => new Map(Object.entries(JSON.parse(text) as Record<string, string>)), () => undefined);
  await fs.rm(manifestFile, { force: true });
  if (!previous) await fs.rm(input, { recursive: true, force: true });
  const hashes = pagesHtml.map((html) => createHash("sha1").update(html).digest("base64url"));
  await mapInBatches(urls, async (url, index) => {
    if (previous?.get(url) === hashes[index]) return;
    const file = pageFile(input, url);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, pagesHtml[index]!);
  });
  const kept = new Set(urls);
  await mapInBatches([...(previous?.keys() ?? [])].filter((url) => !kept.has(url)), (url) => fs.rm(path.dirname(pageFile(input, url)), { recursive: true, force: true }));
  await fs.writeFile(manifestFile, JSON.stringify(Object.fromEntries(urls.map((url, index) => [url, hashes[index]!]))));
}
