/**
 * Precompiles a validated taxonomy into a lookup structure so classifying a
 * paper costs time linear in its token count, whatever the number of rules:
 * rules are indexed by the first token of their phrase, and each token position
 * only checks the few rules starting with that token.
 */
import { OTHER_SLUG, rulePattern, type Taxonomy } from "./taxonomy.ts";

export interface CompiledRule {
  /** Token sequence the text must contain, consecutively. */
  stems: readonly string[];
  /** Per position, the spelling an acronym must have (plural "s" allowed), or null to match any case. */
  exact: readonly (string | null)[];
  /** Index into `CompiledTaxonomy.slugs`. */
  topicIndex: number;
  weight: number;
}

export interface CompiledTaxonomy {
  readonly kind: "compiled-taxonomy";
  /** Slugs of the scorable topics in taxonomy order (the fallback excluded). */
  readonly slugs: readonly string[];
  readonly rulesByFirstStem: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly ruleCount: number;
  readonly titleWeight: number;
  readonly keywordWeight: number;
  readonly extraMatchBonus: number;
  readonly maxExtraMatches: number;
  readonly minScore: number;
  readonly secondaryRatio: number;
  readonly maxTopics: number;
}

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  // The fallback is never scored: it is what a paper gets when nothing scores.
  const scorable = taxonomy.topics.filter((topic) => topic.slug !== OTHER_SLUG);
  const rulesByFirstStem = new Map<string, CompiledRule[]>();
  let ruleCount = 0;
  scorable.forEach((topic, topicIndex) => {
    for (const [phrase, weight] of Object.entries(topic.rules)) {
      const { tokens, exact } = rulePattern(phrase);
      const first = tokens[0];
      if (first === undefined) continue; // rejected by validation; tolerate hand-built objects
      const bucket = rulesByFirstStem.get(first) ?? [];
      bucket.push({ stems: tokens, exact, topicIndex, weight });
      rulesByFirstStem.set(first, bucket);
      ruleCount++;
    }
  });
  // Longest phrase first, so scoring can let it win over phrases it contains.
  for (const bucket of rulesByFirstStem.values()) bucket.sort((a, b) => b.stems.length - a.stems.length);
  return {
    kind: "compiled-taxonomy",
    slugs: scorable.map((topic) => topic.slug),
    rulesByFirstStem,
    ruleCount,
    titleWeight: taxonomy.title_weight,
    keywordWeight: taxonomy.keyword_weight,
    extraMatchBonus: taxonomy.extra_match_bonus,
    maxExtraMatches: taxonomy.max_extra_matches,
    minScore: taxonomy.min_score,
    secondaryRatio: taxonomy.secondary_ratio,
    maxTopics: taxonomy.max_topics,
  };
}
