import path from "node:path";
import type { ParseDigestOptions, ParsedDigest } from "../digest/parse-digest.ts";
import { parseDigest } from "../digest/parse-digest.ts";
import { parseHfJson, type ParsedHfJson } from "../digest/parse-hf-json.ts";

/** A saved Daily Papers page (plain or card layout), or the Hugging Face daily papers API's JSON. */
export type DigestFormat = "text" | "json";

export const FORMAT_EXTENSION: Record<DigestFormat, string> = { text: ".txt", json: ".json" };
export const FORMAT_LABEL: Record<DigestFormat, string> = { text: "text digest", json: "Hugging Face JSON" };

/**
 * The file's extension decides when it is .txt or .json; otherwise (standard
 * input, a download named "papers") the content does: a digest page never
 * starts with a bracket, the API's answer always does.
 */
export function detectFormat(name: string, text: string): DigestFormat {
  const extension = path.extname(name).toLowerCase();
  if (extension === ".json") return "json";
  if (extension === ".txt") return "text";
  return /^\uFEFF?\s*[[{]/.test(text) ? "json" : "text";
}

/** The same parser the build uses for this format. */
export function parseInFormat(format: DigestFormat, text: string, file: string, options: ParseDigestOptions): ParsedDigest & Partial<Pick<ParsedHfJson, "submittedOn">> {
  return format === "json" ? parseHfJson(text, file, options) : parseDigest(text, file, options);
}

/**
 * What is written to the digests folder. Text keeps its lines (so line numbers
 * in messages stay true) with one line-ending style; JSON is pretty-printed so
 * a day's file reviews well in a diff, whatever shape the download had.
 */
export function storedForm(format: DigestFormat, text: string): string {
  const withoutBom = text.replace(/^\uFEFF/, "");
  if (format === "json") {
    try {
      return `${JSON.stringify(JSON.parse(withoutBom), null, 2)}\n`;
    } catch {
      // Not JSON: compared as text, never stored (the parser refuses it first).
    }
  }
  return `${withoutBom.replace(/\r\n?/g, "\n").replace(/\s+$/, "")}\n`;
}
