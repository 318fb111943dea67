import fs from "node:fs";
import path from "node:path";
import { parseDigest } from "../../src/digest/parse-digest.ts";

/**
 * Word material for synthetic digests, learnt from one real digest: bigram
 * chains over its titles and abstracts (so generated text reads like the
 * sample, scraped math and all), plus the sample's math-looking tokens.
 */
export interface Vocabulary {
  /** Title words: each word's observed successors, with repeats for frequency. */
  titleNext: Map<string, string[]>;
  /** Words that start a title or a title part (after "Title:"). */
  titleStarts: string[];
  /** The abstract bigram chain over word ids, built for speed: 30k abstracts take a second or two. */
  abstract: WordChain;
  /** Content words (for acronyms and filler), lowercase, at least 5 letters. */
  contentWords: string[];
  /** Math-looking tokens seen in the sample's abstracts (`ell_p`, `O(n^2)`, ...). */
  sampleMath: string[];
}

export interface WordChain {
  words: string[];
  /** Successor ids of each word, with repeats for frequency. */
  next: number[][];
  /** Whether the word ends a sentence. */
  ends: boolean[];
  /** Ids of words that start a sentence. */
  starts: number[];
}

export const DEFAULT_SAMPLE = "content/digests/2025-08-20.txt";

const MATH_TOKEN = /[\^_{}]|times|leq|geq|mathcal|mathfrak|epsilon|sqrt|infty|Omega\(|O\(/;
const SENTENCE_END = /[.!?]$/;

export function loadVocabulary(sampleFile: string): Vocabulary {
  return buildVocabulary(fs.readFileSync(sampleFile, "utf8"), path.basename(sampleFile));
}

export function buildVocabulary(sample: string, fileName = "2025-08-20.txt"): Vocabulary {
  const parsed = parseDigest(sample, fileName);
  if (!parsed.digest)
    throw new Error(`the sample digest ${fileName} does not parse: ${parsed.problems.map((problem) => problem.message).join("; ")}`);
  const entries = parsed.digest.entries;
  if (entries.length === 0) throw new Error(`the sample digest ${fileName} has no papers`);

  const titleNext = new Map<string, string[]>();
  const titleStarts: string[] = [];
  const abstractNext = new Map<string, string[]>();
  const sentenceStarts: string[] = [];
  const content = new Set<string>();
  const math = new Set<string>();

  const link = (chain: Map<string, string[]>, from: string, to: string) => {
    const list = chain.get(from);
    if (list) list.push(to);
    else chain.set(from, [to]);
  };

  for (const { title, abstract } of entries) {
    // "MUVERA: Multi-Vector Retrieval via ..." is two parts; the acronym part is the paper's own, not vocabulary.
    const parts = title.split(/:\s+/);
    const usable = parts.length > 1 && parts[0]!.split(" ").length === 1 ? parts.slice(1) : parts;
    for (const part of usable) {
      const words = part.split(" ").filter(Boolean);
      if (words.length === 0) continue;
      titleStarts.push(words[0]!);
      for (let i = 0; i + 1 < words.length; i++) link(titleNext, words[i]!, words[i + 1]!);
    }

    const words = abstract.split(" ").filter((word) => word && !/^https?:/.test(word));
    let atStart = true;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (atStart && /^[A-Z]/.test(word)) sentenceStarts.push(word);
      atStart = SENTENCE_END.test(word);
      const next = words[i + 1];
      if (next !== undefined) link(abstractNext, word, next);
      const bare = word.replace(/[.,;:()"]+/g, "");
      if (/^[a-z]{5,}$/.test(bare)) content.add(bare);
      if (MATH_TOKEN.test(word) && word.length <= 40 && !/[\\]/.test(word)) math.add(word.replace(/[.,;]+$/, ""));
    }
  }
  return {
    titleNext,
    titleStarts,
    abstract: toChain(abstractNext, sentenceStarts),
    contentWords: [...content].sort(),
    sampleMath: [...math].sort(),
  };
}

function toChain(next: Map<string, string[]>, starts: string[]): WordChain {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const idOf = (word: string) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = words.length;
      ids.set(word, id);
      words.push(word);
    }
    return id;
  };
  for (const word of starts) idOf(word);
  for (const [word, successors] of next) {
    idOf(word);
    for (const successor of successors) idOf(successor);
  }
  return {
    words,
    next: words.map((word) => (next.get(word) ?? []).map(idOf)),
    ends: words.map((word) => SENTENCE_END.test(word)),
    starts: starts.map(idOf),
  };
}
