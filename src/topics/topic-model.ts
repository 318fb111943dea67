/**
 * A linear topic model learnt from researchers' labels of real papers
 * (tools/topics/train-topic-model.ts writes topic-model.json from the tuning
 * half of test/fixtures/topics-labelled-real.yaml).
 *
 * Rules alone reached 60% on unseen papers: a paper's main subject is rarely
 * named by one phrase, it is the weight of many words together. The model
 * reads the same tokens as the rules (stems, the lemma table) in three
 * namespaces, title, abstract and keywords, as words and word pairs, plus the
 * rule scores of each topic, so the hand-written rules still count as
 * evidence, and the scores of a third head, `categories`, which predicts a
 * paper's arXiv categories from its words. That head is learnt from all
 * 45,904 real arXiv abstracts (whose categories are known), so it knows far
 * more words than a few thousand labels can teach; its category scores carry
 * that knowledge to the topic heads. Two heads give the topics:
 * - `main`: a softmax over topics, whose best topic is the paper's main one;
 * - `member`: per topic, a logistic "this topic applies" score; a further topic
 *   is listed only when this head is confident, so extra topics stay right.
 *
 * Pure: the model is data passed in, prediction depends on the paper alone.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { describeIssues } from "../model/zod-issues.ts";
import { tokenize } from "../text/tokenize.ts";

/** A sparse feature vector: feature name -> value. */
export type Features = Map<string, number>;

export interface TopicModelText {
  title: string;
  abstract: string;
  keywords?: readonly string[];
}

/**
 * Per feature, its weights. Checked by a loop: the shipped model has tens of thousands of features, and
 * checking them as a zod record of arrays took a tenth of a second of every build.
 */
const sparseWeightsSchema = z.unknown().transform((value, context) => {
  const problem = sparseWeightsProblem(value);
  if (problem) context.addIssue({ code: "custom", message: problem });
  return value as Record<string, number[]>;
});

function sparseWeightsProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected an object of number arrays";
  for (const [feature, weights] of Object.entries(value))
    if (!Array.isArray(weights) || !weights.every((weight) => typeof weight === "number"))
      return `the weights of "${feature}" are not a list of numbers`;
  return undefined;
}

const topicModelSchema = z.strictObject({
  about: z.string(),
  /** The taxonomy's slugs the model was trained for, "other" included, in taxonomy order: output index i is slugs[i]. */
  slugs: z.array(z.string()).min(2),
  /** Features are made as `featureOptions` says; the trainer and the classifier share it. */
  featureOptions: z.strictObject({ bigrams: z.boolean(), ruleScores: z.boolean() }),
  /** Predicts arXiv categories from the title and abstract words (no bigrams, no rule scores); null when not used. */
  categories: z.strictObject({ names: z.array(z.string()), bias: z.array(z.number()), weights: sparseWeightsSchema }).nullable(),
  /** Per head: bias per topic, then per feature a flat list of [topic index, weight] pairs. */
  main: z.strictObject({ bias: z.array(z.number()), weights: sparseWeightsSchema }),
  member: z.strictObject({ bias: z.array(z.number()), weights: sparseWeightsSchema }),
  /** A further topic needs a `member` probability of at least this. */
  memberThreshold: z.number().min(0).max(1),
  maxTopics: z.number().int().min(1),
});
export type TopicModel = z.infer<typeof topicModelSchema>;

export const TOPIC_MODEL_FILE = new URL("./topic-model.json", import.meta.url);

