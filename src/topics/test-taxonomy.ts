/** Builds small in-memory taxonomies for the topic tests. */
import type { Taxonomy, Topic } from "./taxonomy.ts";

export function topic(slug: string, rules: Record<string, number>): Topic {
  return { name: slug, slug, description: `${slug} papers.`, rules };
}

export const OTHER_TOPIC: Topic = topic("other", {});

export function testTaxonomy(topics: Topic[], overrides: Partial<Omit<Taxonomy, "topics">> = {}): Taxonomy {
  return { title_weight: 3, min_score: 2, secondary_ratio: 0.5, max_topics: 3, ...overrides, topics: [...topics, OTHER_TOPIC] };
}
