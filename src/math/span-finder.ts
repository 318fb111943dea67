/**
 * Finds math in scraped prose. The text is cut at spaces into chunks; a
 * chunk is math only on hard evidence (a "core": `R^d`, `epsilon`, `pneq`,
 * `O(n)`, `\times`), and a span then grows over neighbouring chunks that
 * read as math (`x in R^d`, `sigma > 0`, `mathfrak S d`), never over English
 * words. A missed repair leaves readable text; a false one garbles prose,
 * so every rule errs towards leaving text alone.
 */
import { decomposeLetterRun, isGluedMathRun, isMathSafeRun, lastCommandOf } from "./letter-runs.ts";
import { ASYMPTOTIC_NAMES, ENGLISH_SHORT_WORDS, GREEK_LETTERS, STANDALONE_TRIGGERS, TEX_COMMANDS } from "./tex-commands.ts";

export interface TextRange {
  start: number;
  end: number;
}

type ChunkKind =
  /** Contains a core: certainly math. */
  | "math"
  /** A lone variable (`d`, `S`, `x`), never `a` or `I`. */
  | "letter"
  | "number"
  /** Operators and variables only, without a core: `p<2`, `[n]`, `[m]times`. */
  | "expression"
  /** A lone relation or operator word: `in`, `times`, `=`, `>`. */
  | "relation"
  /** A variable glued to a relation that lost its backslash: `Min`, `x'in`, `mgg`. */
  | "glued-relation"
  | "prose";

interface Chunk {
  start: number;
  end: number;
  /** The chunk without prose around it: `(`, `).`, `sub-`, `-approximations`. */
  bodyStart: number;
  bodyEnd: number;
  body: string;
  kind: ChunkKind;
  needsLeft: boolean;
  needsRight: boolean;
  /** Can start a span without a core next to it (`n times d`, `mgg 1`). */
  seed: boolean;
}

const CLOSER_OF: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const MAX_MERGED_CHUNKS = 12;

/** Standalone words that work as relations between operands. */
const RELATION_WORDS = new Set(["in", "times", "ll", "gg", "sim", "approx", "=", "<", ">", "+", "-", "<=", ">=", "\\in", "\\times"]);

/** Functions like `max` take a subscript only as a braced group: `max_{x}`, not `min_p` (a sampling setting). */
const FUNCTIONS_NEEDING_GROUP = new Set(["max", "min", "sup", "inf", "lim", "sum", "prod", "argmin", "argmax"]);

function letterRunEndingAt(text: string, end: number): string {
  let start = end;
  while (start > 0 && /[A-Za-z]/.test(text[start - 1] ?? "")) start--;
  return text.slice(start, end);
}

function letterRunStartingAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && /[A-Za-z]/.test(text[end] ?? "")) end++;
  return text.slice(start, end);
}

/** Index of the bracket closing the one at `open`, or -1. */
function matchingBracket(text: string, open: number): number {
  const opener = text[open] ?? "";
  const closer = CLOSER_OF[opener];
  if (!closer) return -1;
  let level = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === opener) level++;
    else if (text[index] === closer && --level === 0) return index;
  }
  return -1;
}

function bracketBalance(text: string): number {
  let balance = 0;
  for (const char of text) {
    if (char === "(" || char === "[" || char === "{") balance++;
    else if (char === ")" || char === "]" || char === "}") balance--;
  }
  return balance;
}

function lettersAreMathSafe(text: string): boolean {
  return (text.match(/[A-Za-z]+/g) ?? []).every((run) => isMathSafeRun(run));
}

type ScriptVerdict = "none" | "valid" | "invalid";

/**
 * `x_i`, `R^d`, `L^2`, `QK^top`, `log^{1/3}`, `|x|_infty`, `10^-3` are math;
 * `max_new_tokens` or `top_k` are identifiers, and one bad script makes the
 * whole chunk prose.
 */
function judgeScripts(body: string): ScriptVerdict {
  let verdict: ScriptVerdict = "none";
  for (let index = 0; index < body.length; index++) {
    const marker = body[index];
    if (marker !== "^" && marker !== "_") continue;
    if (body[index - 1] === "\\") continue; // `\_` is an escaped underscore
    const before = body[index - 1] ?? "";
    const after = body.slice(index + 1);
    if (!isValidScriptBase(body, index, before, after) || !isValidScript(after)) return "invalid";
    verdict = "valid";
  }
  return verdict;
}

