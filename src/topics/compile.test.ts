import { describe, expect, it } from "vitest";
import { compileTaxonomy } from "./compile.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";

describe("compileTaxonomy", () => {
  const compiled = compileTaxonomy(
    testTaxonomy([topic("quant", { "quantized models": 2, quantization: 3 }), topic("lm", { "large language model": 1, "language model": 1 })]),
  );

  it("keeps scorable topics in taxonomy order and leaves out the fallback", () => {
    expect(compiled.slugs).toEqual(["quant", "lm"]);
    expect(compiled.ruleCount).toBe(4);
  });

  it("indexes stemmed phrases by their first stem, longest first", () => {
    expect(compiled.rulesByFirstStem.get("quantiz")?.map((rule) => rule.stems)).toEqual([["quantiz", "model"], ["quantiz"]]);
    expect(compiled.rulesByFirstStem.get("larg")?.[0]).toMatchObject({ stems: ["larg", "languag", "model"], topicIndex: 1 });
  });
});
