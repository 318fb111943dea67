/**
 * Shared text tokenising for topic classification and related papers: both must
 * see words the same way, or a taxonomy phrase would never match an abstract.
 *
 * Pipeline: Unicode-normalise -> lowercase -> split on anything that is not a
 * letter or digit -> drop English stop words and single characters -> Porter stem.
 * So "Quantized LLMs" and "quantization of LLM" both yield `quantiz`, `llm`.
 * Words where Porter stemming merges unrelated meanings, or misses a form,
 * go through the lemma table first (see LEMMAS).
 */
import { stemmer } from "stemmer";
import { eng as englishStopWords } from "stopword";

// `removeStopwords` scans the list for every token; a Set is O(1) per token,
// which matters when tokenising tens of thousands of abstracts.
const STOP_WORDS: ReadonlySet<string> = new Set(englishStopWords);

// Stemming dominates tokenising cost and real text reuses a small vocabulary,
// so memoise it. Bounded so a pathological input cannot grow it forever.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

function cachedStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stemmer(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * Word -> token for the words the Porter stemmer gets wrong: it folds
 * "objective" into "object", "generation" into "general", "distributed" into
 * "distribution" and "tokenizer" into "token", and leaves "inferencing" apart
 * from "inference". Each entry's token is the same for all of its forms.
 */
const LEMMA_GROUPS: Readonly<Record<string, readonly string[]>> = {
  infer: ["inferencing", "inferences", "inference"],
  objective: ["objective", "objectives"],
  general: [
    "general",
    "generally",
    "generalize",
    "generalise",
    "generalizes",
    "generalized",
    "generalization",
    "generalisation",
    "generalizable",
    "generality",
    "generalizing",
  ],
  generat: ["generate", "generates", "generated", "generating", "generation", "generations", "generative", "generator", "generators"],
  distributed: ["distributed"],
  tokeniz: ["tokenizer", "tokenizers", "tokenization", "tokenisation", "tokenize", "tokenized", "tokenizing", "tokeniser"],
  optimizer: ["optimizer", "optimizers", "optimiser", "optimisers"],
  optimal: ["optimal", "optimality", "optimally"],
  ranking: ["ranking", "rankings", "ranker", "rankers"],
  segmentation: ["segmentation", "segmentations", "segmenting"],
  physical: ["physical", "physically"],
  driving: ["driving"],
  clustering: ["clustering"],
  accelerator: ["accelerator", "accelerators"],
  alignment: ["alignment", "alignments"],
  imaging: ["imaging"],
  university: ["university", "universities"],
  universal: ["universal", "universally"],
};

const LEMMAS: ReadonlyMap<string, string> = new Map(
  Object.entries(LEMMA_GROUPS).flatMap(([token, words]) => words.map((word) => [word, token] as const)),
);

/** Every lowercased alphanumeric run in reading order, single characters included. */
export function allWords(text: string): string[] {
  return (
    text
      // NFKD splits accented letters into letter + combining mark; dropping the
      // marks folds "Schrödinger" to "schrodinger" instead of splitting it.
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== "")
  );
}

/** Lowercased words in reading order, before stop-word removal and stemming. */
export function splitWords(text: string): string[] {
  // Single characters ("x", "n", "m" from maths) carry no topical meaning.
  return allWords(text).filter((word) => word.length > 1);
}

/**
 * Stemmed content tokens of `text`, in order (order matters for phrase matching).
 * Alphanumeric tokens such as `llm`, `3d`, `int8` are kept whole.
 */
export function tokenize(text: string): string[] {
  return tokenizeKeepingCase(text).tokens;
}

/** A word's token: its lemma if the table has one, else its Porter stem. */
export function tokenOf(lowercaseWord: string): string {
  return LEMMAS.get(lowercaseWord) ?? cachedStem(lowercaseWord);
}

/**
 * `tokenize`, plus each token's word as written (case kept), so acronyms can
 * be matched case-sensitively: "RAG" is not "rag", "MIP" not "mip".
 */
export function tokenizeKeepingCase(text: string): { tokens: string[]; words: string[] } {
  const tokens: string[] = [];
  const words: string[] = [];
  const written = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .split(/[^A-Za-z0-9]+/);
  for (const word of written) {
    if (word.length < 2) continue;
    const lower = word.toLowerCase();
    if (STOP_WORDS.has(lower)) continue;
    tokens.push(tokenOf(lower));
    words.push(word);
  }
  return { tokens, words };
}
