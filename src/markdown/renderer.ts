import { katex } from "@mdit/plugin-katex";
import MarkdownIt from "markdown-it";
import { KATEX_OPTIONS, renderTexOrNull, type MathOutput } from "../math/katex-check.ts";

/**
 * The one markdown-it configuration used for paper pages (through Eleventy)
 * and for abstracts rendered inside listings. Raw HTML is off: digest text
 * is escaped before it gets here, and this is the second fence.
 *
 * Math: `$...$` (and `$$...$$`) through @mdit/plugin-katex. The plugin only
 * supplies the parsing; rendering goes through `renderTexOrNull`, which is
 * what the repair pass validated with, so the two can never disagree, and a
 * formula KaTeX rejects (or one that asks for `\href`, `\url`, `\htmlData`)
 * is shown as its escaped source instead of a red error box. That also keeps
 * the plugin's shared macro table out of play, so a `\gdef` in one abstract
 * cannot leak into the next.
 */
export function createMarkdownRenderer(options: { mathOutput?: MathOutput } = {}): MarkdownIt {
  const output = options.mathOutput ?? "htmlAndMathml";
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(katex, {
    ...KATEX_OPTIONS,
    delimiters: "dollars",
    allowInlineWithSpace: false,
    mathFence: false,
    // Nothing per span in the build log.
    logger: () => "ignore",
  });
  const escapeHtml = md.utils.escapeHtml;
  md.renderer.rules["math_inline"] = (tokens, index) => {
    const tex = tokens[index]?.content ?? "";
    return renderTexOrNull(tex, false, output) ?? escapeHtml(`$${tex}$`);
  };
  md.renderer.rules["math_block"] = (tokens, index) => {
    const tex = tokens[index]?.content ?? "";
    const html = renderTexOrNull(tex, true, output);
    return html === null ? `<p>${escapeHtml(`$$${tex}$$`)}</p>\n` : `<p class="katex-block">${html}</p>\n`;
  };
  return md;
}
