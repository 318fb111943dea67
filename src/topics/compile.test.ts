import { describe, expect, it } from "vitest";
import { compileTaxonomy } from "./compile.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";

describe("compileTaxonomy", () => {
  const compiled = compileTaxonomy(
    testTaxonomy([
      topic("quant", { "quantized models": 2, quantization: 3 }),
      topic("lm", { "large language model": 1, "language model": 1 }),
    ]),
  );

  it("keeps scorable topics in taxonomy order and leaves out the fallback", () => {
    expect(compiled.slugs).toEqual(["quant", "lm"]);
    expect(compiled.ruleCount).toBe(4);
  });

  it("indexes stemmed phrases by their first stem, longest first", () => {
    expect(compiled.rulesByFirstStem.get("quantiz")?.map((rule) => rule.stems)).toEqual([["quantiz", "model"], ["quantiz"]]);
    expect(compiled.rulesByFirstStem.get("larg")?.[0]).toMatchObject({ stems: ["larg", "languag", "model"], topicIndex: 1 });
  });

  it("keeps the spelling of capitalised words for case-sensitive matching", () => {
    const acronyms = compileTaxonomy(testTaxonomy([topic("rag", { "RAG pipeline": 3 })]));
    expect(acronyms.rulesByFirstStem.get("rag")?.[0]).toMatchObject({ stems: ["rag", "pipelin"], exact: ["RAG", null] });
  });

  it("indexes title rules apart, replacing the same phrase of the rules there", () => {
    const evaluation = compileTaxonomy(
      testTaxonomy([{ ...topic("evaluation", { benchmark: 2, judge: 2 }), title_rules: { benchmark: 4 } }]),
    );
    expect(evaluation.rulesByFirstStem.get("benchmark")?.map((rule) => rule.weight)).toEqual([2]);
    expect(evaluation.titleRulesByFirstStem.get("benchmark")?.map((rule) => rule.weight)).toEqual([4]);
    expect(evaluation.titleRulesByFirstStem.get("judg")?.map((rule) => rule.weight)).toEqual([2]);
    expect(evaluation.ruleCount).toBe(3);
  });
});
