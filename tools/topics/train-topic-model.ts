/**
 * Trains src/topics/topic-model.json from the tuning half of the labelled real
 * papers (never the held-out half, which `npm run eval:topics` reports on).
 *
 *   npm run train:topics [-- --cv 5]
 *
 * --cv K reports K-fold cross-validation on the tuning half for a grid of
 * settings instead of writing the model: that is how the settings below were
 * chosen, without looking at the held-out half.
 *
 * Both heads are linear over the same sparse features (src/topics/topic-model.ts),
 * trained together by AdaGrad with L2 regularisation in a fixed, seeded order,
 * so the same labels give the same file byte for byte.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { compileTaxonomy, type CompiledTaxonomy } from "../../src/topics/compile.ts";
import { scoreTopics } from "../../src/topics/score.ts";
import { loadTaxonomy } from "../../src/topics/taxonomy.ts";
import {
  predictTopics,
  sigmoid,
  softmax,
  TOPIC_MODEL_FILE,
  topicFeatures,
  wordFeatures,
  type Features,
  type TopicModel,
} from "../../src/topics/topic-model.ts";
import { tokenize } from "../../src/text/tokenize.ts";
import { isHeldOut, readLabelledPapers, type LabelledPaper } from "./labelled-set.ts";
import { readArxivAbstracts } from "./real-material.ts";

interface Settings {
  bigrams: boolean;
  ruleScores: boolean;
  categories: boolean;
  minDocuments: number;
  epochs: number;
  learningRate: number;
  l1: number;
  l2: number;
  memberThreshold: number;
}

const DEFAULTS: Settings = {
  bigrams: true,
  ruleScores: true,
  categories: true,
  minDocuments: 2,
  epochs: 30,
  learningRate: 0.1,
  l1: 3,
  l2: 1e-4,
  memberThreshold: 0.7,
};

/** Weights nearer zero than this are left out of the file: they change no prediction that matters and double its size. */
const PRUNE_BELOW = 0.01;
const MAX_TOPICS = 3;

interface Example {
  features: Features;
  main: number;
  members: Set<number>;
}

