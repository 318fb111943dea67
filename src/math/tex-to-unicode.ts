/**
 * TeX as readable plain Unicode, for places that cannot typeset math:
 * `<title>`, feeds, meta descriptions and the search index.
 * `\ell_p` → ℓp, `x \in R^d` → x ∈ R^d, `\mathcal{O}(1/\epsilon^4)` → O(1/ε^4).
 * It aims at legibility, not at a faithful rendering of every construct.
 */
import { doubleStruck, TEX_COMMANDS } from "./tex-commands.ts";

/** Relations read better with a space either side: `x ∈ R^d`, `m ≪ n`. */
const SPACED_RELATIONS = new Set([
  "in",
  "notin",
  "leq",
  "geq",
  "neq",
  "le",
  "ge",
  "ne",
  "ll",
  "gg",
  "sim",
  "simeq",
  "approx",
  "equiv",
  "propto",
  "subseteq",
  "subset",
  "supseteq",
  "supset",
  "to",
  "rightarrow",
  "leftarrow",
  "mapsto",
]);

const COMBINING_FOR_ACCENT: Record<string, string> = {
  widetilde: "\u0303",
  tilde: "\u0303",
  widehat: "\u0302",
  hat: "\u0302",
  bar: "\u0304",
  overline: "\u0305",
  vec: "\u20D7",
  dot: "\u0307",
};

const ROOT_SIGNS: Record<string, string> = { "": "√", "2": "√", "3": "∛", "4": "∜" };

const SPACING_COMMANDS: Record<string, string> = {
  ",": "",
  ";": " ",
  ":": " ",
  "!": "",
  " ": " ",
  quad: " ",
  qquad: " ",
};

/** Commands the repair pass never writes but a digest's own `$...$` may use. */
const EXTRA_SYMBOLS: Record<string, string> = {
  to: "→",
  le: "≤",
  ge: "≥",
  ne: "≠",
  Rightarrow: "⇒",
  Leftarrow: "⇐",
  Leftrightarrow: "⇔",
  leftrightarrow: "↔",
  implies: "⟹",
  iff: "⟺",
  exists: "∃",
  ni: "∋",
  lvert: "|",
  rvert: "|",
  colon: ":",
  cdotp: "·",
  lt: "<",
  gt: ">",
};

const MAX_DEPTH = 50;

class TexReader {
  private position = 0;
  constructor(
    private readonly tex: string,
    private readonly depth = 0,
  ) {}

  readAll(): string {
    let out = "";
    while (this.position < this.tex.length) out = this.appendAtom(out);
    return out;
  }

  /** Reads one argument: a `{group}`, a command, or a single character. */
  private readArgument(): string {
    this.skipSpaces();
    const char = this.tex[this.position];
    if (char === undefined) return "";
    if (char === "{") return this.readGroup("{", "}");
    return this.appendAtom("");
  }

  private readGroup(open: string, close: string): string {
    let level = 0;
    const start = this.position + 1;
    for (let index = this.position; index < this.tex.length; index++) {
      const char = this.tex[index];
      if (char === "\\") {
        index++;
        continue;
      }
      if (char === open) level++;
      else if (char === close && --level === 0) {
        this.position = index + 1;
        return this.nested(this.tex.slice(start, index));
      }
    }
    // Unbalanced: read the rest as the group.
    this.position = this.tex.length;
    return this.nested(this.tex.slice(start));
  }

  private nested(inner: string): string {
    if (this.depth >= MAX_DEPTH) return inner.replace(/[{}\\]/g, "");
    return new TexReader(inner, this.depth + 1).readAll();
  }

  private skipSpaces(): void {
    while (this.tex[this.position] === " ") this.position++;
  }

  private appendAtom(out: string): string {
    const char = this.tex[this.position] ?? "";
    if (char === "\\") return this.appendCommand(out);
    if (char === "{") return out + this.readGroup("{", "}");
    if (char === "}") {
      this.position++;
      return out;
    }
    if (char === "^" || char === "_") {
      this.position++;
      return this.appendScript(out, char, this.readArgument());
    }
    this.position++;
    if (char === "~") return `${out} `;
    return out + char;
  }

  private appendScript(out: string, marker: string, script: string): string {
    const single = [...script].length === 1;
    if (marker === "_" && single && /[\p{L}]$/u.test(out)) return out + script; // ℓp, x1, Vm
    return out + marker + (single ? script : `(${script})`);
  }

  private appendCommand(out: string): string {
    const match = /^\\([A-Za-z]+|.)/.exec(this.tex.slice(this.position));
    const name = match?.[1] ?? "";
    this.position += match?.[0].length ?? 1;
    // TeX drops the space after a control word: it only ends the name.
    if (/^[A-Za-z]/.test(name)) this.skipSpaces();
    if (name in SPACING_COMMANDS) return out + (SPACING_COMMANDS[name] ?? "");
    if (!/^[A-Za-z]/.test(name)) return out + name; // \% \{ \$ and friends
    if (name === "operatorname" && this.tex[this.position] === "*") this.position++;
    if (name === "frac" || name === "tfrac" || name === "dfrac") {
      const numerator = this.readArgument();
      const denominator = this.readArgument();
      return `${out}${parenthesize(numerator)}/${parenthesize(denominator)}`;
    }
    if (name === "sqrt") {
      this.skipSpaces();
      const index = this.tex[this.position] === "[" ? this.readGroup("[", "]") : "";
      const sign = ROOT_SIGNS[index] ?? `${index}√`;
      return out + sign + parenthesize(this.readArgument());
    }
    if (name === "mathbb") return out + [...this.readArgument()].map(doubleStruck).join("");
    const accent = COMBINING_FOR_ACCENT[name];
    if (accent) return out + (this.readArgument() + accent).normalize("NFC");
    const command = TEX_COMMANDS.get(name);
    if (command?.kind === "prefix") return out + this.readArgument();
    if (command?.kind === "function" || command?.kind === "operatorname") {
      const word = command.unicode;
      const spaced = /[\p{L}\p{N})]$/u.test(out) ? ` ${word}` : word;
      return out + spaced + (/^ ?[A-Za-z\\]/.test(this.tex.slice(this.position)) ? " " : "");
    }
    const symbol = command?.unicode ?? EXTRA_SYMBOLS[name];
    if (symbol !== undefined && SPACED_RELATIONS.has(name)) return `${out} ${symbol} `;
    if (symbol !== undefined) return out + symbol;
    return out + name; // unknown command: its name reads better than nothing
  }
}

/** `a/b` needs no brackets; `(1+p)/p` does. */
function parenthesize(text: string): string {
  const trimmed = text.trim();
  if ([...trimmed].length <= 1 || /^[\p{L}\p{N}.]+$/u.test(trimmed)) return trimmed;
  if (/^\(.*\)$/.test(trimmed)) return trimmed;
  return `(${trimmed})`;
}

/** Plain Unicode reading of a TeX formula. */
export function texToUnicode(tex: string): string {
  return new TexReader(tex).readAll().replace(/\s+/g, " ").trim();
}
