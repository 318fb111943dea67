import { collapseSpaces } from "../text/collapse-spaces.ts";

/**
 * Makes digest text inert as markdown: every ASCII punctuation character gets
 * a backslash (CommonMark allows escaping any of them), so `#`, `-`, `>`, `*`,
 * `[`, `<`, `&`, `$`, `{{` and friends all come out literally. Newlines become
 * spaces because a digest paragraph is one paragraph however it was wrapped.
 */
export function escapeMarkdown(text: string): string {
  return collapseSpaces(text).replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}
