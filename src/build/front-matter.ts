import { stringify } from "yaml";
import { paperFrontMatterSchema, type PaperFrontMatter } from "../model/site.ts";

/**
 * A generated paper file: schema-checked front matter serialised by a YAML
 * library (every string double-quoted and escaped, so a title can never end
 * the front matter or inject a key), then the abstract as escaped markdown.
 */
export function paperMarkdownFile(frontMatter: PaperFrontMatter, abstractMarkdown: string): string {
  const checked = paperFrontMatterSchema.parse(frontMatter);
  const yaml = stringify(checked, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });
  return `---\n${yaml}---\n${abstractMarkdown}\n`;
}
