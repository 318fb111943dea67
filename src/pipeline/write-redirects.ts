import fs from "node:fs/promises";
import path from "node:path";
import type { SlugRedirect } from "../identity/assign-permalinks.ts";
import type { BuildSettings } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { paperUrl } from "../site/paper-page.ts";
import { redirectPageHtml } from "../site/redirect-page.ts";
import { mapInBatches } from "./file-batches.ts";

/** Writes a redirect page at every old paper URL, pointing at the paper's URL now. */
export async function writeRedirectPages(site: string, redirects: readonly SlugRedirect[], papers: readonly Paper[], settings: BuildSettings): Promise<number> {
  const bySlug = new Map(papers.map((paper) => [paper.slug, paper]));
  await mapInBatches(redirects, async ({ from, to }) => {
    const paper = bySlug.get(to)!;
    const file = path.join(site, "papers", from, "index.html");
    await fs.mkdir(path.dirname(file), { recursive: true });
    const target = `${settings.basePath}${paperUrl(to).slice(1)}`;
    await fs.writeFile(file, redirectPageHtml({ target, absoluteTarget: `${settings.siteUrl}${paperUrl(to)}`, title: paper.text.titleText }));
  });
  return redirects.length;
}
