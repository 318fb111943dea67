import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import type { EleventyConfig } from "./src/eleventy/eleventy-config.ts";
import { filtersPlugin } from "./src/eleventy/filters-plugin.ts";
import { markdownPlugin } from "./src/eleventy/markdown-plugin.ts";
import { pagesPlugin } from "./src/eleventy/pages-plugin.ts";
import { schemaPlugin } from "./src/eleventy/schema-plugin.ts";
import { siteFeedUrls } from "./src/feeds/feed-paths.ts";
import { katexFontFiles } from "./src/markdown/katex-assets.ts";
import { readRenderJob } from "./src/pipeline/render-job.ts";

/**
 * Eleventy renders a folder that the pipeline generates (papers and global
 * data) with the Nunjucks layouts in `layouts/`. Run `npm run build`, which
 * writes that folder and points Eleventy at it; the folder's render job says
 * whether it is the whole site or a shard of paper pages.
 */
const layouts = path.join(import.meta.dirname, "layouts");

export default function (eleventyConfig: EleventyConfig) {
  const siteSource = eleventyConfig.directories.input;
  const { papersOnly } = readRenderJob(siteSource);
  // The generated input folder is git-ignored by design; Eleventy must still read it.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.addPlugin(markdownPlugin);
  eleventyConfig.addPlugin(filtersPlugin);
  eleventyConfig.addPlugin(schemaPlugin);
  eleventyConfig.addGlobalData("feeds", siteFeedUrls);
  if (!papersOnly) eleventyConfig.addPlugin(pagesPlugin, { folder: path.join(layouts, "pages") });
  // Every root-relative href and src gets the --base-path prefix.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  if (!papersOnly) {
    eleventyConfig.addPassthroughCopy({ [path.join(layouts, "assets")]: "assets" });
    // KaTeX's woff2 fonts, self-hosted from the katex package; the pipeline writes its stylesheet.
    for (const file of katexFontFiles()) eleventyConfig.addPassthroughCopy({ [file.from]: file.to });
    eleventyConfig.addPassthroughCopy({ [path.join(siteSource, "assets")]: "assets" });
  }

  return {
    dir: {
      includes: path.relative(siteSource, layouts),
      layouts: path.relative(siteSource, layouts),
      data: "_data",
    },
    templateFormats: ["md", "njk"],
    // Generated markdown holds digest text: it must never pass through a template engine.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
