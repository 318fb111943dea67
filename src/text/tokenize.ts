/**
 * Shared text tokenising for topic classification and related papers: both must
 * see words the same way, or a taxonomy phrase would never match an abstract.
 *
 * Pipeline: Unicode-normalise -> lowercase -> split on anything that is not a
 * letter or digit -> drop English stop words and single characters -> Porter stem.
 * So "Quantized LLMs" and "quantization of LLM" both yield `quantiz`, `llm`.
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
  const tokens: string[] = [];
  for (const word of splitWords(text)) {
    if (STOP_WORDS.has(word)) continue;
    tokens.push(cachedStem(word));
  }
  return tokens;
}
