import { paperFrontMatterSchema, type PaperFrontMatter } from "../model/site.ts";

/**
 * A generated paper file: schema-checked front matter written as JSON
 * (Eleventy's `---json` front matter), then the abstract as escaped markdown.
 * JSON.stringify escapes every quote, backslash and control character, so a
 * title can never end the front matter or add a key; it is also many times
 * faster than a YAML serialiser over tens of thousands of papers.
 */
export function paperMarkdownFile(frontMatter: PaperFrontMatter, abstractMarkdown: string): string {
  const checked = paperFrontMatterSchema.parse(frontMatter);
  // U+2028/U+2029 are valid in JSON but break some line-oriented readers; escape them too.
  const json = JSON.stringify(checked)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `---json\n${json}\n---\n${abstractMarkdown}\n`;
}
