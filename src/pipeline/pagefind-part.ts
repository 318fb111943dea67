import fs from "node:fs/promises";
import readline from "node:readline";
import { createReadStream } from "node:fs";
import * as pagefind from "pagefind";
import type { PagefindServiceConfig } from "pagefind";

/** One page as Pagefind reads it: its URL and the HTML it indexes. */
export interface PartPage {
  url: string;
  html: string;
}

/** The input of one part's indexing process: one JSON line per page, in the order they are added. */
export async function writePartPages(file: string, urls: readonly string[], pagesHtml: readonly Buffer[]): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    for (const [index, url] of urls.entries())
      await handle.write(`${JSON.stringify({ url, html: pagesHtml[index]!.toString("utf8") } satisfies PartPage)}\n`);
  } finally {
    await handle.close();
  }
}

/**
 * Indexes one search part with Pagefind's Node API, adding the pages one
 * after another in the order given (the build sorts them by URL). Pagefind's
 * command line reads a folder in whatever order the file system lists it,
 * and its output depends on that order: this does not, so the index is the
 * same on any file system.
 */
export async function indexPartPages(pagesFile: string, outputPath: string, config: PagefindServiceConfig): Promise<number> {
  const { index, errors } = await pagefind.createIndex(config);
  if (!index) throw new Error(`Pagefind could not start an index: ${errors.join("; ")}`);
  let pages = 0;
  try {
    const lines = readline.createInterface({ input: createReadStream(pagesFile, "utf8"), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line === "") continue;
      const page = JSON.parse(line) as PartPage;
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join("; ")}`);
      pages++;
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  return pages;
}
