import fs from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexReport {
  /** HTML pages Pagefind read. */
  pages: number;
  /** Pages in the index: only those marked data-pagefind-body (the papers). */
  indexed: number;
  /** Files Pagefind wrote (static hosts cap file counts). */
  files: number;
}

/** Builds the Pagefind search index into `<site>/pagefind`. */
export async function runPagefind(site: string): Promise<SearchIndexReport> {
  // KaTeX writes each formula twice (HTML for the eye, MathML for assistive tech) plus its TeX source:
  // index the MathML text alone, which reads as the formula's plain form.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en", excludeSelectors: [".katex-html", "annotation"] });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind failed to index ${site}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(site, "pagefind") });
    if (written.errors.length) throw new Error(`Pagefind failed to write its index: ${written.errors.join("; ")}`);
    const outputPath = path.join(site, "pagefind");
    const indexed = (await fs.readdir(path.join(outputPath, "fragment"))).length;
    const files = (await fs.readdir(outputPath, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    return { pages: added.page_count, indexed, files };
  } finally {
    await index.deleteIndex();
  }
}
