/**
 * Repairs that turn leftover TeX into plain Unicode text rather than math,
 * because Unicode reads better there: `na\"ive` → naïve, `3times` → 3×,
 * `(sim50\%)` → (~50%), `{it misaligned}` → emphasis.
 */

const COMBINING_ACCENTS: Record<string, string> = {
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  '"': "\u0308",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  u: "\u0306",
  v: "\u030C",
  H: "\u030B",
  c: "\u0327",
  k: "\u0328",
  r: "\u030A",
};

const SPECIAL_LETTERS: Record<string, string> = {
  ss: "ß",
  o: "ø",
  O: "Ø",
  l: "ł",
  L: "Ł",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  aa: "å",
  AA: "Å",
  i: "ı",
  j: "ȷ",
};

function accented(accent: string, base: string): string {
  const letter = base.startsWith("\\") ? (SPECIAL_LETTERS[base.slice(1)] ?? base.slice(1)) : base;
  return (letter + (COMBINING_ACCENTS[accent] ?? "")).normalize("NFC");
}

/**
 * `na\"ive` → naïve, `Uzna\'{n}ski` → Uznański, `{\"o}` → ö, `\c{c}` → ç.
 * Symbol accents may take a bare letter; letter accents (`\v`, `\c`, ...)
 * need braces, otherwise `\v` could be the start of any word.
 */
export function replaceTexAccents(text: string): string {
  return (
    text
      .replace(
        /\\(['`^"~=.])\s*(?:\{(\\[ij]|[A-Za-z])\}|(\\[ij](?![A-Za-z])|[A-Za-z]))/g,
        (_match, accent: string, braced?: string, bare?: string) => accented(accent, braced ?? bare ?? ""),
      )
      .replace(/\\([uvHckr])\{(\\[ij]|[A-Za-z])\}/g, (_match, accent: string, base: string) => accented(accent, base))
      .replace(/\\(ss|ae|AE|oe|OE|aa|AA|[oOlL])(?:\{\}|(?![A-Za-z]))/g, (_match, name: string) => SPECIAL_LETTERS[name] ?? name)
      // `{\"o}` leaves `{ö}` behind: braces around one non-ASCII letter are TeX grouping only.
      .replace(/\{([^\x00-\x7F])\}/g, "$1")
  );
}

/**
 * `2-5times fewer`, `3times,`, `1.85times/15.3%`, `2.4\times speedup` → ×.
 * Only when glued to a number and not followed by an operand: `3times n`
 * is a product and stays for the math pass; `5 times faster` (with a space)
 * is English and never matches.
 */
export function replaceMultiplicationSigns(text: string): string {
  return text.replace(/(?<=\d)\\?times(?![A-Za-z])(?!\s*(?:\d|[A-Za-z](?![A-Za-z])|[({[\\]))/g, "×");
}

/** `(sim50\%)` → `(~50%)`: `\sim` before a bare quantity means "about". */
export function replaceApproximateSigns(text: string): string {
  return text.replace(/(?<![A-Za-z\\])\\?sim\s?(?=\d+(?:\.\d+)?(?:\\?%|x|×)?(?!\w|\.\d))/g, "~");
}

/** The repairs that must run before math spans are looked for. */
export function repairTextBeforeMath(text: string): string {
  return replaceApproximateSigns(replaceMultiplicationSigns(replaceTexAccents(text)));
}

/**
 * Final clean-up of text that stays text: TeX escapes of special characters
 * (`30\%` → 30%) and the `bullet` list markers of one abstract.
 */
export function finishPlainText(text: string): string {
  return text.replace(/\\([%&#_$])/g, "$1").replace(/(^|[.:;!?] +)\\?bullet +(?=[A-Z])/g, "$1• ");
}

export type EmphasisPiece = { kind: "text"; text: string } | { kind: "emphasis"; text: string };

/**
 * Splits out `{it misaligned}`, `{\it single-loop}`, `\emph{...}`,
 * `\textit{...}` and `\textbf{...}`. The content must contain a word, so
 * `{bf 1}_n` (a bold one in a formula) is left for the math pass.
 */
export function splitEmphasis(text: string): EmphasisPiece[] {
  const pattern = /\{\\?(?:it|em|bf|sl)\s+([^{}]*[A-Za-z]{2}[^{}]*)\}(?![_^])|\\(?:emph|textit|textbf|textsl)\{([^{}]*)\}/g;
  const pieces: EmphasisPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    if (start > last) pieces.push({ kind: "text", text: text.slice(last, start) });
    pieces.push({ kind: "emphasis", text: (match[1] ?? match[2] ?? "").trim() });
    last = start + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: "text", text: text.slice(last) });
  return pieces;
}
