import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTaxonomy, parseTaxonomy, TaxonomyError } from "./taxonomy.ts";
import { tempFolderSync } from "../../test/temp-folder.ts";

const HEADER = "title_weight: 3\nmin_score: 2\nsecondary_ratio: 0.5\nmax_topics: 3\n";
const OTHER = "  - { name: Other, slug: other, description: Everything else. }\n";

function errorOf(yamlText: string): string {
  try {
    parseTaxonomy(yamlText, "topics.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(TaxonomyError);
    return (error as Error).message;
  }
  throw new Error("expected the taxonomy to be rejected");
}

describe("parseTaxonomy", () => {
  it("accepts a minimal taxonomy and defaults missing rules to none", () => {
    const taxonomy = parseTaxonomy(
      `${HEADER}topics:\n  - name: Robots\n    slug: robotics\n    description: Robots.\n    rules: { robot: 3 }\n${OTHER}`,
      "topics.yaml",
    );
    expect(taxonomy.title_weight).toBe(3);
    expect(taxonomy.topics.map((topic) => topic.slug)).toEqual(["robotics", "other"]);
    expect(taxonomy.topics[1]?.rules).toEqual({});
  });

  it("rejects duplicate slugs, naming the file and both topics", () => {
    const message = errorOf(
      `${HEADER}topics:\n  - { name: A, slug: graphs, description: a. }\n  - { name: B, slug: graphs, description: b. }\n${OTHER}`,
    );
    expect(message).toContain("topics.yaml");
    expect(message).toContain('topics[1] (slug "graphs", name "B") > slug');
    expect(message).toContain("duplicate slug");
    expect(message).toContain("topic #1");
  });

  it.each(["Graphs", "graph_learning", "-graphs", "graphs--ml", "grâph"])("rejects the slug %j", (slug) => {
    const message = errorOf(`${HEADER}topics:\n  - { name: G, slug: "${slug}", description: g. }\n${OTHER}`);
    expect(message).toMatch(/topics\[0\].*> slug: slug must be lowercase ASCII/);
  });

  it("names the topic and field that is missing or malformed", () => {
    const message = errorOf(`${HEADER}topics:\n  - { name: Vision, slug: vision, rules: { image: -1 } }\n${OTHER}`);
    expect(message).toContain('topics[0] (slug "vision", name "Vision") > description');
    expect(message).toContain('topics[0] (slug "vision", name "Vision") > rules > image');
  });

  it("rejects unknown fields so typos such as `rule:` are not silently ignored", () => {
    expect(errorOf(`${HEADER}topics:\n  - { name: V, slug: v, description: v., rule: { a: 1 } }\n${OTHER}`)).toContain("rule");
  });

  it("requires the `other` fallback topic", () => {
    expect(errorOf(`${HEADER}topics:\n  - { name: V, slug: vision, description: v. }\n`)).toContain('slug "other" is required');
  });

  it("rejects rules that stem to the same phrase, or match nothing", () => {
    const message = errorOf(
      `${HEADER}topics:\n  - name: Q\n    slug: quant\n    description: q.\n    rules: { quantization: 2, quantized: 1, "of the": 1, "q learning": 1 }\n${OTHER}`,
    );
    expect(message).toContain('rules > quantized: same stemmed phrase "quantiz" as rule "quantization"');
    expect(message).toContain("rules > of the: phrase has no matchable words");
    expect(message).toContain("rules > q learning: single-character words (q)");
  });

  it("treats a capitalised word as an acronym: RAG and rag are different rules, LLM and LLMs the same", () => {
    const taxonomy = parseTaxonomy(
      `${HEADER}topics:\n  - name: R\n    slug: rag\n    description: r.\n    rules: { RAG: 3, rag: 1 }\n${OTHER}`,
      "topics.yaml",
    );
    expect(Object.keys(taxonomy.topics[0]!.rules)).toEqual(["RAG", "rag"]);
    expect(errorOf(`${HEADER}topics:\n  - name: L\n    slug: lm\n    description: l.\n    rules: { LLM: 3, LLMs: 1 }\n${OTHER}`)).toContain(
      'rules > LLMs: same stemmed phrase "LLM" as rule "LLM"',
    );
  });

  it("checks title_rules like rules, and reads replaces and general", () => {
    const taxonomy = parseTaxonomy(
      `${HEADER}topics:\n  - name: E\n    slug: evaluation\n    description: e.\n    general: true\n    replaces: [benchmarks]\n` +
        `    title_rules: { benchmark: 4 }\n    rules: { benchmark: 2 }\n${OTHER}`,
      "topics.yaml",
    );
    expect(taxonomy.topics[0]).toMatchObject({ general: true, replaces: ["benchmarks"], title_rules: { benchmark: 4 } });
    expect(taxonomy.topics[1]).toMatchObject({ general: false, replaces: [], title_rules: {} });
    expect(
      errorOf(
        `${HEADER}topics:\n  - name: E\n    slug: e\n    description: e.\n    title_rules: { benchmarks: 4, benchmark: 2 }\n${OTHER}`,
      ),
    ).toContain('title_rules > benchmark: same stemmed phrase "benchmark"');
  });

  it("rejects a replaced slug that is still a topic, or that two topics replace", () => {
    const twice = errorOf(
      `${HEADER}topics:\n  - { name: A, slug: a, description: a., replaces: [old] }\n  - { name: B, slug: b, description: b., replaces: [old] }\n${OTHER}`,
    );
    expect(twice).toContain('topics[1] (slug "b", name "B") > replaces[0]: "old" is already replaced by topic "a"');
    const live = errorOf(`${HEADER}topics:\n  - { name: A, slug: a, description: a., replaces: [other] }\n${OTHER}`);
    expect(live).toContain('"other" is the slug of a current topic');
  });

  it("rejects global settings out of range", () => {
    expect(errorOf(`title_weight: 3\nmin_score: 2\nsecondary_ratio: 0.5\nmax_topics: 5\ntopics:\n${OTHER}`)).toContain("max_topics");
  });

  it("reports YAML syntax errors and duplicate keys with the file name", () => {
    expect(errorOf(`${HEADER}topics: [`)).toMatch(/^topics\.yaml: invalid YAML/);
    expect(errorOf(`${HEADER}title_weight: 2\ntopics:\n${OTHER}`)).toMatch(/^topics\.yaml: invalid YAML/);
  });
});

describe("loadTaxonomy", () => {
  it("loads and validates the shipped content/topics.yaml", () => {
    const taxonomy = loadTaxonomy();
    const slugs = taxonomy.topics.map((topic) => topic.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(25);
    expect(slugs.length).toBeLessThanOrEqual(40);
    expect(slugs).toContain("other");
    // Merged topics redirect: every slug of the previous taxonomy is a topic or replaced by one.
    const previous = [
      "llm-inference",
      "quantization-compression",
      "optimization",
      "combinatorial-optimization",
      "bandits-learning-theory",
      "reinforcement-learning",
      "retrieval-search",
      "computer-vision",
      "generative-models",
      "verification-robustness",
      "hardware-accelerators",
      "theorem-proving-reasoning",
      "graphs",
      "privacy-security",
      "language-models",
      "speech-audio",
      "robotics",
      "scientific-ml",
      "information-theory",
      "linear-algebra",
      "interpretability",
      "automl-search",
      "algorithms",
      "architectures",
      "distributed-systems",
      "probabilistic-ml",
      "multimodal",
      "agents",
      "time-series",
      "other",
    ];
    const reachable = new Set(taxonomy.topics.flatMap((topic) => [topic.slug, ...topic.replaces]));
    expect(previous.filter((slug) => !reachable.has(slug))).toEqual([]);
  });

  it("names the file when it cannot be read or is invalid", () => {
    const dir = tempFolderSync("taxonomy-");
    expect(() => loadTaxonomy(join(dir, "missing.yaml"))).toThrow(/missing\.yaml: cannot read topic taxonomy/);
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, `${HEADER}topics:\n  - { name: V, slug: V, description: v. }\n${OTHER}`);
    expect(() => loadTaxonomy(broken)).toThrow(/broken\.yaml: invalid topic taxonomy/);
  });
});
