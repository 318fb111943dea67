import { stripByteOrderMark } from "../digest/digest-text.ts";
import type { DigestFormat } from "../digest/digest-file.ts";

// Which parser reads a digest, and how, is the build's knowledge: src/digest/digest-file.ts.
export { detectFormat, FORMAT_EXTENSION, FORMAT_LABEL, parseInFormat, type DigestFormat } from "../digest/digest-file.ts";

/**
 * What is written to the digests folder. Text keeps its lines (so line numbers
 * in messages stay true) with one line-ending style; JSON is pretty-printed so
 * a day's file reviews well in a diff, whatever shape the download had.
 */
export function storedForm(format: DigestFormat, text: string): string {
  const withoutBom = stripByteOrderMark(text);
  if (format === "json") {
    try {
      return `${JSON.stringify(JSON.parse(withoutBom), null, 2)}\n`;
    } catch {
      // Not JSON: compared as text, never stored (the parser refuses it first).
    }
  }
  return `${withoutBom.replace(/\r\n?/g, "\n").replace(/\s+$/, "")}\n`;
}
