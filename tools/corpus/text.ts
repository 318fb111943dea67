import type { Random } from "./random.ts";
import type { Vocabulary, WordChain } from "./vocabulary.ts";

/** Math as the Daily Papers page scrapes it: TeX with its backslashes stripped. */
export const MATH_FRAGMENTS = [
  "ell_p",
  "ell_2",
  "ell_infty",
  "O(n^2)",
  "O(n sqrt n)",
  "O(n log n)",
  "mathcal{O}(1/epsilon^4)",
  "mathcal{O}(sqrt{T})",
  "tilde O(sqrt{dT})",
  "Omega(T^{2/3})",
  "Omega(epsilon^{-3})",
  "O(epsilon^{-2} log(1/delta))",
  "x in R^d",
  "W in R^{m times n}",
  "1 leq p < 2",
  "mathfrak S^{2/p}",
  "O(K^{1/3} T^{2/3})",
  "Theta(log n)",
  "d^{1+gamma}",
  "k^2 log k",
  "epsilon-stationary",
  "varepsilon-optimal",
  "|Ax-b|_2",
  "poly(log n, 1/epsilon)",
];

const SPEEDUPS = ["1.3times", "1.8times", "2.4times", "3times", "4.7times", "10times", "12.1times"];

const MATH_SENTENCES: readonly ((math: () => string, speedup: () => string) => string)[] = [
  (m) => `We prove a bound of ${m()} that matches the known lower bound of ${m()}.`,
  (m) => `Our method reduces the cost from ${m()} to ${m()} without loss of accuracy.`,
  (m, s) => `On standard benchmarks it achieves a ${s()} speedup over the strongest baseline.`,
  (m) => `For every ${m()} the algorithm returns a solution within ${m()} of the optimum.`,
  (m) => `We show that ${m()} samples suffice, improving on the previous ${m()}.`,
  (m, s) => `The resulting kernel runs ${s()} faster and needs ${m()} memory.`,
  (m) => `Given inputs ${m()}, the estimator converges at rate ${m()}.`,
];

const TITLE_JOINERS = ["for", "via", "with", "in", "through", "beyond"];
const TRAILING_FILLER = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "into",
  "of",
  "on",
  "or",
  "the",
  "to",
  "via",
  "with",
  "without",
  "through",
  "beyond",
]);
const SMALL_WORDS = new Set([
  "a",
  "an",
  "and",
  "as",
  "at",
  "by",
  "for",
  "from",
  "in",
  "into",
  "of",
  "on",
  "or",
  "the",
  "to",
  "via",
  "with",
  "vs",
]);
const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ra",
  "tu",
  "ve",
  "zo",
  "ne",
  "xi",
  "qua",
  "bri",
  "sto",
  "fle",
  "gra",
  "plu",
  "tor",
  "vex",
  "lum",
  "orc",
  "syn",
  "dra",
  "mor",
  "kel",
  "pho",
  "zen",
  "cri",
  "val",
  "nex",
  "hal",
  "rim",
];
const MODEL_SIZES = ["1B", "3B", "7B", "8B", "13B", "32B", "70B", "0.5B", "XL", "Pro", "Mini", "Lite", "R1", "V2", "v3", "2.5"];

/** A paper's own name: the acronym or model name that makes its title distinctive. */
export function makeName(random: Random, vocabulary: Vocabulary): string {
  const style = random.next();
  const syllables = (count: number) => Array.from({ length: count }, () => random.pick(SYLLABLES)).join("");
  if (style < 0.35) {
    const letters = "ABCDEFGHIKLMNOPRSTUVWXZ";
    const length = random.int(3, 6);
    let name = "";
    for (let i = 0; i < length; i++) name += letters[random.int(0, letters.length - 1)];
    return random.chance(0.2) ? `${name}-${random.int(2, 9)}` : name;
  }
  if (style < 0.7) {
    const first = random.pick(vocabulary.contentWords);
    const second = random.pick(vocabulary.contentWords);
    return capitalize(first.slice(0, random.int(3, 5))) + capitalize(second.slice(0, random.int(3, 6)));
  }
  return `${capitalize(syllables(random.int(2, 3)))}-${random.pick(MODEL_SIZES)}`;
}

