/**
 * Reading a run of letters (`pneq`, `mloglog`, `Omegasubseteq`, `Min`) as
 * TeX: which commands lost their backslash, and which letters are variables.
 */
import { ENGLISH_SHORT_WORDS, GLUE_PROOF_COMMANDS, TEX_COMMANDS } from "./tex-commands.ts";

export type LetterPiece = { command: string } | { letters: string };

/**
 * Three-letter commands allowed inside a glued run. Others of that length
 * (`top`, `max`, `cap`, `eta`, `phi`, ...) occur inside ordinary words and
 * would split them wrongly, so they only count when they are the whole run.
 */
const GLUEABLE_SHORT = new Set(["log", "exp", "big", "Big", "neq", "leq", "geq", "sim"]);

/** Two-letter relations that may end a glued run: `Min R^d`, `mgg 1`, `mll n`. */
const GLUEABLE_FINAL_RELATIONS = new Set(["in", "ll", "gg"]);

/** Commands never read out of a longer run: "well" is not `w\ell`. */
const NEVER_GLUED = new Set(["ell", "top", "bot", "star", "text", "prime", "dots"]);

function isGlueable(name: string, atEnd: boolean): boolean {
  if (!TEX_COMMANDS.has(name) || NEVER_GLUED.has(name)) return false;
  if (name.length >= 4) return true;
  if (name.length === 3) return GLUEABLE_SHORT.has(name);
  return atEnd && GLUEABLE_FINAL_RELATIONS.has(name);
}

/** Splits `middle` into glueable commands only, or returns null. */
function splitIntoCommands(middle: string, isRunEnd: boolean): string[] | null {
  if (middle === "") return [];
  // Longest command first, so `subseteq` wins over `subset` + `eq`.
  for (let length = Math.min(middle.length, 12); length >= 2; length--) {
    const head = middle.slice(0, length);
    const atEnd = length === middle.length && isRunEnd;
    if (!isGlueable(head, atEnd)) continue;
    const rest = splitIntoCommands(middle.slice(length), isRunEnd);
    if (rest) return [head, ...rest];
  }
  return null;
}

/**
 * Reads a letter run as TeX pieces: a whole command (`epsilon`), or up to two
 * variable letters, one or more commands, and at most one trailing letter
 * (`nd` + `log`, `m` + `log` + `log`, `p` + `neq`). Returns null when the run
 * has no such reading, in which case it is ordinary letters.
 */
export function decomposeLetterRun(run: string): LetterPiece[] | null {
  // Every word of every abstract passes through here, and words repeat: remember the answers.
  const known = decompositions.get(run);
  if (known !== undefined) return known;
  const pieces = decomposeUncached(run);
  if (decompositions.size >= DECOMPOSITION_CACHE_LIMIT) decompositions.clear();
  decompositions.set(run, pieces);
  return pieces;
}

const DECOMPOSITION_CACHE_LIMIT = 200_000;
const decompositions = new Map<string, LetterPiece[] | null>();

function decomposeUncached(run: string): LetterPiece[] | null {
  if (TEX_COMMANDS.has(run)) return [{ command: run }];
  for (let freeLetters = 0; freeLetters <= 3; freeLetters++) {
    for (let prefix = Math.min(freeLetters, 2); prefix >= 0; prefix--) {
      const suffix = freeLetters - prefix;
      if (suffix > 1 || prefix + suffix >= run.length) continue;
      const middle = run.slice(prefix, run.length - suffix);
      const commands = splitIntoCommands(middle, suffix === 0);
      if (!commands || commands.length === 0) continue;
      // `in`, `ll`, `gg` only after a single variable (`Min`, `mgg`): "well" is not `we \ll`.
      if (commands.some((command) => command.length === 2) && (prefix !== 1 || commands.length > 1)) continue;
      const pieces: LetterPiece[] = [];
      if (prefix > 0) pieces.push({ letters: run.slice(0, prefix) });
      for (const command of commands) pieces.push({ command });
      if (suffix > 0) pieces.push({ letters: run.slice(run.length - suffix) });
      return pieces;
    }
  }
  return null;
}

/**
 * A glued run that proves itself math: it splits into pieces and one of them
 * is a command no English word contains (`pneq`, `mepsilon`, `Omegabig`).
 */
export function isGluedMathRun(run: string): boolean {
  const pieces = decomposeLetterRun(run);
  if (!pieces || pieces.length < 2) return false;
  return pieces.some((piece) => "command" in piece && GLUE_PROOF_COMMANDS.has(piece.command));
}

/**
 * Whether a letter run can sit inside a math expression without being an
 * English word: a command, a glued command, or a short variable name (`dm`,
 * `QK`, `SAx`) that is not a common short word.
 */
export function isMathSafeRun(run: string): boolean {
  if (TEX_COMMANDS.has(run) || decomposeLetterRun(run)) return true;
  if (ENGLISH_SHORT_WORDS.has(run)) return false;
  if (run.length <= 2) return true;
  return run.length === 3 && /[A-Z]/.test(run) && /[a-z]/.test(run);
}

/** The command a letter run ends with, if any (`1leq` → leq, `d^{2/p}mathfrak` → mathfrak). */
export function lastCommandOf(run: string): string | undefined {
  const pieces = decomposeLetterRun(run);
  const last = pieces?.[pieces.length - 1];
  return last && "command" in last ? last.command : undefined;
}
