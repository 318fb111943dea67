import * as pagefind from "pagefind";

/** Builds the Pagefind search index into `<site>/pagefind`; returns how many pages it indexed. */
export async function runPagefind(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind failed to index ${site}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind failed to write its index: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await index.deleteIndex();
  }
}
