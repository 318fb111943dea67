/**
 * The TeX vocabulary the repair pass knows. Scraped abstracts lost the
 * backslash in front of these names (`epsilon`, `ell_p`, `mathcal{O}`), so
 * the tables answer two questions: "is this bare word a TeX command?" and
 * "how should it read as plain Unicode?".
 *
 * Commands are grouped by how they behave in an expression, because the
 * span finder needs to know which words need an operand on either side.
 */

export type CommandKind =
  /** A symbol that stands for a value: Greek letters, `ell`, `infty`. */
  | "symbol"
  /** Needs an operand on both sides: `in`, `leq`, `times`, `cdot`. */
  | "relation"
  /** Function names typeset upright: `log`, `exp`, `max`. */
  | "function"
  /** Names KaTeX has no command for: written `\operatorname{diag}`. */
  | "operatorname"
  /** Takes the next atom as its argument: `mathcal`, `sqrt`, `widetilde`. */
  | "prefix"
  /** Sizing and delimiters that only make sense next to brackets: `big`, `left`. */
  | "delimiter";

export interface TexCommand {
  kind: CommandKind;
  /** How the command reads in plain text ("" for pure layout commands). */
  unicode: string;
}

const GREEK_LOWER: Record<string, string> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  vartheta: "ϑ",
  iota: "ι",
  kappa: "κ",
  varkappa: "ϰ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  varpi: "ϖ",
  rho: "ρ",
  varrho: "ϱ",
  sigma: "σ",
  varsigma: "ς",
  tau: "τ",
  upsilon: "υ",
  phi: "ϕ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
};

const GREEK_UPPER: Record<string, string> = {
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Upsilon: "Υ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
};

export const GREEK_LETTERS: ReadonlySet<string> = new Set([...Object.keys(GREEK_LOWER), ...Object.keys(GREEK_UPPER)]);

const SYMBOLS: Record<string, string> = {
  ...GREEK_LOWER,
  ...GREEK_UPPER,
  ell: "ℓ",
  infty: "∞",
  nabla: "∇",
  partial: "∂",
  emptyset: "∅",
  top: "⊤",
  bot: "⊥",
  dagger: "†",
  ast: "∗",
  star: "⋆",
  prime: "′",
  dots: "…",
  ldots: "…",
  cdots: "⋯",
  forall: "∀",
  bullet: "•",
};

const RELATIONS: Record<string, string> = {
  in: "∈",
  notin: "∉",
  times: "×",
  cdot: "·",
  leq: "≤",
  geq: "≥",
  neq: "≠",
  ll: "≪",
  gg: "≫",
  sim: "∼",
  simeq: "≃",
  approx: "≈",
  equiv: "≡",
  propto: "∝",
  subseteq: "⊆",
  subset: "⊂",
  supseteq: "⊇",
  supset: "⊃",
  cup: "∪",
  cap: "∩",
  setminus: "∖",
  pm: "±",
  mp: "∓",
  rightarrow: "→",
  leftarrow: "←",
  mapsto: "↦",
  mid: "∣",
  circ: "∘",
  otimes: "⊗",
  oplus: "⊕",
  odot: "⊙",
  wedge: "∧",
  vee: "∨",
  perp: "⊥",
};

const FUNCTIONS = ["log", "ln", "exp", "sin", "cos", "tan", "max", "min", "sup", "inf", "lim", "det", "arg", "dim", "Pr", "sum", "prod"];

const OPERATOR_NAMES = ["diag", "poly", "polylog", "argmin", "argmax", "rank", "supp"];

const PREFIXES = [
  "mathcal",
  "mathbb",
  "mathfrak",
  "mathrm",
  "mathbf",
  "mathsf",
  "mathit",
  "boldsymbol",
  "operatorname",
  "widetilde",
  "widehat",
  "tilde",
  "hat",
  "bar",
  "overline",
  "vec",
  "sqrt",
  "frac",
  "binom",
  "text",
];

const DELIMITERS = [
  "big",
  "Big",
  "bigg",
  "Bigg",
  "left",
  "right",
  "langle",
  "rangle",
  "lfloor",
  "rfloor",
  "lceil",
  "rceil",
  "lVert",
  "rVert",
  "Vert",
  "vert",
  "quad",
  "qquad",
];

const DELIMITER_UNICODE: Record<string, string> = {
  langle: "⟨",
  rangle: "⟩",
  lfloor: "⌊",
  rfloor: "⌋",
  lceil: "⌈",
  rceil: "⌉",
  lVert: "‖",
  rVert: "‖",
  Vert: "‖",
  vert: "|",
  quad: " ",
  qquad: " ",
};

