/**
 * Scores every topic of a compiled taxonomy against one paper.
 *
 * Each rule earns points at most once per field, so a long abstract that repeats
 * a word cannot drown out the title:
 *   title:    weight * titleWeight          if the phrase occurs in the title
 *   abstract: weight * (1 + log2(count))    if it occurs `count` >= 1 times
 * The logarithm still rewards an abstract that keeps returning to a theme.
 *
 * Within one topic, overlapping phrases do not double-count: matching runs left
 * to right and the longest phrase wins, so "large language model" does not also
 * score that topic's "language model" rule.
 */
import { tokenize } from "../text/tokenize.ts";
import type { CompiledRule, CompiledTaxonomy } from "./compile.ts";

export interface PaperText {
  title: string;
  abstract: string;
}

/** Scores indexed like `compiled.slugs`. */
export function scoreTopics(paper: PaperText, compiled: CompiledTaxonomy): Float64Array {
  const scores = new Float64Array(compiled.slugs.length);
  for (const rule of countRuleMatches(tokenize(paper.title), compiled).keys()) {
    scores[rule.topicIndex] = (scores[rule.topicIndex] ?? 0) + rule.weight * compiled.titleWeight;
  }
  for (const [rule, count] of countRuleMatches(tokenize(paper.abstract), compiled)) {
    scores[rule.topicIndex] = (scores[rule.topicIndex] ?? 0) + rule.weight * (1 + Math.log2(count));
  }
  return scores;
}

/** How often each rule's stem sequence occurs in `tokens` (only rules that occur). */
function countRuleMatches(tokens: readonly string[], compiled: CompiledTaxonomy): Map<CompiledRule, number> {
  const counts = new Map<CompiledRule, number>();
  // Per topic, the first token position not yet consumed by one of its phrases.
  const freeFrom = new Int32Array(compiled.slugs.length);
  tokens.forEach((token, start) => {
    // Candidates are sorted longest first by compileTaxonomy.
    for (const rule of compiled.rulesByFirstStem.get(token) ?? []) {
      if (start < (freeFrom[rule.topicIndex] ?? 0)) continue;
      if (!matchesAt(tokens, start, rule.stems)) continue;
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
      freeFrom[rule.topicIndex] = start + rule.stems.length;
    }
  });
  return counts;
}

function matchesAt(tokens: readonly string[], start: number, stems: readonly string[]): boolean {
  if (start + stems.length > tokens.length) return false;
  for (let offset = 1; offset < stems.length; offset++) {
    if (tokens[start + offset] !== stems[offset]) return false;
  }
  return true;
}
