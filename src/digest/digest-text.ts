/**
 * Which characters a digest may carry and how its bytes become text, decided
 * once for both parsers, the build and ingest: UTF-8 only (invalid bytes are
 * refused with their offset), no byte-order mark, no C0 controls, no lone
 * surrogates; whitespace folded.
 */
import type { DigestProblem } from "../model/types.ts";

export function stripByteOrderMark(text: string): string {
  return text.replace(/^\uFEFF/, "");
}

export type DecodedDigest = { ok: true; text: string } | { ok: false; problem: DigestProblem };

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A digest's bytes as text. Invalid UTF-8 is refused, with the line and byte
 * offset of the first bad byte, rather than published as U+FFFD: a page saved
 * in Latin-1 or Windows-1252 would otherwise lose every accented letter unseen.
 */
export function decodeDigestBytes(bytes: Uint8Array, file: string): DecodedDigest {
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
    const byte = bytes[offset]?.toString(16).toUpperCase().padStart(2, "0") ?? "end of file";
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `not valid UTF-8: byte 0x${byte} at byte offset ${offset}; re-save the file as UTF-8 (it looks like Latin-1 or Windows-1252)`,
      },
    };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length =
      lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    try {
      strictUtf8.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return bytes.length;
}

// C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls: a terminal acts on them.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** What a digest's text may not carry, and how many of each were removed. */
export interface RemovedCharacters {
  controls: number;
  surrogates: number;
}

/**
 * Removes control characters and lone surrogates (which only JSON's `\ud800`
 * escapes can produce): neither is text, a control reaches a terminal as an
 * escape code and a lone surrogate breaks URL encoding later in the build.
 */
export function removeNonText(text: string): { text: string; removed: RemovedCharacters } {
  let controls = 0;
  let surrogates = 0;
  const cleaned = text.replace(CONTROL, () => (controls++, "")).replace(LONE_SURROGATE, () => (surrogates++, ""));
  return { text: cleaned, removed: { controls, surrogates } };
}

export function describeRemoved(removed: RemovedCharacters): string | undefined {
  const parts = [
    removed.controls ? `${removed.controls} control character${removed.controls === 1 ? "" : "s"}` : "",
    removed.surrogates
      ? `${removed.surrogates} lone surrogate${removed.surrogates === 1 ? "" : "s"} (half of an emoji or other character)`
      : "",
  ].filter(Boolean);
  return parts.length ? `removed ${parts.join(" and ")}, which are not text` : undefined;
}

/**
 * The form every title, abstract and name takes: NFC, with runs of whitespace
 * (line breaks included) folded into one space. Both parsers use it.
 */
export function foldWhitespace(text: string): string {
  return text.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Text fit for a terminal: controls (escape codes, bells, carriage returns) shown as `\xNN`, never acted on. */
export function terminalSafe(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .replace(LONE_SURROGATE, "\uFFFD");
}

/** "file:line: message" lines, the form editors and terminals link to. */
export function formatProblems(problems: readonly DigestProblem[]): string {
  return problems
    .map((problem) => terminalSafe(`${problem.file}${problem.line > 0 ? `:${problem.line}` : ""}: ${problem.message}`))
    .join("\n");
}
