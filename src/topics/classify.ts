/**
 * Assigns each paper 1 to 3 topic slugs, main subject first. Deterministic:
 * equal scores keep taxonomy order. A paper nothing matches is filed under
 * "other", never dropped.
 *
 * With a trained model for the taxonomy (see topic-model.ts), the model
 * decides, reading the rule scores as part of its evidence. Without one, the
 * rules decide on their own:
 *
 * The main topic is the best total score, which the title dominates. A further
 * topic needs its own specific evidence (a weight-3 phrase in the title,
 * abstract or keywords) and a score near the main one, so a passing
 * "reasoning", "agent" or "LLM" adds nothing.
 */
import { compileTaxonomy, type CompiledTaxonomy } from "./compile.ts";
import { scoreTopicsInDetail, type PaperText } from "./score.ts";
import { OTHER_SLUG, type Taxonomy } from "./taxonomy.ts";
import { predictTopics, topicFeatures } from "./topic-model.ts";

/** Weight of a phrase that is specific: it alone may add a topic from the abstract or keywords. */
export const SPECIFIC_WEIGHT = 3;

// Callers may pass the raw taxonomy for convenience; compile it only once per
// taxonomy object so classifying a whole archive stays linear.
const compiledCache = new WeakMap<Taxonomy, CompiledTaxonomy>();

function compiledFor(taxonomy: Taxonomy | CompiledTaxonomy): CompiledTaxonomy {
  if ("kind" in taxonomy && taxonomy.kind === "compiled-taxonomy") return taxonomy;
  const raw = taxonomy as Taxonomy;
  let compiled = compiledCache.get(raw);
  if (compiled === undefined) {
    compiled = compileTaxonomy(raw);
    compiledCache.set(raw, compiled);
  }
  return compiled;
}

/** `paper.card.keywords` is used when present (a Paper passes as is). */
export function classifyPaper(
  paper: PaperText & { card?: { keywords?: readonly string[] } },
  taxonomy: Taxonomy | CompiledTaxonomy,
): string[] {
  const compiled = compiledFor(taxonomy);
  const keywords = paper.keywords ?? paper.card?.keywords;
  const text = { title: paper.title, abstract: paper.abstract, ...(keywords ? { keywords } : {}) };
  const scores = scoreTopicsInDetail(text, compiled);
  const { total } = scores;
  if (compiled.model) {
    const ruleScores = new Map(compiled.slugs.map((slug, index) => [slug, total[index]!]));
    const predicted = predictTopics(compiled.model, topicFeatures(text, compiled.model, ruleScores));
    return predicted.map((index) => compiled.model!.slugs[index]!);
  }
  const ranked = [...total.keys()]
    .filter((index) => total[index]! > 0)
    // Stable order: higher score first, then earlier in the taxonomy.
    .sort((a, b) => total[b]! - total[a]! || a - b);
  const main = ranked[0];
  if (main === undefined || total[main]! < compiled.minScore) return [OTHER_SLUG];

  const cutoff = Math.max(compiled.minScore, total[main]! * compiled.secondaryRatio);
  const hasOwnEvidence = (index: number) =>
    scores.bestInTitle[index]! >= SPECIFIC_WEIGHT ||
    scores.bestInAbstract[index]! >= SPECIFIC_WEIGHT ||
    scores.bestInKeywords[index]! >= SPECIFIC_WEIGHT;
  const secondary = ranked.slice(1).filter((index) => total[index]! >= cutoff && hasOwnEvidence(index));
  return [main, ...secondary].slice(0, compiled.maxTopics).map((index) => compiled.slugs[index] ?? OTHER_SLUG);
}
