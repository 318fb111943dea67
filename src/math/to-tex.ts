/**
 * Turns a math span found in scraped text (`mathcal{O}(1/epsilon^4)`,
 * `Min R^{mtimes n}`) back into TeX (`\mathcal{O}(1/\epsilon^4)`,
 * `M\in R^{m\times n}`). The span finder decides *where* math is; this
 * module only decides how to spell it.
 */
import { decomposeLetterRun, type LetterPiece } from "./letter-runs.ts";
import { TEX_COMMANDS } from "./tex-commands.ts";

/** Font switches written old-style inside braces: `{bf 1}_n` → `\mathbf{1}_n`. */
const OLD_FONT_SWITCHES: Record<string, string> = {
  bf: "mathbf",
  rm: "mathrm",
  it: "mathit",
  cal: "mathcal",
  sf: "mathsf",
  tt: "mathtt",
};

/**
 * Shapes the scraper left behind that can be recognised with confidence.
 * Each rewrite stays in "bare" spelling; backslashes are added afterwards.
 */
function rewriteDamagedShapes(span: string): string {
  return (
    span
      .replace(
        /\{\\?(bf|rm|it|cal|sf|tt)\s+([^{}]*)\}/g,
        (_m, font: string, body: string) => `\\${OLD_FONT_SWITCHES[font] ?? "mathrm"}{${body.trim()}}`,
      )
      // `frac{loglog n{log d}}`: the scrape turned `}{` into `{`, leaving one argument.
      .replace(/(?<![A-Za-z])frac\{([^{}]*)\{([^{}]*)\}\}(?!\s*\{)/g, "frac{$1}{$2}")
      // `1{2} -epsilon`: a number followed by a braced number is a lost `\frac{1}{2}`.
      .replace(/(?<![\w^_}\\])(\d+)\{(\d+)\}/g, "\\frac{$1}{$2}")
      // `alpha,!beta`: the thin-space pair `,\!` lost its backslash.
      .replace(/,!(?=[A-Za-z\\])/g, ",\\!")
      // `10^-3` means `10^{-3}`; bare TeX would only raise the minus sign.
      .replace(/([\^_])-(\d+(?:\.\d+)?)/g, "$1{-$2}")
  );
}

function texForPieces(pieces: LetterPiece[]): string[] {
  return pieces.flatMap((piece) => {
    if ("letters" in piece) return [piece.letters];
    const command = TEX_COMMANDS.get(piece.command);
    if (command?.kind === "operatorname") return [`\\operatorname{${piece.command}}`];
    return [`\\${piece.command}`];
  });
}

/** Characters that are special in TeX but ordinary in a scraped span. */
const ESCAPED_CHARACTERS: Record<string, string> = { "%": "\\%", "&": "\\&", "#": "\\#", $: "\\$", "~": "\\sim " };

/**
 * TeX for one span. Existing backslash commands pass through; every letter
 * run is read as commands and variables (`mloglog` → `m\log\log`), and a
 * space is kept after a command when letters follow (`\mathfrak S`).
 */
export function spanToTex(span: string): string {
  const source = rewriteDamagedShapes(span);
  const parts: string[] = [];
  const append = (piece: string): void => {
    const previous = parts[parts.length - 1] ?? "";
    // `\log` followed by `n` must not become the unknown command `\logn`.
    if (/\\[A-Za-z]+$/.test(previous) && /^[A-Za-z]/.test(piece)) parts.push(" ");
    parts.push(piece);
  };
  for (const token of source.match(/\\[A-Za-z]+|\\.|[A-Za-z]+|\s+|[^A-Za-z\s\\]/g) ?? []) {
    if (token.startsWith("\\")) append(token);
    else if (/^[A-Za-z]/.test(token)) {
      const pieces = decomposeLetterRun(token);
      if (pieces) for (const piece of texForPieces(pieces)) append(piece);
      else append(token);
    } else if (/^\s/.test(token)) parts.push(" ");
    else append(ESCAPED_CHARACTERS[token] ?? token);
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}
