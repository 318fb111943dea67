/**
 * The topic taxonomy: a YAML file (content/topics.yaml) that site owners edit
 * without touching code. This module loads and validates it; errors name the
 * file and the offending topic and field so a typo is quick to find.
 */
import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { z } from "zod";
import { allWords, tokenizeKeepingCase } from "../text/tokenize.ts";

export const DEFAULT_TAXONOMY_FILE = "content/topics.yaml";

/** Slug of the fallback topic every unmatched paper is filed under. */
export const OTHER_SLUG = "other";

const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lowercase ASCII letters/digits separated by single hyphens");

/** Rules map a phrase (or single word/stem) to the points a match is worth. */
const rulesSchema = z.record(z.string().min(1, "rule phrase must not be empty"), z.number().positive().finite());

const topicSchema = z.strictObject({
  name: z.string().trim().min(1),
  slug: slugSchema,
  description: z
    .string()
    .trim()
    .min(1)
    .refine((text) => !text.includes("\n"), "description must be one line"),
  rules: rulesSchema.default({}),
  /**
   * Phrases that count in the title only ("benchmark" in a title names a
   * benchmark paper; in an abstract nearly every paper reports benchmarks).
   * A phrase here overrides the same phrase of `rules` in the title.
   */
  title_rules: rulesSchema.default({}),
  /**
   * A broad topic (language models, multimodal, visual perception...): many
   * papers mention it while being about something more specific, so its score
   * is scaled by `general_topic_factor` and a specific topic wins near-ties.
   */
  general: z.boolean().default(false),
  /** Slugs of former topics merged into this one: their pages redirect here. */
  replaces: z.array(slugSchema).default([]),
});

export const taxonomySchema = z
  .strictObject({
    /** A phrase found in the title scores this many times its abstract weight. */
    title_weight: z.number().positive().finite(),
    /** Hugging Face keywords (`ai_keywords`) count this many times abstract evidence. */
    keyword_weight: z.number().nonnegative().finite().default(0.5),
    /** Each further distinct phrase of a topic in a field adds this to its best weight... */
    extra_match_bonus: z.number().nonnegative().finite().default(0.5),
    /** ...for at most this many phrases, so a topic's number of rules does not decide. */
    max_extra_matches: z.number().int().nonnegative().default(2),
    /** Scale of a general topic's score (see `general`). */
    general_topic_factor: z.number().gt(0).max(1).default(1),
    /** A topic must reach this score to be assigned at all. */
    min_score: z.number().nonnegative().finite(),
    /** Second and third topics must score at least this fraction of the best topic. */
    secondary_ratio: z.number().gt(0).max(1),
    /** At most this many topics per paper (1 to 3). */
    max_topics: z.number().int().min(1).max(3),
    topics: z.array(topicSchema).min(1),
  })
  .superRefine((taxonomy, ctx) => {
    const seenSlugs = new Map<string, number>();
    const replacedBy = new Map<string, string>();
    taxonomy.topics.forEach((topic, index) => {
      topic.replaces.forEach((old, position) => {
        const earlier = replacedBy.get(old);
        if (earlier !== undefined) {
          ctx.addIssue({
            code: "custom",
            path: ["topics", index, "replaces", position],
            message: `"${old}" is already replaced by topic "${earlier}"; an old slug can redirect to one topic only`,
          });
        }
        replacedBy.set(old, topic.slug);
      });
      const earlier = seenSlugs.get(topic.slug);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["topics", index, "slug"],
          message: `duplicate slug "${topic.slug}" (already used by topic #${earlier + 1})`,
        });
      }
      seenSlugs.set(topic.slug, index);
      checkRulePhrases(topic.rules, index, "rules", ctx);
      checkRulePhrases(topic.title_rules, index, "title_rules", ctx);
    });
    taxonomy.topics.forEach((topic, index) => {
      topic.replaces.forEach((old, position) => {
        if (seenSlugs.has(old)) {
          ctx.addIssue({
            code: "custom",
            path: ["topics", index, "replaces", position],
            message: `"${old}" is the slug of a current topic and cannot also redirect`,
          });
        }
      });
    });
    if (!seenSlugs.has(OTHER_SLUG)) {
      ctx.addIssue({
        code: "custom",
        path: ["topics"],
        message: `a fallback topic with slug "${OTHER_SLUG}" is required: unmatched papers are filed there`,
      });
    }
  });

