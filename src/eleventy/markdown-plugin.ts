import { createMarkdownRenderer } from "../markdown/renderer.ts";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * One markdown-it instance for paper bodies (Eleventy's md engine) and for the
 * titles and abstracts listings render through filters, so both look the same.
 * The filters take markdown made by `digestTextToMarkdown`, never raw digest text.
 */
export function markdownPlugin(eleventyConfig: EleventyConfig): void {
  const markdown = createMarkdownRenderer();
  eleventyConfig.setLibrary("md", markdown);
  const inline = new Map<string, string>();
  const block = new Map<string, string>();
  eleventyConfig.addFilter("markdownInline", (source: string) => memo(inline, source, () => markdown.renderInline(source)));
  eleventyConfig.addFilter("markdownBlock", (source: string) => memo(block, source, () => markdown.render(source)));
}

function memo(cache: Map<string, string>, key: string, render: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = render();
    cache.set(key, value);
  }
  return value;
}
