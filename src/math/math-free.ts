/**
 * The cheap test in front of the repair pass. Most titles and abstracts hold
 * no math at all, and for them the span finder (chunking, affix peeling,
 * classifying every word) costs far more than the answer is worth: the text
 * comes back as it was, its whitespace collapsed.
 *
 * `isMathFree` says yes only when no rule of the repair can fire, so the fast
 * path returns exactly what the full pass would. It mirrors the triggers:
 * - `$`, `\`, `^`, `_`, `{`, `}`: delimited math, TeX escapes and accents,
 *   scripts, `{\it ...}` emphasis, `1{2}` (a lost \frac);
 * - a letter run that is a math core (`epsilon`, `mathcal`, a Greek name,
 *   a glued run like `pneq`), a span seed (`times`, `mgg`), asymptotic
 *   notation before a bracket (`O(`, `Theta (`), or a run a text repair
 *   rewrites (`3times` → 3×, `sim50%` → ~50%, `bullet` list markers).
 * The span finder only ever starts a formula at a core or a seed, and every
 * one of its chunks splits at whitespace, hyphens, quotes or brackets, so a
 * letter run of the text is whole in whatever chunk holds it.
 * src/math/math-free.test.ts checks the equivalence against the full pass
 * on thousands of real abstracts; `npm run bench:math` checks all of them.
 */
import { isGluedMathRun } from "./letter-runs.ts";
import { ASYMPTOTIC_NAMES, GLUE_PROOF_COMMANDS, GREEK_LETTERS, STANDALONE_TRIGGERS } from "./tex-commands.ts";

/** `$ \ ^ _ { }` as character codes. */
const MARKUP = new Set([..."$\\^_{}"].map((char) => char.charCodeAt(0)));
/** Runs the text repairs rewrite, and `times`, which seeds `n times d`. */
const REWRITTEN_RUNS = new Set(["times", "sim", "bullet"]);
/** A consonant glued to ≪ or ≫ seeds a span (`mgg 1`): see markSeeds in span-finder.ts. */
const GLUED_RELATION_SEED = /^[b-df-hj-np-tv-z](?:ll|gg)$/;
/** A glued math run contains one of these commands, so a run without any needs no decomposing. */
const GLUE_PROOF = new RegExp([...GLUE_PROOF_COMMANDS].join("|"));

const RUN_VERDICT_LIMIT = 200_000;
const triggerVerdicts = new Map<string, boolean>();

/** Whether this letter run, wherever it stands, can make the repair change a text. */
function isTriggerRun(run: string): boolean {
  let verdict = triggerVerdicts.get(run);
  if (verdict === undefined) {
    verdict =
      STANDALONE_TRIGGERS.has(run) ||
      GREEK_LETTERS.has(run) ||
      REWRITTEN_RUNS.has(run) ||
      GLUED_RELATION_SEED.test(run) ||
      (GLUE_PROOF.test(run) && isGluedMathRun(run));
    if (triggerVerdicts.size >= RUN_VERDICT_LIMIT) triggerVerdicts.clear();
    triggerVerdicts.set(run, verdict);
  }
  return verdict;
}

/** `O(n)`, `Obig(`, `Theta (log n)`: an asymptotic name right before a bracket. */
function isAsymptoticCall(text: string, run: string, end: number): boolean {
  if (!ASYMPTOTIC_NAMES.has(run.replace(/(?:big|Big|left)$/, ""))) return false;
  return text[end] === "(" || (text[end] === " " && text[end + 1] === "(");
}

const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** True when the repair pass would return `text` unchanged (as one text segment), so it can skip looking for math. */
export function isMathFree(text: string): boolean {
  // One pass over the characters: this runs on every title and abstract.
  let runStart = -1;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 32;
    if (isAsciiLetter(code)) {
      if (runStart === -1) runStart = index;
      continue;
    }
    if (MARKUP.has(code)) return false;
    if (runStart !== -1) {
      const run = text.slice(runStart, index);
      if (isTriggerRun(run) || isAsymptoticCall(text, run, index)) return false;
      runStart = -1;
    }
  }
  return true;
}
