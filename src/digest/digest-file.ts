/**
 * What a digest file is, decided in one place for the build and for ingest:
 * which parser reads it (by extension) and how its bytes become a parsed digest.
 */
import path from "node:path";
import { decodeDigestBytes } from "./digest-text.ts";
import { parseDigest, type ParseDigestOptions, type ParsedDigest } from "./parse-digest.ts";
import { parseHfJson, type ParsedHfJson } from "./parse-hf-json.ts";

/** A saved Daily Papers page (plain or card layout), or the Hugging Face daily papers API's JSON. */
export type DigestFormat = "text" | "json";

export const FORMAT_EXTENSION: Record<DigestFormat, string> = { text: ".txt", json: ".json" };
export const FORMAT_LABEL: Record<DigestFormat, string> = { text: "text digest", json: "Hugging Face JSON" };

/** The format a file name says, whatever its case (`.TXT` is a text digest), or undefined for other files. */
export function formatOfFileName(name: string): DigestFormat | undefined {
  const extension = path.extname(name).toLowerCase();
  if (extension === ".json") return "json";
  if (extension === ".txt") return "text";
  return undefined;
}

/**
 * The file's extension decides when it is .txt or .json; otherwise (standard
 * input, a download named "papers") the content does: a digest page never
 * starts with a bracket, the API's answer always does.
 */
export function detectFormat(name: string, text: string): DigestFormat {
  return formatOfFileName(name) ?? (/^\uFEFF?\s*[[{]/.test(text) ? "json" : "text");
}

export type ParsedInFormat = ParsedDigest & Partial<Pick<ParsedHfJson, "submittedOn">>;

/** The one parser for this format, the build's and ingest's alike. */
export function parseInFormat(format: DigestFormat, text: string, file: string, options: ParseDigestOptions = {}): ParsedInFormat {
  return format === "json" ? parseHfJson(text, file, options) : parseDigest(text, file, options);
}

/**
 * A digest file's bytes, decoded and parsed as the build reads them: what
 * both the build and ingest (which must refuse whatever the build refuses) call.
 */
export function parseDigestBytes(format: DigestFormat, bytes: Uint8Array, file: string, options: ParseDigestOptions = {}): ParsedInFormat {
  const decoded = decodeDigestBytes(bytes, file);
  if (!decoded.ok) return { problems: [decoded.problem], warnings: [] };
  return parseInFormat(format, decoded.text, file, options);
}
