import fs from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * The site's own pages (home, days, months, archive, 404, ...) are Nunjucks
 * templates in `layouts/pages/`, kept apart from the generated content and
 * added to the build as virtual templates.
 */
export function pagesPlugin(eleventyConfig: EleventyConfig, options: { folder: string }): void {
  for (const name of fs.readdirSync(options.folder).sort()) {
    if (!name.endsWith(".njk")) continue;
    eleventyConfig.addTemplate(`pages/${name}`, fs.readFileSync(path.join(options.folder, name), "utf8"));
  }
}
