/**
 * Precompiles a validated taxonomy into a lookup structure so classifying a
 * paper costs time linear in its token count, whatever the number of rules:
 * rules are indexed by the first token of their phrase, and each token position
 * only checks the few rules starting with that token.
 */
import { OTHER_SLUG, phraseKey, rulePattern, type Taxonomy } from "./taxonomy.ts";
import type { TopicModel } from "./topic-model.ts";

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
  /** Rules for the abstract and keywords. */
  readonly rulesByFirstStem: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Rules for the title: `rules` with `title_rules` added or overriding. */
  readonly titleRulesByFirstStem: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly ruleCount: number;
  readonly titleWeight: number;
  readonly keywordWeight: number;
  readonly extraMatchBonus: number;
  readonly maxExtraMatches: number;
  /** Per topic, the factor its score is scaled by (below 1 for general topics). */
  readonly scoreFactors: Float64Array;
  readonly minScore: number;
  readonly secondaryRatio: number;
  readonly maxTopics: number;
  /**
   * The trained topic model, when one was given for exactly this taxonomy's
   * topics (same slugs, same order); then it decides and the rules are its
   * evidence. A taxonomy edited into other topics is classified by its rules.
   */
  readonly model: TopicModel | null;
}

export function compileTaxonomy(taxonomy: Taxonomy, model?: TopicModel): CompiledTaxonomy {
  // The fallback is never scored: it is what a paper gets when nothing scores.
  const scorable = taxonomy.topics.filter((topic) => topic.slug !== OTHER_SLUG);
  const body: CompiledRule[] = [];
  const title: CompiledRule[] = [];
  scorable.forEach((topic, topicIndex) => {
    const compile = (phrase: string, weight: number) => ({ ...rulePattern(phrase), topicIndex, weight });
    const rules = Object.entries(topic.rules).map(([phrase, weight]) => compile(phrase, weight));
    const titleOnly = Object.entries(topic.title_rules).map(([phrase, weight]) => compile(phrase, weight));
    const overridden = new Set(titleOnly.map(phraseKey));
    body.push(...rules.map(toRule));
    title.push(...rules.filter((rule) => !overridden.has(phraseKey(rule))).map(toRule), ...titleOnly.map(toRule));
  });
  return {
    kind: "compiled-taxonomy",
    slugs: scorable.map((topic) => topic.slug),
    rulesByFirstStem: indexByFirstToken(body),
    titleRulesByFirstStem: indexByFirstToken(title),
    ruleCount: scorable.reduce((sum, topic) => sum + Object.keys(topic.rules).length + Object.keys(topic.title_rules).length, 0),
    titleWeight: taxonomy.title_weight,
    keywordWeight: taxonomy.keyword_weight,
    extraMatchBonus: taxonomy.extra_match_bonus,
    maxExtraMatches: taxonomy.max_extra_matches,
    scoreFactors: Float64Array.from(scorable, (topic) => (topic.general ? taxonomy.general_topic_factor : 1)),
    minScore: taxonomy.min_score,
    secondaryRatio: taxonomy.secondary_ratio,
    maxTopics: taxonomy.max_topics,
    model: model && modelFits(model, taxonomy) ? model : null,
  };
}

/** Whether a model's outputs are this taxonomy's topics, in order. */
export function modelFits(model: TopicModel, taxonomy: Taxonomy): boolean {
  const slugs = taxonomy.topics.map((topic) => topic.slug);
  return model.slugs.length === slugs.length && model.slugs.every((slug, index) => slug === slugs[index]);
}

function toRule({
  tokens,
  exact,
  topicIndex,
  weight,
}: {
  tokens: string[];
  exact: (string | null)[];
  topicIndex: number;
  weight: number;
}): CompiledRule {
  return { stems: tokens, exact, topicIndex, weight };
}

function indexByFirstToken(rules: readonly CompiledRule[]): Map<string, CompiledRule[]> {
  const index = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    const first = rule.stems[0];
    if (first === undefined) continue; // rejected by validation; tolerate hand-built objects
    const bucket = index.get(first) ?? [];
    bucket.push(rule);
    index.set(first, bucket);
  }
  // Longest phrase first, so scoring can let it win over phrases it contains.
  for (const bucket of index.values()) bucket.sort((a, b) => b.stems.length - a.stems.length);
  return index;
}
