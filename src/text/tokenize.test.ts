import { describe, expect, it } from "vitest";
import { allWords, splitWords, tokenize, tokenizeKeepingCase } from "./tokenize.ts";

describe("tokenize", () => {
  it("lowercases, splits on non-alphanumerics and stems", () => {
    expect(tokenize("Quantized LLMs")).toEqual(tokenize("quantization of llm"));
    expect(tokenize("Quantized LLMs")).toEqual(["quantiz", "llm"]);
  });

  it("keeps alphanumeric terms like 3d and int8 whole", () => {
    expect(tokenize("3D point clouds with INT8 kernels")).toEqual(["3d", "point", "cloud", "int8", "kernel"]);
  });

  it("removes English stop words and single characters", () => {
    expect(tokenize("The cost of x in a model")).toEqual(["cost", "model"]);
  });

  it("splits hyphenated and punctuated compounds into words", () => {
    expect(splitWords("Multi-Vector (MUVERA) retrieval: fast!")).toEqual(["multi", "vector", "muvera", "retrieval", "fast"]);
  });

  it("folds accents instead of splitting words on them", () => {
    expect(splitWords("Schrödinger")).toEqual(["schrodinger"]);
  });

  it("returns nothing for empty or stop-word-only text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("of the and")).toEqual([]);
  });
});

describe("lemma table", () => {
  it.each([
    ["inferencing", "inference"],
    ["generation", "generative"],
    ["tokenizer", "tokenization"],
    ["optimizers", "optimiser"],
  ])("gives %j and %j one token", (a, b) => {
    expect(tokenize(a)).toEqual(tokenize(b));
  });

  it.each([
    ["objective", "object"],
    ["generation", "general"],
    ["distributed", "distribution"],
    ["tokenizer", "token"],
    ["ranking", "rank"],
    ["segmentation", "segment"],
  ])("keeps %j apart from %j, which Porter stemming merges", (a, b) => {
    expect(tokenize(a)).not.toEqual(tokenize(b));
  });
});

describe("tokenizeKeepingCase", () => {
  it("returns each token's word as written, aligned with tokenize", () => {
    expect(tokenizeKeepingCase("RAG for the LLMs of Schrödinger")).toEqual({
      tokens: ["rag", "llm", "schroding"],
      words: ["RAG", "LLMs", "Schrodinger"],
    });
    expect(tokenizeKeepingCase("Quantized LLMs").tokens).toEqual(tokenize("Quantized LLMs"));
  });
});

describe("allWords", () => {
  it("keeps single characters, which tokenize drops", () => {
    expect(allWords("Q-learning in 3D")).toEqual(["q", "learning", "in", "3d"]);
  });
});
