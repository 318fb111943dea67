import { classifyPaper } from "./classify.ts";
import { compileTaxonomy } from "./compile.ts";
import type { PaperText } from "./score.ts";
import type { Taxonomy } from "./taxonomy.ts";
import type { TopicModel } from "./topic-model.ts";

/**
 * The topics of each paper, in order: one run of a large archive's
 * classification, as a worker thread does it (everything it needs comes in
 * as plain data, since a compiled taxonomy does not cross threads).
 */
export function classifyEach(papers: readonly PaperText[], taxonomy: Taxonomy, model: TopicModel | null): string[][] {
  const compiled = compileTaxonomy(taxonomy, model ?? undefined);
  return papers.map((paper) => classifyPaper(paper, compiled));
}