function rng(seed: number): () => number {
  // mulberry32: a small seeded generator, so training order is the same on every run.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

function examplesOf(
  papers: readonly LabelledPaper[],
  slugs: readonly string[],
  compiled: CompiledTaxonomy,
  settings: Settings,
  categories: TopicModel["categories"],
): Example[] {
  const index = new Map(slugs.map((slug, position) => [slug, position]));
  return papers.map((paper) => {
    const scores = scoreTopics(paper, compiled);
    const ruleScores = new Map(compiled.slugs.map((slug, position) => [slug, scores[position]!]));
    return {
      features: topicFeatures(paper, { featureOptions: settings, categories: settings.categories ? categories : null }, ruleScores),
      main: index.get(paper.topics[0]!)!,
      members: new Set(paper.topics.map((slug) => index.get(slug)!)),
    };
  });
}

interface DenseHead {
  bias: Float64Array;
  weights: Float64Array;
}

interface HeadSpec {
  kind: "softmax" | "sigmoid";
  /** Whether class c is a target of example e. */
  isTarget: (example: number, c: number) => boolean;
}

interface FitSettings {
  minDocuments: number;
  epochs: number;
  learningRate: number;
  l1: number;
  l2: number;
}

/**
 * Linear heads over shared sparse features, fitted together by AdaGrad with
 * L2 on the weights a step touches, in a seeded order. Features in fewer than
 * `minDocuments` examples are left out (except the always-useful rule and
 * category scores).
 */
function fitHeads(
  features: readonly Features[],
  classes: number,
  specs: readonly HeadSpec[],
  settings: FitSettings,
): { vocabulary: string[]; heads: DenseHead[] } {
  const documents = new Map<string, number>();
  for (const example of features) for (const name of example.keys()) documents.set(name, (documents.get(name) ?? 0) + 1);
  const vocabulary = [...documents]
    .filter(([name, count]) => count >= settings.minDocuments || name.startsWith("r ") || name.startsWith("c "))
    .map(([name]) => name)
    .sort();
  const position = new Map(vocabulary.map((name, index) => [name, index]));
  const sparse = features.map((example) => {
    const entries = [...example].filter(([name]) => position.has(name));
    return { ids: Int32Array.from(entries, ([name]) => position.get(name)!), values: Float64Array.from(entries, ([, value]) => value) };
  });
  // FTRL-proximal (McMahan et al. 2013): per-weight AdaGrad steps with an L1 term that sets most weights to
  // exactly zero, so the shipped file holds the few thousand weights that matter, not every word for every topic.
  const heads = specs.map(() => ({
    bias: new Float64Array(classes),
    biasSquares: new Float64Array(classes).fill(1e-8),
    z: new Float64Array(vocabulary.length * classes),
    n: new Float64Array(vocabulary.length * classes),
  }));
  const { learningRate: alpha, l1, l2 } = settings;
  const beta = 1;
  const weightOf = (z: number, n: number) => (Math.abs(z) <= l1 ? 0 : -(z - Math.sign(z) * l1) / ((beta + Math.sqrt(n)) / alpha + l2));
  const random = rng(17);
  const order = sparse.map((_, index) => index);
  const gradient = new Float64Array(classes);
  const scores = new Float64Array(classes);
  let current = new Float64Array(0);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    for (const exampleIndex of order) {
      const { ids, values } = sparse[exampleIndex]!;
      if (current.length < ids.length * classes) current = new Float64Array(ids.length * classes);
      heads.forEach((head, headIndex) => {
        const spec = specs[headIndex]!;
        scores.set(head.bias);
        for (let k = 0; k < ids.length; k++) {
          const base = ids[k]! * classes;
          const value = values[k]!;
          for (let c = 0; c < classes; c++) {
            const weight = weightOf(head.z[base + c]!, head.n[base + c]!);
            current[k * classes + c] = weight;
            scores[c]! += weight * value;
          }
        }
        if (spec.kind === "softmax") {
          const probabilities = softmax(scores);
          for (let c = 0; c < classes; c++) gradient[c] = probabilities[c]! - (spec.isTarget(exampleIndex, c) ? 1 : 0);
        } else {
          for (let c = 0; c < classes; c++) gradient[c] = sigmoid(scores[c]!) - (spec.isTarget(exampleIndex, c) ? 1 : 0);
        }
        for (let c = 0; c < classes; c++) {
          const g = gradient[c]!;
          head.biasSquares[c]! += g * g;
          head.bias[c]! -= (alpha * g) / Math.sqrt(head.biasSquares[c]!);
        }
        for (let k = 0; k < ids.length; k++) {
          const base = ids[k]! * classes;
          const value = values[k]!;
          for (let c = 0; c < classes; c++) {
            const g = gradient[c]! * value;
            if (g === 0) continue;
            const slot = base + c;
            const n = head.n[slot]!;
            const sigma = (Math.sqrt(n + g * g) - Math.sqrt(n)) / alpha;
            head.z[slot]! += g - sigma * current[k * classes + c]!;
            head.n[slot] = n + g * g;
          }
        }
      });
    }
  }
  const finished = heads.map((head) => ({
    bias: head.bias,
    weights: Float64Array.from(head.z, (z, slot) => weightOf(z, head.n[slot]!)),
  }));
  return { vocabulary, heads: finished };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A dense head as the model file stores it: weights rounded, near-zero ones left out. */
function sparseHead(vocabulary: readonly string[], head: DenseHead, classes: number, pruneBelow: number) {
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((name, id) => {
    const pairs: number[] = [];
    for (let c = 0; c < classes; c++) {
      const weight = round(head.weights[id * classes + c]!);
      if (Math.abs(weight) >= pruneBelow) pairs.push(c, weight);
    }
    if (pairs.length) weights[name] = pairs;
  });
  return { bias: [...head.bias].map(round), weights };
}

function trainTopicHeads(examples: readonly Example[], classes: number, settings: Settings) {
  const fitted = fitHeads(
    examples.map((example) => example.features),
    classes,
    [
      { kind: "softmax", isTarget: (e, c) => examples[e]!.main === c },
      { kind: "sigmoid", isTarget: (e, c) => examples[e]!.members.has(c) },
    ],
    settings,
  );
  return {
    main: sparseHead(fitted.vocabulary, fitted.heads[0]!, classes, PRUNE_BELOW),
    member: sparseHead(fitted.vocabulary, fitted.heads[1]!, classes, PRUNE_BELOW),
  };
}

/** Categories on at least this many abstracts get an output; rarer ones are too thin to learn. */
const MIN_CATEGORY_PAPERS = 150;
const CATEGORY_PRUNE_BELOW = 0.05;

/**
 * The category head, from every real arXiv abstract except the held-out
 * labelled ones (their words must not shape what the evaluation scores).
 */
function trainCategoryHead(heldOutIds: ReadonlySet<string>): NonNullable<TopicModel["categories"]> {
  const papers = readArxivAbstracts().filter((paper) => !heldOutIds.has(paper.id));
  const counts = new Map<string, number>();
  for (const paper of papers) for (const category of paper.categories ?? []) counts.set(category, (counts.get(category) ?? 0) + 1);
  const names = [...counts]
    .filter(([, count]) => count >= MIN_CATEGORY_PAPERS)
    .map(([name]) => name)
    .sort();
  const index = new Map(names.map((name, position) => [name, position]));
  const targets = papers.map((paper) => new Set((paper.categories ?? []).flatMap((category) => index.get(category) ?? [])));
  const fitted = fitHeads(
    papers.map((paper) => wordFeatures(tokenize(paper.title), tokenize(paper.abstract))),
    names.length,
    [{ kind: "sigmoid", isTarget: (e, c) => targets[e]!.has(c) }],
    { minDocuments: 3, epochs: 4, learningRate: 0.1, l1: 3, l2: 1e-6 },
  );
  return { names, ...sparseHead(fitted.vocabulary, fitted.heads[0]!, names.length, CATEGORY_PRUNE_BELOW) };
}

function toModel(
  heads: ReturnType<typeof trainTopicHeads>,
  categories: TopicModel["categories"],
  slugs: readonly string[],
  settings: Settings,
  about: string,
): TopicModel {
  return {
    about,
    slugs: [...slugs],
    featureOptions: { bigrams: settings.bigrams, ruleScores: settings.ruleScores },
    categories: settings.categories ? categories : null,
    ...heads,
    memberThreshold: settings.memberThreshold,
    maxTopics: MAX_TOPICS,
  };
}

function score(model: TopicModel, examples: readonly Example[]) {
  let first = 0;
  let assigned = 0;
  let right = 0;
  for (const example of examples) {
    const predicted = predictTopics(model, example.features);
    if (predicted[0] === example.main) first++;
    assigned += predicted.length;
    right += predicted.filter((topic) => example.members.has(topic)).length;
  }
  return { first: first / examples.length, precision: right / assigned, perPaper: assigned / examples.length };
}

function main(): void {
  const { values } = parseArgs({ options: { cv: { type: "string" }, grid: { type: "string" } } });
  const taxonomy = loadTaxonomy();
  const compiled = compileTaxonomy(taxonomy);
  const slugs = taxonomy.topics.map((topic) => topic.slug);
  const labelled = readLabelledPapers();
  const tuning = labelled.filter((paper) => !isHeldOut(paper));
  const started = Date.now();
  const categories = trainCategoryHead(new Set(labelled.filter((paper) => isHeldOut(paper)).map((paper) => paper.id)));
  console.log(
    `category head: ${categories.names.length} arXiv categories, ${Object.keys(categories.weights).length} words, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  if (values.cv) {
    const folds = Number(values.cv);
    const grid: Partial<Settings>[] = values.grid ? (JSON.parse(values.grid) as Partial<Settings>[]) : [{}, { categories: false }];
    for (const change of grid) {
      const settings = { ...DEFAULTS, ...change };
      const examples = examplesOf(tuning, slugs, compiled, settings, categories);
      const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7];
      const byThreshold = thresholds.map(() => ({ first: 0, precision: 0, perPaper: 0 }));
      for (let fold = 0; fold < folds; fold++) {
        const trainSet = examples.filter((_, index) => index % folds !== fold);
        const testSet = examples.filter((_, index) => index % folds === fold);
        const heads = trainTopicHeads(trainSet, slugs.length, settings);
        thresholds.forEach((memberThreshold, t) => {
          const result = score(toModel(heads, categories, slugs, { ...settings, memberThreshold }, ""), testSet);
          byThreshold[t]!.first += result.first / folds;
          byThreshold[t]!.precision += result.precision / folds;
          byThreshold[t]!.perPaper += result.perPaper / folds;
        });
      }
      const line = thresholds
        .map((threshold, t) => `τ${threshold}: ${(100 * byThreshold[t]!.precision).toFixed(1)}% (${byThreshold[t]!.perPaper.toFixed(2)})`)
        .join("  ");
      console.log(`${JSON.stringify(change).padEnd(24)} first ${(100 * byThreshold[0]!.first).toFixed(1)}%  assigned right ${line}`);
    }
    return;
  }

  const examples = examplesOf(tuning, slugs, compiled, DEFAULTS, categories);
  const model = toModel(
    trainTopicHeads(examples, slugs.length, DEFAULTS),
    categories,
    slugs,
    DEFAULTS,
    `Topic model trained on the ${tuning.length} papers of the tuning half of test/fixtures/topics-labelled-real.yaml ` +
      "and the arXiv categories of the real abstracts; regenerate with npm run train:topics",
  );
  writeFileSync(fileURLToPath(TOPIC_MODEL_FILE), `${JSON.stringify(model)}\n`);
  const onTraining = score(model, examples);
  console.log(
    `wrote ${fileURLToPath(TOPIC_MODEL_FILE)}: ${Object.keys(model.main.weights).length} features; ` +
      `on its own training papers: first topic ${(100 * onTraining.first).toFixed(1)}%`,
  );
}

main();
