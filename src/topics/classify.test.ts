import { describe, expect, it } from "vitest";
import { classifyPaper } from "./classify.ts";
import { compileTaxonomy } from "./compile.ts";
import { loadTaxonomy } from "./taxonomy.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";

const taxonomy = testTaxonomy([
  topic("quantization", { quantization: 3, "low bit": 2 }),
  topic("hardware", { GPU: 3, accelerator: 2 }),
  topic("vision", { image: 2 }),
  topic("speech", { speech: 3 }),
]);

describe("classifyPaper", () => {
  it("returns the best topic first and close runners-up after it", () => {
    const paper = { title: "Low-bit quantization on GPU accelerators", abstract: "We quantize weights for GPU inference." };
    expect(classifyPaper(paper, taxonomy)).toEqual(["quantization", "hardware"]);
  });

  it("adds a second topic only on a specific (weight-3) phrase, however close its score", () => {
    // vision scores 2 * 3 from the title, near quantization's 9, but "image" is only a strong hint.
    const paper = { title: "Quantization of image models", abstract: "" };
    expect(classifyPaper(paper, taxonomy)).toEqual(["quantization"]);
    const specific = testTaxonomy([topic("quantization", { quantization: 3 }), topic("vision", { image: 3 })]);
    expect(classifyPaper(paper, specific)).toEqual(["quantization", "vision"]);
  });

  it("matches acronyms case-sensitively", () => {
    expect(classifyPaper({ title: "", abstract: "Kernels for GPUs." }, taxonomy)).toEqual(["hardware"]);
    expect(classifyPaper({ title: "", abstract: "The gpu driver." }, taxonomy)).toEqual(["other"]);
  });

  it("counts Hugging Face keywords as evidence when present, and works without them", () => {
    const paper = { title: "A new method", abstract: "We propose it." };
    expect(classifyPaper(paper, taxonomy)).toEqual(["other"]);
    const keywords = ["speech", "speech recognition", "speech"];
    expect(classifyPaper({ ...paper, keywords }, taxonomy)).toEqual(["other"]); // 0.5 * 3 is below min_score 2
    expect(classifyPaper({ ...paper, keywords }, { ...taxonomy, keyword_weight: 1 })).toEqual(["speech"]);
    expect(classifyPaper({ ...paper, card: { keywords } }, { ...taxonomy, keyword_weight: 1 })).toEqual(["speech"]);
  });

  it("lets a specific topic win a near-tie against a general one", () => {
    const topics = [topic("language-models", { LLM: 2 }), topic("medical", { clinical: 2 })];
    const paper = { title: "LLM for clinical notes", abstract: "" };
    expect(classifyPaper(paper, testTaxonomy(topics))[0]).toBe("language-models");
    const general = testTaxonomy([{ ...topics[0]!, general: true }, topics[1]!], { general_topic_factor: 0.75 });
    expect(classifyPaper(paper, general)[0]).toBe("medical");
  });

  it("files a paper that matches nothing under other", () => {
    expect(classifyPaper({ title: "On the history of chess", abstract: "Openings." }, taxonomy)).toEqual(["other"]);
    expect(classifyPaper({ title: "", abstract: "" }, taxonomy)).toEqual(["other"]);
  });

  it("files a paper below min_score under other", () => {
    const strict = testTaxonomy(taxonomy.topics.slice(0, -1), { min_score: 10 });
    expect(classifyPaper({ title: "", abstract: "One image." }, strict)).toEqual(["other"]);
  });

  it("drops secondary topics far below the best one", () => {
    const paper = { title: "Quantization of quantized quantizers", abstract: "An image." };
    expect(classifyPaper(paper, taxonomy)).toEqual(["quantization"]);
  });

  it("returns at most max_topics topics", () => {
    const paper = { title: "quantization GPU image speech", abstract: "" };
    expect(classifyPaper(paper, taxonomy)).toHaveLength(3);
    expect(classifyPaper(paper, { ...taxonomy, max_topics: 1 })).toEqual(["quantization"]);
  });

  it("breaks score ties by taxonomy order, deterministically", () => {
    const paper = { title: "", abstract: "accelerator image" }; // hardware and vision both score 2
    expect(classifyPaper(paper, taxonomy)).toEqual(["hardware"]);
    const reordered = testTaxonomy([topic("vision", { image: 2 }), topic("hardware", { accelerator: 2 })]);
    expect(classifyPaper(paper, reordered)).toEqual(["vision"]);
  });

  it("lets the title outweigh a longer abstract", () => {
    const paper = { title: "Speech enhancement", abstract: "We process the image of a spectrogram like an image." };
    expect(classifyPaper(paper, taxonomy)[0]).toBe("speech");
  });

  it("re-classifies when a topic is added to the taxonomy", () => {
    const paper = { title: "Graph neural networks for molecules", abstract: "Message passing on molecular graphs." };
    expect(classifyPaper(paper, taxonomy)).toEqual(["other"]);
    const extended = testTaxonomy([...taxonomy.topics.slice(0, -1), topic("graphs", { "graph neural network": 3 })]);
    expect(classifyPaper(paper, extended)).toEqual(["graphs"]);
  });

  it("gives the same answer for raw and precompiled taxonomies, every time", () => {
    const shipped = loadTaxonomy();
    const compiled = compileTaxonomy(shipped);
    const paper = { title: "Speculative decoding for LLM serving", abstract: "A KV cache manager for vLLM on GPUs." };
    const first = classifyPaper(paper, shipped);
    expect(first[0]).toBe("llm-inference");
    for (let run = 0; run < 3; run++) {
      expect(classifyPaper(paper, shipped)).toEqual(first);
      expect(classifyPaper(paper, compiled)).toEqual(first);
    }
  });
});