/** One run of the title chain: a noun phrase like "Fixed Dimensional Encodings for Retrieval". */
function titlePhrase(random: Random, vocabulary: Vocabulary, maxWords: number): string[] {
  const words = [random.pick(vocabulary.titleStarts)];
  while (words.length < maxWords) {
    const next = vocabulary.titleNext.get(words[words.length - 1]!);
    if (!next || (words.length >= 3 && random.chance(0.12))) break;
    words.push(random.pick(next));
  }
  while (words.length > 1 && TRAILING_FILLER.has(words[words.length - 1]!.toLowerCase())) words.pop();
  return words;
}

/** A title in the sample's style, with the paper's name in it half the time. */
export function makeTitle(random: Random, vocabulary: Vocabulary, name: string): string {
  let words = titlePhrase(random, vocabulary, random.int(4, 11));
  if (words.length < 4 || random.chance(0.25)) {
    words = [...words, random.pick(TITLE_JOINERS), ...titlePhrase(random, vocabulary, random.int(2, 6))];
  }
  // Keep the phrase short enough that a name after it still falls inside the 80-character slug.
  while (words.length > 3 && words.join(" ").length > 60) words.pop();
  while (words.length > 1 && TRAILING_FILLER.has(words[words.length - 1]!.toLowerCase())) words.pop();
  const phrase = words
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : capitalize(word)))
    .join(" ");
  const style = random.next();
  let title: string;
  if (style < 0.5) title = `${name}: ${phrase}`;
  else if (style < 0.6) title = `${phrase} with ${name}`;
  else if (style < 0.65) title = `${phrase} in ${random.pick(MATH_FRAGMENTS)}`;
  else title = phrase;
  return title.length > 180 ? title.slice(0, title.lastIndexOf(" ", 180)) : title;
}

function sentence(random: Random, chain: WordChain): { text: string; words: number } {
  let id = random.pick(chain.starts);
  let text = chain.words[id]!;
  let count = 1;
  const limit = random.int(14, 40);
  while (!chain.ends[id] || count < 6) {
    const next = chain.next[id]!;
    if (next.length === 0 || count >= limit) break;
    id = random.pick(next);
    text += ` ${chain.words[id]!}`;
    count++;
  }
  if (!chain.ends[id]) text = `${text.replace(/[,;:]+$/, "")}.`;
  return { text, words: count };
}

/**
 * An abstract: bigram-chain sentences from the sample, the paper's name
 * introduced in the first sentences, and now and then a sentence of scraped math.
 */
export function makeAbstract(random: Random, vocabulary: Vocabulary, name: string): string {
  const target = random.int(90, 260);
  const sentences: string[] = [];
  let words = 0;
  const add = (text: string, count = 12) => {
    sentences.push(text);
    words += count;
  };
  const chained = () => {
    const { text, words: count } = sentence(random, vocabulary.abstract);
    add(text, count);
  };
  chained();
  const introduce = sentence(random, vocabulary.abstract);
  add(`We introduce ${name}, which ${introduce.text.charAt(0).toLowerCase()}${introduce.text.slice(1)}`, introduce.words + 3);
  const math = () => (random.chance(0.6) ? random.pick(MATH_FRAGMENTS) : random.pick(vocabulary.sampleMath));
  const speedup = () => random.pick(SPEEDUPS);
  while (words < target) {
    if (random.chance(0.12)) add(random.pick(MATH_SENTENCES)(math, speedup));
    else if (random.chance(0.08))
      add(
        `${name} ${random.pick(["outperforms", "improves on", "matches"])} ${random.pick(["prior work", "strong baselines", "larger models", "dense attention"])} by ${random.int(2, 40)}.${random.int(0, 9)}% on ${random.int(2, 12)} benchmarks.`,
      );
    else chained();
  }
  return sentences.join(" ");
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
