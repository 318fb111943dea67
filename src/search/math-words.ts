/**
 * Formulas are shown typeset (ε, ℓp, O(n log n)), so the words a reader types
 * for them ("epsilon", "ell_p", "infty") are not in the page's text. These are
 * those words, indexed as hidden text on the paper's page.
 */
import type { Segment } from "../math/repair.ts";

/** Names a reader may type for a symbol beside its TeX command name. */
const SYNONYMS: Record<string, string[]> = {
  infty: ["infinity"],
  varepsilon: ["epsilon"],
  epsilon: ["eps"],
  varphi: ["phi"],
  vartheta: ["theta"],
  ell: ["l"],
  leq: ["le"],
  geq: ["ge"],
  mathbb: [],
  mathcal: [],
  mathrm: [],
  mathbf: [],
  operatorname: [],
  text: [],
  frac: [],
  left: [],
  right: [],
};

/** The TeX of every formula in repaired texts, as the words a reader would search for, each once. */
export function mathSearchWords(...texts: (readonly Segment[])[]): string {
  const words = new Set<string>();
  for (const segments of texts) {
    for (const segment of segments) {
      if (segment.kind !== "math") continue;
      // `\ell_p` is also "ell_p" and "ellp"; `l_1` is "l_1" and "l1".
      for (const match of segment.tex.matchAll(/\\?([A-Za-z]+)_\{?([A-Za-z0-9]+)\}?/g)) {
        words.add(`${match[1]}_${match[2]}`);
        words.add(`${match[1]}${match[2]}`);
      }
      for (const match of segment.tex.matchAll(/\\([A-Za-z]+)/g)) {
        const name = match[1]!;
        const synonyms = SYNONYMS[name];
        if (synonyms?.length === 0) continue;
        words.add(name);
        for (const synonym of synonyms ?? []) words.add(synonym);
      }
      // The formula as plain words: "O(n \log n)" is "O(n log n)".
      const plain = segment.tex
        .replace(/\\([A-Za-z]+)/g, " $1 ")
        .replace(/[{}\\]/g, " ")
        .replace(/\s+/g, " ")
        .trim();
      if (/[A-Za-z]{2}/.test(plain) || /[()]/.test(plain)) words.add(plain.replace(/\s*([()])\s*/g, "$1"));
    }
  }
  return [...words].join(" ");
}
