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

  it("adds title and abstract, and repeating a phrase adds nothing", () => {
    expect(scores("Quantization", "quantization").quant).toBe(6 + 2);
    expect(scores("", "quantization quantized quantizing quantizer").quant).toBe(2);
  });

  it("scores a field by its best phrase plus a capped bonus per further phrase, so rule count does not decide", () => {
    const many = compileTaxonomy(
      testTaxonomy([
        topic("few", { "speculative decoding": 3 }),
        topic("many", { cache: 1, latency: 1, throughput: 1, memory: 1, serving: 1 }),
      ]),
    );
    const raw = scoreTopics({ title: "", abstract: "Speculative decoding; cache, latency, throughput, memory and serving." }, many);
    expect(raw[0]).toBe(3);
    expect(raw[1]).toBe(1 + 0.5 * 2); // best 1, plus 0.5 for at most 2 further phrases
  });

  it("counts title-only rules in the title alone, overriding the same phrase there", () => {
    const withTitleRules = compileTaxonomy(testTaxonomy([{ ...topic("evaluation", { benchmark: 2 }), title_rules: { benchmark: 4 } }]));
    expect(scoreTopics({ title: "A benchmark", abstract: "" }, withTitleRules)[0]).toBe(4 * 3);
    expect(scoreTopics({ title: "", abstract: "On benchmarks." }, withTitleRules)[0]).toBe(2);
  });

  it("keeps objective apart from object and inferencing with inference (lemma table)", () => {
    const lemmas = compileTaxonomy(testTaxonomy([topic("detection", { "object detection": 3 }), topic("serving", { "LLM inference": 3 })]));
    expect(scoreTopics({ title: "", abstract: "An objective detection rule." }, lemmas)[0]).toBe(0);
    expect(scoreTopics({ title: "", abstract: "Object detection." }, lemmas)[0]).toBe(3);
    expect(scoreTopics({ title: "", abstract: "LLM inferencing at scale." }, lemmas)[1]).toBe(3);
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
