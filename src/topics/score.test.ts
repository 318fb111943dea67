import { describe, expect, it } from "vitest";
import { compileTaxonomy } from "./compile.ts";
import { scoreTopics } from "./score.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";

const compiled = compileTaxonomy(
  testTaxonomy([
    topic("quant", { quantization: 2 }),
    topic("retrieval", { "nearest neighbor search": 3 }),
    topic("lm", { "large language model": 2, "language model": 1 }),
  ]),
);

function scores(title: string, abstract: string): Record<string, number> {
  const raw = scoreTopics({ title, abstract }, compiled);
  return Object.fromEntries(compiled.slugs.map((slug, index) => [slug, raw[index] ?? 0]));
}

describe("scoreTopics", () => {
  it("matches inflected forms through stemming", () => {
    expect(scores("", "We quantize weights.").quant).toBe(2);
    expect(scores("", "Quantized weights.").quant).toBe(2);
  });

  it("weights a title match by title_weight", () => {
    expect(scores("Quantization for all", "").quant).toBe(2 * 3);
    expect(scores("", "Quantization for all").quant).toBe(2);
  });

  it("adds title and abstract and grows only logarithmically with repetition", () => {
    expect(scores("Quantization", "quantization").quant).toBe(6 + 2);
    expect(scores("", "quantization quantized quantizing quantizer").quant).toBe(2 * (1 + Math.log2(4)));
  });

  it("matches a phrase only as a consecutive stemmed sequence, ignoring stop words", () => {
    expect(scores("", "Nearest-neighbour search").retrieval).toBe(0); // British spelling is another word
    expect(scores("", "the nearest neighbors of the search").retrieval).toBe(3);
    expect(scores("", "the nearest point of a neighbor search").retrieval).toBe(0);
  });

  it("lets the longest phrase win inside a topic instead of double-counting", () => {
    expect(scores("", "a large language model").lm).toBe(2);
    expect(scores("", "a language model").lm).toBe(1);
  });
});