function isValidScriptBase(body: string, index: number, before: string, after: string): boolean {
  if (/[0-9})\]|'*]/.test(before)) return true;
  if (!/[A-Za-z]/.test(before)) return false;
  const base = letterRunEndingAt(body, index);
  if (base === "top" || base === "bot") return false;
  if (FUNCTIONS_NEEDING_GROUP.has(base)) return after.startsWith("{");
  if (base.length === 1 || TEX_COMMANDS.has(base) || decomposeLetterRun(base)) return true;
  return base.length === 2 && !ENGLISH_SHORT_WORDS.has(base);
}

function isValidScript(after: string): boolean {
  const first = after[0] ?? "";
  if (first === "{") return matchingBracket(after, 0) !== -1;
  if (/[0-9*'\\]/.test(first)) return true;
  if (first === "-") return /^-\d/.test(after);
  if (!/[A-Za-z]/.test(first)) return false;
  const run = letterRunStartingAt(after, 0);
  if (run.length === 1 || TEX_COMMANDS.get(run)?.kind === "symbol") return true;
  return run.length === 2 && !ENGLISH_SHORT_WORDS.has(run);
}

/** `O(n)`, `o(1)`, `Omega(T^{2/3})`, `Theta(log n)`, `Obig(...big)`, `O (log D)`. */
function hasAsymptoticNotation(body: string): boolean {
  for (const match of body.matchAll(/(?<![A-Za-z\\])([A-Za-z]+) ?\(/g)) {
    const run = match[1] ?? "";
    const name = run.replace(/(?:big|Big|left)$/, "");
    if (!ASYMPTOTIC_NAMES.has(name)) continue;
    const open = match.index + match[0].length - 1;
    const close = matchingBracket(body, open);
    if (close !== -1 && lettersAreMathSafe(body.slice(open + 1, close))) return true;
  }
  return false;
}

/**
 * Greek names that are also English (alpha, beta, delta, ...) count only when
 * glued to math: `1-delta`, `gamma=...`, `phi(x)`, `alpha,!beta`.
 */
function hasGluedAmbiguousGreek(body: string): boolean {
  for (const match of body.matchAll(/(?<![A-Za-z\\])[A-Za-z]+(?![A-Za-z])/g)) {
    if (!GREEK_LETTERS.has(match[0])) continue;
    const start = match.index;
    const end = start + match[0].length;
    const next = body[end] ?? "";
    const previous = body[start - 1] ?? "";
    if ("(^_=<>".includes(next) && next !== "") return true;
    if ("=<>+".includes(previous) && previous !== "") return true;
    if (previous === "-" && /\d/.test(body[start - 2] ?? "")) return true;
    if (body.slice(end, end + 2) === ",!" || body.slice(start - 2, start) === ",!") return true;
  }
  return false;
}

/** Hard evidence that a chunk body is math. */
function hasMathCore(body: string): boolean {
  for (const match of body.matchAll(/(\\?)([A-Za-z]+)/g)) {
    const run = match[2] ?? "";
    if (match[1] === "\\") {
      if (TEX_COMMANDS.has(run)) return true;
      continue;
    }
    if (STANDALONE_TRIGGERS.has(run) || isGluedMathRun(run)) return true;
  }
  if (/(?<![\w^_}\\])\d+\{\d+\}/.test(body)) return true; // `1{2}`: a lost \frac
  return hasAsymptoticNotation(body) || hasGluedAmbiguousGreek(body);
}

/** Peels prose off a chunk: quotes, sentence punctuation, wrapping brackets, `sub-`, `-approximations`. */
function proseAffixes(text: string): { prefix: number; suffix: number } {
  let start = 0;
  let end = text.length;
  for (let changed = true; changed && start < end;) {
    changed = false;
    const body = text.slice(start, end);
    const last = body[body.length - 1] ?? "";
    const first = body[0] ?? "";
    if (/[.,;:!?"]/.test(last) || (last === "'" && body.endsWith("''"))) {
      end -= last === "'" ? 2 : 1;
      changed = true;
      continue;
    }
    if (")]}".includes(last) && bracketBalance(body) < 0) {
      end--;
      changed = true;
      continue;
    }
    const hyphenSuffix = /-([A-Za-z]+)(?:-[A-Za-z]+)*$/.exec(body);
    if (
      hyphenSuffix &&
      hyphenSuffix.index > 0 &&
      isProseWord(hyphenSuffix[1] ?? "") &&
      bracketBalance(body.slice(0, hyphenSuffix.index)) === 0
    ) {
      end = start + hyphenSuffix.index;
      changed = true;
      continue;
    }
    if (first === '"' || first === "`") {
      start++;
      changed = true;
      continue;
    }
    if (first === "(" || first === "[") {
      const close = matchingBracket(body, 0);
      // Wrapping parentheses are prose (`(sim50%)`); a wrapping `[n]` is a set.
      if (close === -1 || (close === body.length - 1 && first === "(")) {
        start++;
        if (close !== -1) end--;
        changed = true;
        continue;
      }
    }
    const hyphenPrefix = /^([A-Za-z]+)-(?=\S)/.exec(body);
    if (hyphenPrefix && isProseWord(hyphenPrefix[1] ?? "")) {
      start += hyphenPrefix[0].length;
      changed = true;
    }
  }
  return { prefix: start, suffix: text.length - end };
}

/** A word that is English rather than a variable or a command: `approximations`, `sub`, `CROWN`. */
function isProseWord(word: string): boolean {
  return word.length >= 2 && !TEX_COMMANDS.has(word);
}

function endsWithOperator(body: string): boolean {
  if (/[=<>+\-*/,^_]$/.test(body)) return true;
  const run = /[A-Za-z]+$/.exec(body)?.[0];
  if (!run || body[body.length - run.length - 1] === "\\") {
    return /\\(in|times|leq|geq|neq|cdot|ll|gg)$/.test(body);
  }
  const command = TEX_COMMANDS.get(lastCommandOf(run) ?? "");
  return command?.kind === "relation" || command?.kind === "prefix";
}

function startsWithOperator(body: string): boolean {
  if (/^[=<>+*/-]/.test(body)) return true;
  const run = /^[A-Za-z]+/.exec(body)?.[0];
  return run !== undefined && TEX_COMMANDS.get(run)?.kind === "relation";
}

function classify(body: string): ChunkKind {
  if (body === "") return "prose";
  if (RELATION_WORDS.has(body)) return "relation";
  // A word with a number is a name: `omega-3`, `sigma-70`, `GPT-4`.
  if (/^[A-Za-z]{2,}-\d+$/.test(body)) return "prose";
  const scripts = judgeScripts(body);
  if (scripts === "invalid") return "prose";
  if (scripts === "valid" || hasMathCore(body)) return "math";
  if (/^[A-Za-z]$/.test(body)) return body === "a" || body === "I" ? "prose" : "letter";
  if (/^\d+(?:\.\d+)?$/.test(body)) return "number";
  if (/^[A-Za-z]'?(?:in|ll|gg)$/.test(body)) return "glued-relation";
  if (/^[A-Za-z0-9+\-*/=<>|()[\]{}',.;!]+$/.test(body) && /[^A-Za-z]/.test(body)) {
    const runs = body.match(/[A-Za-z]+/g) ?? [];
    const safe = runs.every((run) => (run.length <= 2 && !ENGLISH_SHORT_WORDS.has(run)) || TEX_COMMANDS.get(run)?.kind === "relation");
    if (safe) return "expression";
  }
  return "prose";
}

function analyseChunk(text: string, start: number, end: number): Chunk {
  const raw = text.slice(start, end);
  const { prefix, suffix } = proseAffixes(raw);
  const body = raw.slice(prefix, raw.length - suffix);
  const kind = classify(body);
  const isOperator = kind === "relation";
  return {
    start,
    end,
    body,
    kind,
    bodyStart: start + prefix,
    bodyEnd: end - suffix,
    needsLeft: isOperator || (kind !== "prose" && startsWithOperator(body)),
    needsRight: isOperator || kind === "glued-relation" || (kind !== "prose" && endsWithOperator(body)),
    seed: false,
  };
}

/** Whitespace-separated pieces, merged where brackets span spaces: `O(dm + m^2)`. */
function cutIntoChunks(text: string): TextRange[] {
  const pieces = [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const chunks: TextRange[] = [];
  for (let index = 0; index < pieces.length; index++) {
    const first = pieces[index];
    if (!first) continue;
    let merged: TextRange = { ...first };
    // `O (log(D) cdot |p|)`: asymptotic notation with a space before the bracket.
    const next = pieces[index + 1];
    if (next && ASYMPTOTIC_NAMES.has(text.slice(first.start, first.end)) && text[next.start] === "(") {
      merged = { start: first.start, end: next.end };
      index++;
    }
    if (bracketBalance(text.slice(merged.start, merged.end)) > 0) {
      for (let last = index + 1; last < Math.min(pieces.length, index + MAX_MERGED_CHUNKS); last++) {
        const candidate = text.slice(merged.start, pieces[last]?.end);
        // `Theta(log n)-bit`: the trailing `-bit` is prose and does not veto the merge.
        const { prefix, suffix } = proseAffixes(candidate);
        if (!lettersAreMathSafe(candidate.slice(prefix, candidate.length - suffix))) break;
        if (bracketBalance(candidate) === 0) {
          merged = { start: merged.start, end: pieces[last]?.end ?? merged.end };
          index = last;
          break;
        }
      }
    }
    chunks.push(merged);
  }
  return chunks;
}

const OPERAND_KINDS: ReadonlySet<ChunkKind> = new Set(["math", "letter", "number", "expression"]);

/** Whether two neighbouring chunks belong to one formula. */
function joins(left: Chunk, right: Chunk): boolean {
  if (left.bodyEnd !== left.end || right.bodyStart !== right.start) return false; // prose between them
  if (left.kind === "prose" || right.kind === "prose") return false;
  if (left.needsRight) {
    if (left.kind === "glued-relation" && left.body.endsWith("in")) return right.kind === "math";
    return OPERAND_KINDS.has(right.kind);
  }
  if (right.needsLeft) return OPERAND_KINDS.has(left.kind) || left.kind === "glued-relation";
  // Juxtaposition across a space: `mathfrak S d`, `D^{-1} exp(QK^top) V`.
  const isVariable = (chunk: Chunk): boolean => chunk.kind === "letter" && chunk.body !== "A";
  if (left.kind === "math") return right.kind === "math" || isVariable(right);
  return isVariable(left) && (right.kind === "math" || isVariable(right));
}

/** Rules that let a span start without a core: `n times d`, `mgg 1`. */
function markSeeds(chunks: Chunk[]): void {
  chunks.forEach((chunk, index) => {
    const previous = chunks[index - 1];
    const next = chunks[index + 1];
    if (chunk.kind === "relation" && chunk.body === "times" && previous && next) {
      const isLetter = (c: Chunk): boolean => c.kind === "letter" && c.body !== "A";
      if (isLetter(previous) && isLetter(next) && joins(previous, chunk) && joins(chunk, next)) chunk.seed = true;
    }
    // A lowercase consonant glued to ≪/≫ before a number: `mgg 1`. Vowels are
    // excluded because "all", "egg" and "ill" are words.
    if (chunk.kind === "glued-relation" && /^[b-df-hj-np-tv-z](?:ll|gg)$/.test(chunk.body) && next && joins(chunk, next)) {
      chunk.seed = true;
    }
  });
}

/**
 * Character ranges of `text` that are math, each a formula on its own.
 * Ranges never overlap and are in text order.
 */
export function findMathRanges(text: string): TextRange[] {
  const chunks = cutIntoChunks(text).map(({ start, end }) => analyseChunk(text, start, end));
  markSeeds(chunks);
  const ranges: TextRange[] = [];
  let covered = -1;
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index];
    if (!chunk || index <= covered || (chunk.kind !== "math" && !chunk.seed)) continue;
    let first = index;
    let last = index;
    while (first - 1 > covered && chunks[first - 1] && joins(chunks[first - 1] as Chunk, chunks[first] as Chunk)) first--;
    while (chunks[last + 1] && joins(chunks[last] as Chunk, chunks[last + 1] as Chunk)) last++;
    // A relation at either end has lost its operand: `lies in R^d` keeps `in` as a word.
    while (first < index && chunks[first]?.needsLeft && chunks[first]?.kind !== "math") first++;
    while (first < index && chunks[first]?.kind === "relation") first++;
    while (last > index && (chunks[last]?.kind === "relation" || chunks[last]?.kind === "glued-relation")) last--;
    const firstChunk = chunks[first] as Chunk;
    const lastChunk = chunks[last] as Chunk;
    ranges.push({ start: firstChunk.bodyStart, end: lastChunk.bodyEnd });
    covered = last;
    index = last;
  }
  return ranges;
}