export function loadTopicModel(file: URL | string = TOPIC_MODEL_FILE): TopicModel {
  const parsed = topicModelSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: the topic model is malformed: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/**
 * The features of a paper. Each namespace is scaled to unit length so a long
 * abstract does not outweigh its title; the title counts double because it
 * names the subject.
 */
export function topicFeatures(
  paper: TopicModelText,
  model: Pick<TopicModel, "featureOptions" | "categories">,
  ruleScores?: ReadonlyMap<string, number>,
): Features {
  const options = model.featureOptions;
  const titleTokens = tokenize(paper.title);
  const abstractTokens = tokenize(paper.abstract);
  const features: Features = new Map();
  addNamespace(features, "t", titleTokens, options.bigrams, 2);
  addNamespace(features, "a", abstractTokens, options.bigrams, 1);
  if (paper.keywords?.length) {
    addNamespace(
      features,
      "k",
      paper.keywords.flatMap((keyword) => tokenize(keyword)),
      false,
      1,
    );
  }
  if (options.ruleScores && ruleScores) {
    // Rule scores are open-ended sums; log1p keeps one strong phrase from dominating every word.
    for (const [slug, score] of ruleScores) if (score > 0) features.set(`r ${slug}`, Math.log1p(score) / 2);
  }
  if (model.categories) {
    const scores = headScores(model.categories, wordFeatures(titleTokens, abstractTokens));
    model.categories.names.forEach((name, index) => {
      const probability = sigmoid(scores[index]!);
      // Only categories with real support: a thousand near-zero features would only add noise and time.
      if (probability >= 0.05) features.set(`c ${name}`, probability);
    });
  }
  return features;
}

/** The features the category head reads: title and abstract words, no pairs. */
export function wordFeatures(titleTokens: readonly string[], abstractTokens: readonly string[]): Features {
  const features: Features = new Map();
  addNamespace(features, "t", titleTokens, false, 2);
  addNamespace(features, "a", abstractTokens, false, 1);
  return features;
}

function addNamespace(features: Features, space: string, tokens: readonly string[], bigrams: boolean, length: number): void {
  const names = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    names.add(`${space} ${tokens[index]}`);
    if (bigrams && index + 1 < tokens.length) names.add(`${space} ${tokens[index]} ${tokens[index + 1]}`);
  }
  if (names.size === 0) return;
  const value = length / Math.sqrt(names.size);
  for (const name of names) features.set(name, value);
}

type SparseHead = { bias: readonly number[]; weights: Record<string, number[]> };

// A head's weights as read from JSON are an object with thousands of keys, slow to look up; each head is
// turned into a Map of typed arrays once, on first use (a model is loaded once per build).
const lookups = new WeakMap<SparseHead, Map<string, Float64Array>>();

function lookupOf(head: SparseHead): Map<string, Float64Array> {
  let lookup = lookups.get(head);
  if (lookup === undefined) {
    lookup = new Map(Object.entries(head.weights).map(([name, pairs]) => [name, Float64Array.from(pairs)]));
    lookups.set(head, lookup);
  }
  return lookup;
}

/** The linear scores of one head for a paper's features, one per output. */
export function headScores(head: SparseHead, features: Features): Float64Array {
  const scores = Float64Array.from(head.bias);
  const lookup = lookupOf(head);
  for (const [name, value] of features) {
    const pairs = lookup.get(name);
    if (pairs === undefined) continue;
    for (let index = 0; index + 1 < pairs.length; index += 2) scores[pairs[index]!]! += pairs[index + 1]! * value;
  }
  return scores;
}

export function softmax(scores: Float64Array): Float64Array {
  const max = Math.max(...scores);
  const exp = scores.map((score) => Math.exp(score - max));
  const sum = exp.reduce((total, value) => total + value, 0);
  return exp.map((value) => value / sum);
}

export const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));

/**
 * Topic indexes (into `model.slugs`) for a paper, main topic first ("other" is
 * one of the model's topics, so there always is one). Ties keep taxonomy order.
 */
export function predictTopics(model: TopicModel, features: Features): number[] {
  const main = softmax(headScores(model.main, features));
  const member = headScores(model.member, features);
  const order = [...main.keys()].sort((a, b) => main[b]! - main[a]! || a - b);
  const further = order.slice(1).filter((topic) => sigmoid(member[topic]!) >= model.memberThreshold);
  return [order[0]!, ...further].slice(0, model.maxTopics);
}
