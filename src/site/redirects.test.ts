import { describe, expect, it } from "vitest";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";
import { topicFeedAliases, topicRedirects } from "./redirects.ts";

describe("topicRedirects", () => {
  const taxonomy = testTaxonomy([
    topic("optimization", { convex: 3 }, ["combinatorial-optimization", "bandits-learning-theory"]),
    topic("image-generation", { "text to image": 3 }, ["generative-models"]),
  ]);

  it("sends each replaced slug's page to its new topic, sorted by old address", () => {
    expect(topicRedirects(taxonomy)).toEqual([
      { from: "/topics/bandits-learning-theory/", to: "/topics/optimization/" },
      { from: "/topics/combinatorial-optimization/", to: "/topics/optimization/" },
      { from: "/topics/generative-models/", to: "/topics/image-generation/" },
    ]);
  });

  it("has no redirect for a taxonomy that replaces nothing", () => {
    expect(topicRedirects(testTaxonomy([topic("graphs", { GNN: 3 })]))).toEqual([]);
  });

  it("makes feed aliases for topic redirects only", () => {
    const redirects = [...topicRedirects(taxonomy), { from: "/papers/old-slug/", to: "/papers/new-slug/" }];
    expect(topicFeedAliases(redirects)).toEqual([
      { from: "/topics/bandits-learning-theory/feed.xml", to: "/topics/optimization/feed.xml" },
      { from: "/topics/combinatorial-optimization/feed.xml", to: "/topics/optimization/feed.xml" },
      { from: "/topics/generative-models/feed.xml", to: "/topics/image-generation/feed.xml" },
    ]);
  });
});
