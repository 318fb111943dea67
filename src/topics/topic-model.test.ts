import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolderSync } from "../../test/temp-folder.ts";
import { modelFits } from "./compile.ts";
import { loadTaxonomy } from "./taxonomy.ts";
import { headScores, loadTopicModel, predictTopics, sigmoid, softmax, topicFeatures, type TopicModel } from "./topic-model.ts";

const noCategories = { featureOptions: { bigrams: true, ruleScores: true }, categories: null };

/** A three-topic model whose weights are written out by hand, so each expectation can be worked out on paper. */
function handModel(overrides: Partial<TopicModel> = {}): TopicModel {
  return {
    about: "test",
    slugs: ["vision", "speech", "other"],
    featureOptions: { bigrams: false, ruleScores: false },
    categories: null,
    main: { bias: [0, 0, 0], weights: { "t imag": [0, 4], "t speech": [1, 4], "a audio": [1, 1, 0, 0.5] } },
    member: { bias: [-2, -2, -5], weights: { "t imag": [0, 6], "a audio": [1, 5] } },
    memberThreshold: 0.5,
    maxTopics: 3,
    ...overrides,
  };
}

describe("topicFeatures", () => {
  it.each([
    [
      "title words count double, as words and pairs",
      { title: "Image segmentation", abstract: "" },
      ["t imag", "t segmentation", "t imag segmentation"],
      2 / Math.sqrt(3),
    ],
    [
      "each namespace has unit length whatever its size",
      { title: "", abstract: "speech audio music sound" },
      ["a speech", "a audio"],
      1 / Math.sqrt(7),
    ],
  ])("%s", (_case, paper, names, value) => {
    const features = topicFeatures(paper, noCategories);
    for (const name of names) expect(features.get(name)).toBeCloseTo(value, 10);
  });

  it("reads keywords as words of their own namespace, without pairs", () => {
    const features = topicFeatures({ title: "A", abstract: "", keywords: ["diffusion model"] }, noCategories);
    expect([...features.keys()].filter((name) => name.startsWith("k "))).toEqual(["k diffus", "k model"]);
  });

  it("adds the rule scores of topics that scored, damped by log1p", () => {
    const features = topicFeatures(
      { title: "x", abstract: "" },
      noCategories,
      new Map([
        ["vision", 6],
        ["speech", 0],
      ]),
    );
    expect(features.get("r vision")).toBeCloseTo(Math.log1p(6) / 2, 10);
    expect(features.has("r speech")).toBe(false);
  });

  it("leaves the rule scores out when the model was trained without them", () => {
    const features = topicFeatures(
      { title: "x", abstract: "" },
      { ...noCategories, featureOptions: { bigrams: true, ruleScores: false } },
      new Map([["vision", 6]]),
    );
    expect(features.has("r vision")).toBe(false);
  });

  it("adds category probabilities from the category head, only those with real support", () => {
    const categories = { names: ["cs.CV", "cs.SD"], bias: [-3, -6], weights: { "t imag": [0, 2] } };
    const features = topicFeatures({ title: "Images", abstract: "" }, { ...noCategories, categories });
    // The title "Images" is one word: its feature value is 2, so cs.CV scores -3 + 2 * 2 = 1.
    expect(features.get("c cs.CV")).toBeCloseTo(sigmoid(1), 10);
    expect(features.has("c cs.SD")).toBe(false);
  });
});

describe("headScores, softmax and predictTopics", () => {
  it("adds each feature's sparse weights to the bias", () => {
    const scores = headScores(
      handModel().main,
      new Map([
        ["a audio", 2],
        ["unknown", 5],
      ]),
    );
    expect([...scores]).toEqual([1, 2, 0]);
  });

  it("softmax sums to one and keeps order", () => {
    const probabilities = softmax(Float64Array.from([1, 3, 2]));
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(probabilities[1]).toBeGreaterThan(probabilities[2]!);
  });

  it.each([
    ["the best main score comes first", new Map([["t speech", 1]]), {}, [1]],
    [
      "a further topic needs the member head's confidence",
      new Map([
        ["t imag", 1],
        ["a audio", 1],
      ]),
      {},
      [0, 1],
    ],
    [
      "a higher threshold drops it",
      new Map([
        ["t imag", 1],
        ["a audio", 1],
      ]),
      { memberThreshold: 0.99 },
      [0],
    ],
    [
      "at most maxTopics",
      new Map([
        ["t imag", 1],
        ["a audio", 1],
      ]),
      { maxTopics: 1 },
      [0],
    ],
  ])("%s", (_case, features, overrides, expected) => {
    expect(predictTopics(handModel(overrides), features)).toEqual(expected);
  });

  it("keeps taxonomy order on a tie", () => {
    expect(predictTopics(handModel(), new Map())[0]).toBe(0);
  });
});

describe("the shipped topic model", () => {
  const model = loadTopicModel();

  it("was trained for the shipped taxonomy's topics, in order, so the build uses it", () => {
    expect(modelFits(model, loadTaxonomy())).toBe(true);
  });

  it("does not fit a taxonomy with other topics", () => {
    const taxonomy = loadTaxonomy();
    expect(modelFits(model, { ...taxonomy, topics: taxonomy.topics.slice(1) })).toBe(false);
  });
});

describe("loadTopicModel", () => {
  const file = (model: unknown) => {
    const folder = tempFolderSync("dpa-model-");
    writeFileSync(path.join(folder, "model.json"), JSON.stringify(model));
    return path.join(folder, "model.json");
  };
  const weights = { "w:graph": [0, 0.5] };
  const model = { ...handModel(), main: { bias: [0, 0, 0], weights }, member: { bias: [0, 0, 0], weights } };

  it("reads a model file as it was written", () => {
    expect(loadTopicModel(file(model))).toEqual(model);
  });

  it.each([
    ["weights that are not numbers", { ...model, main: { ...model.main, weights: { "w:graph": [0, "0.5"] } } }],
    ["weights that are not a list", { ...model, member: { ...model.member, weights: { "w:graph": 0.5 } } }],
    ["a head's weights as a list", { ...model, main: { ...model.main, weights: [[0, 0.5]] } }],
    ["a missing head", { ...model, member: undefined }],
  ])("refuses a model with %s", (_case, broken) => {
    expect(() => loadTopicModel(file(broken))).toThrow();
  });

  it("names the feature whose weights are wrong", () => {
    const broken = { ...model, main: { ...model.main, weights: { ...weights, "w:tokamak": [0, null] } } };
    expect(() => loadTopicModel(file(broken))).toThrow(/malformed: main\.weights: the weights of "w:tokamak" are not a list of numbers$/);
  });
});