function buildCommandTable(): Map<string, TexCommand> {
  const table = new Map<string, TexCommand>();
  for (const [name, unicode] of Object.entries(SYMBOLS)) table.set(name, { kind: "symbol", unicode });
  for (const [name, unicode] of Object.entries(RELATIONS)) table.set(name, { kind: "relation", unicode });
  for (const name of FUNCTIONS) table.set(name, { kind: "function", unicode: name });
  table.set("sum", { kind: "function", unicode: "∑" });
  table.set("prod", { kind: "function", unicode: "∏" });
  for (const name of OPERATOR_NAMES) table.set(name, { kind: "operatorname", unicode: name });
  for (const name of PREFIXES) table.set(name, { kind: "prefix", unicode: "" });
  for (const name of DELIMITERS) table.set(name, { kind: "delimiter", unicode: DELIMITER_UNICODE[name] ?? "" });
  return table;
}

/** Every command the repair pass may restore, by bare name (case-sensitive). */
export const TEX_COMMANDS: ReadonlyMap<string, TexCommand> = buildCommandTable();

/**
 * Bare words that are math on their own, wherever they appear: none of them
 * is an English word, so `epsilon-approximations` or `for 2<p<infty` can be
 * repaired without any other evidence. Greek names that double as English
 * (alpha, beta, gamma, delta, lambda, pi, mu, ...) are deliberately absent:
 * "beta version", "gamma rays" and "AWS Lambda" must stay words.
 */
export const STANDALONE_TRIGGERS: ReadonlySet<string> = new Set([
  "epsilon",
  "varepsilon",
  "vartheta",
  "varphi",
  "varpi",
  "varrho",
  "varsigma",
  "varkappa",
  "sigma",
  "omega",
  "kappa",
  "theta",
  "upsilon",
  "infty",
  "nabla",
  "sqrt",
  "mathcal",
  "mathbb",
  "mathfrak",
  "mathrm",
  "mathbf",
  "mathsf",
  "boldsymbol",
  "widetilde",
  "widehat",
  "overline",
  "leq",
  "geq",
  "neq",
  "cdot",
  "cdots",
  "ldots",
  "subseteq",
  "supseteq",
  "propto",
  "emptyset",
  "langle",
  "rangle",
  "lfloor",
  "rfloor",
  "lceil",
  "rceil",
  "otimes",
  "oplus",
  "setminus",
  "mapsto",
  "rightarrow",
  "leftarrow",
  "notin",
  "frac",
]);

/**
 * Commands that prove a glued letter run is math (`pneq`, `mepsilon`,
 * `Omegasubseteq`, `Omegabig`): no English word contains them.
 */
export const GLUE_PROOF_COMMANDS: ReadonlySet<string> = new Set([...STANDALONE_TRIGGERS, "Omega", "Theta"]);

/**
 * Names used for asymptotic notation: `O(n)`, `o(1)`, `Omega(T^{2/3})`,
 * `Theta(log n)`. A capital O directly followed by a parenthesis never
 * happens in English prose.
 */
export const ASYMPTOTIC_NAMES: ReadonlySet<string> = new Set(["O", "o", "Omega", "Theta", "omega"]);

/**
 * Short English words that must never be read as variables, even inside
 * parentheses next to math ("(or Omega(...) if ...)").
 */
export const ENGLISH_SHORT_WORDS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "as",
  "at",
  "be",
  "by",
  "do",
  "go",
  "he",
  "if",
  "is",
  "it",
  "me",
  "my",
  "no",
  "of",
  "on",
  "or",
  "so",
  "to",
  "up",
  "us",
  "we",
  "am",
  "vs",
  "et",
  "al",
  "eg",
  "ie",
  "the",
  "and",
  "for",
  "are",
  "but",
  "not",
  "can",
  "has",
  "had",
  "was",
  "its",
  "our",
  "via",
  "per",
  "use",
  "new",
  "two",
  "one",
  "set",
  "may",
  "how",
  "why",
  "who",
  "out",
  "off",
  "own",
  "yet",
  "nor",
  "too",
  "few",
  "far",
  "low",
  "key",
  "see",
  "due",
  "non",
  "etc",
  "all",
  "any",
  "get",
  "let",
  "run",
  "way",
  "Is",
  "It",
  "In",
  "If",
  "On",
  "Of",
  "Or",
  "As",
  "At",
  "By",
  "We",
  "An",
  "To",
  "No",
  "So",
]);

/** Double-struck capitals for `\mathbb` in plain text (ℝ, ℕ, ...). */
export function doubleStruck(letter: string): string {
  const special: Record<string, string> = { C: "ℂ", H: "ℍ", N: "ℕ", P: "ℙ", Q: "ℚ", R: "ℝ", Z: "ℤ" };
  const known = special[letter];
  if (known) return known;
  if (/^[A-Z]$/.test(letter)) return String.fromCodePoint(0x1d538 + letter.charCodeAt(0) - 65);
  return letter;
}
