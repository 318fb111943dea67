import { renderBlock, renderInline } from "../markdown/render.ts";
import { createMarkdownRenderer } from "../markdown/renderer.ts";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * One markdown-it configuration for paper bodies (Eleventy's md engine) and
 * for the titles and abstracts listings render through filters, so both look
 * the same. The filters take markdown made by `digestTextToMarkdown`, never
 * raw digest text.
 */
export function markdownPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.setLibrary("md", createMarkdownRenderer());
  eleventyConfig.addFilter("markdownInline", (source: string) => renderInline(source));
  eleventyConfig.addFilter("markdownBlock", (source: string) => renderBlock(source));
}
