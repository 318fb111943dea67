/**
 * Assigns each paper 1 to 3 topic slugs, best first. Deterministic: equal scores
 * keep taxonomy order. A paper nothing matches is filed under "other", never dropped.
 */
import { compileTaxonomy, type CompiledTaxonomy } from "./compile.ts";
import { scoreTopics, type PaperText } from "./score.ts";
import { OTHER_SLUG, type Taxonomy } from "./taxonomy.ts";

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

export function classifyPaper(paper: PaperText, taxonomy: Taxonomy | CompiledTaxonomy): string[] {
  const compiled = compiledFor(taxonomy);
  const scores = scoreTopics(paper, compiled);
  const ranked = [...scores.keys()]
    .filter((index) => (scores[index] ?? 0) >= compiled.minScore && (scores[index] ?? 0) > 0)
    // Stable order: higher score first, then earlier in the taxonomy.
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const bestIndex = ranked[0];
  if (bestIndex === undefined) return [OTHER_SLUG];

  // Secondary topics must be close to the best one, so a passing mention of
  // "GPU" does not file a theory paper under hardware.
  const cutoff = (scores[bestIndex] ?? 0) * compiled.secondaryRatio;
  return ranked
    .filter((index) => (scores[index] ?? 0) >= cutoff)
    .slice(0, compiled.maxTopics)
    .map((index) => compiled.slugs[index] ?? OTHER_SLUG);
}
