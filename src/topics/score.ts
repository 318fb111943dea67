/**
 * Scores every topic of a compiled taxonomy against one paper.
 *
 * In each field (title, abstract, keywords) a topic's evidence is the weight of
 * its best matching phrase plus `extraMatchBonus` for each further distinct
 * phrase, at most `maxExtraMatches` of them. Repeating a word adds nothing, and
 * a topic with 40 rules cannot outscore one with 8 by sheer number: the best
 * single phrase decides, the others only break near-ties.
 *   score = (titleWeight * title + abstract + keywordWeight * keywords) * factor
 * where factor is below 1 for general topics (see taxonomy.ts `general`).
 *
 * Within one topic, overlapping phrases do not double-count: matching runs left
 * to right and the longest phrase wins, so "large language model" does not also
 * score that topic's "language model" rule.
 */
import { tokenizeKeepingCase } from "../text/tokenize.ts";
import type { CompiledRule, CompiledTaxonomy } from "./compile.ts";

type RuleIndex = CompiledTaxonomy["rulesByFirstStem"];

export interface PaperText {
  title: string;
  abstract: string;
  /** Keywords a source attaches (Hugging Face `ai_keywords`); optional evidence. */
  keywords?: readonly string[];
}

/** Per topic (indexed like `compiled.slugs`), the best phrase weight found in each field. */
export interface TopicScores {
  total: Float64Array;
  bestInTitle: Float64Array;
  bestInAbstract: Float64Array;
  bestInKeywords: Float64Array;
}

export function scoreTopicsInDetail(paper: PaperText, compiled: CompiledTaxonomy): TopicScores {
  const title = fieldEvidence([paper.title], compiled.titleRulesByFirstStem, compiled);
  const abstract = fieldEvidence([paper.abstract], compiled.rulesByFirstStem, compiled);
  const keywords = fieldEvidence(paper.keywords ?? [], compiled.rulesByFirstStem, compiled);
  const total = new Float64Array(compiled.slugs.length);
  for (let topic = 0; topic < total.length; topic++) {
    const evidence =
      compiled.titleWeight * title.evidence[topic]! + abstract.evidence[topic]! + compiled.keywordWeight * keywords.evidence[topic]!;
    total[topic] = evidence * compiled.scoreFactors[topic]!;
  }
  return { total, bestInTitle: title.best, bestInAbstract: abstract.best, bestInKeywords: keywords.best };
}

/** Scores indexed like `compiled.slugs`. */
export function scoreTopics(paper: PaperText, compiled: CompiledTaxonomy): Float64Array {
  return scoreTopicsInDetail(paper, compiled).total;
}

/** Evidence per topic from texts of one field; each text is matched on its own, so a phrase never spans two keywords. */
function fieldEvidence(
  texts: readonly string[],
  index: RuleIndex,
  compiled: CompiledTaxonomy,
): { best: Float64Array; evidence: Float64Array } {
  const matched = new Set<CompiledRule>();
  for (const text of texts) for (const rule of matchingRules(text, index, compiled.slugs.length)) matched.add(rule);
  const best = new Float64Array(compiled.slugs.length);
  const distinct = new Int32Array(compiled.slugs.length);
  for (const rule of matched) {
    best[rule.topicIndex] = Math.max(best[rule.topicIndex]!, rule.weight);
    distinct[rule.topicIndex]!++;
  }
  const evidence = new Float64Array(compiled.slugs.length);
  for (let topic = 0; topic < evidence.length; topic++) {
    if (distinct[topic] === 0) continue;
    evidence[topic] = best[topic]! + compiled.extraMatchBonus * Math.min(compiled.maxExtraMatches, distinct[topic]! - 1);
  }
  return { best, evidence };
}

/** The rules whose phrase occurs in `text`. */
function matchingRules(text: string, index: RuleIndex, topicCount: number): Set<CompiledRule> {
  const { tokens, words } = tokenizeKeepingCase(text);
  const found = new Set<CompiledRule>();
  // Per topic, the first token position not yet consumed by one of its phrases.
  const freeFrom = new Int32Array(topicCount);
  tokens.forEach((token, start) => {
    // Candidates are sorted longest first by compileTaxonomy.
    for (const rule of index.get(token) ?? []) {
      if (start < freeFrom[rule.topicIndex]!) continue;
      if (!matchesAt(tokens, words, start, rule)) continue;
      found.add(rule);
      freeFrom[rule.topicIndex] = start + rule.stems.length;
    }
  });
  return found;
}

function matchesAt(tokens: readonly string[], words: readonly string[], start: number, rule: CompiledRule): boolean {
  if (start + rule.stems.length > tokens.length) return false;
  for (let offset = 0; offset < rule.stems.length; offset++) {
    if (tokens[start + offset] !== rule.stems[offset]) return false;
    const exact = rule.exact[offset];
    if (exact != null) {
      const word = words[start + offset]!;
      if (word !== exact && word !== `${exact}s`) return false;
    }
  }
  return true;
}