/**
 * How a rule phrase is matched: its tokens, and for each word written with a
 * capital letter (an acronym or name) the exact spelling it must have.
 */
export function rulePattern(phrase: string): { tokens: string[]; exact: (string | null)[] } {
  const { tokens, words } = tokenizeKeepingCase(phrase);
  return { tokens, exact: words.map((word) => (/[A-Z]/.test(word) ? word : null)) };
}

/** Two phrases with the same key are the same rule. An acronym matches its plural too ("LLM" also "LLMs"). */
export function phraseKey(pattern: { tokens: readonly string[]; exact: readonly (string | null)[] }): string {
  return pattern.tokens.map((token, i) => pattern.exact[i]?.replace(/s$/, "") ?? token).join(" ");
}

/**
 * Phrases are matched after stemming, so two phrases can silently be the same
 * rule ("quantized" and "quantization") and double-count; a phrase made only of
 * stop words can never match; single letters are dropped by the tokenizer, so
 * "q learning" would really mean "learning". All are authoring mistakes.
 */
function checkRulePhrases(rules: Record<string, number>, topicIndex: number, field: string, ctx: z.RefinementCtx): void {
  const phraseByStems = new Map<string, string>();
  for (const phrase of Object.keys(rules)) {
    const ignoredWords = allWords(phrase).filter((word) => word.length === 1);
    if (ignoredWords.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["topics", topicIndex, field, phrase],
        message: `single-character words (${ignoredWords.join(", ")}) are ignored in matching, so the phrase would match more than intended`,
      });
    }
    const pattern = rulePattern(phrase);
    const stems = phraseKey(pattern);
    if (stems === "") {
      ctx.addIssue({
        code: "custom",
        path: ["topics", topicIndex, field, phrase],
        message: "phrase has no matchable words (only stop words or single characters)",
      });
      continue;
    }
    const clash = phraseByStems.get(stems);
    if (clash !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["topics", topicIndex, field, phrase],
        message: `same stemmed phrase "${stems}" as rule "${clash}"; keep only one`,
      });
    }
    phraseByStems.set(stems, phrase);
  }
}

export type Taxonomy = z.infer<typeof taxonomySchema>;
export type Topic = Taxonomy["topics"][number];

export class TaxonomyError extends Error {
  override name = "TaxonomyError";
}

/** Parses and validates taxonomy YAML; `file` is only used in error messages. */
export function parseTaxonomy(yamlText: string, file: string): Taxonomy {
  const document = parseDocument(yamlText, { uniqueKeys: true });
  if (document.errors.length > 0) {
    const details = document.errors.map((error) => `  - ${error.message}`).join("\n");
    throw new TaxonomyError(`${file}: invalid YAML\n${details}`);
  }
  const raw: unknown = document.toJS();
  const result = taxonomySchema.safeParse(raw);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `  - ${describePath(raw, issue.path)}: ${issue.message}`);
    throw new TaxonomyError(`${file}: invalid topic taxonomy\n${details.join("\n")}`);
  }
  return result.data;
}

/** Reads and validates a taxonomy file (defaults to content/topics.yaml). */
export function loadTaxonomy(file: string = DEFAULT_TAXONOMY_FILE): Taxonomy {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new TaxonomyError(`${file}: cannot read topic taxonomy (${(error as Error).message})`);
  }
  return parseTaxonomy(text, file);
}

/**
 * Turns a zod path such as ["topics", 4, "slug"] into
 * `topics[4] (slug "llm-inference", name "LLM inference") > slug`, so the
 * message says which topic is wrong, not just its position.
 */
function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  const parts: string[] = [];
  let node: unknown = raw;
  for (const key of path) {
    node = isRecord(node) || Array.isArray(node) ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      parts[parts.length - 1] += `[${key}]${describeTopic(node)}`;
    } else {
      parts.push(String(key));
    }
  }
  return parts.join(" > ");
}

function describeTopic(node: unknown): string {
  if (!isRecord(node)) return "";
  const labels = ["slug", "name"].filter((field) => typeof node[field] === "string").map((field) => `${field} "${String(node[field])}"`);
  return labels.length > 0 ? ` (${labels.join(", ")})` : "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
