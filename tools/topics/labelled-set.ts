/**
 * The labelled real papers (test/fixtures/topics-labelled-real.yaml) and their
 * fixed split into a tuning half and a held-out half. The split depends only on
 * each paper's id (a hash), so adding papers never moves the others.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";

export const LABELLED_REAL_FILE = path.resolve(import.meta.dirname, "../../test/fixtures/topics-labelled-real.yaml");

const labelledPaperSchema = z.strictObject({
  id: z.string().min(1),
  source: z.string().min(1),
  title: z.string().min(1),
  abstract: z.string().min(1),
  keywords: z.array(z.string()).optional(),
  /**
   * How the paper was drawn: at random from the real material (the default), or among papers the rules
   * filed under a rare topic, to teach the model topics a random draw holds few of. Those are for tuning
   * only: the held-out half must stay a random draw, or its accuracy would not be the real stream's.
   */
  drawn: z.enum(["at-random", "for-rare-topics"]).optional(),
  /** Main topic first, then the others that apply. */
  topics: z.array(z.string()).min(1),
});
export type LabelledPaper = z.infer<typeof labelledPaperSchema>;

export function readLabelledPapers(file = LABELLED_REAL_FILE): LabelledPaper[] {
  return z.strictObject({ papers: z.array(labelledPaperSchema).min(1) }).parse(parse(readFileSync(file, "utf8"))).papers;
}

/** Held out from tuning: a paper drawn at random whose id's SHA-1 starts with an odd byte. */
export function isHeldOut(paper: Pick<LabelledPaper, "id" | "drawn">): boolean {
  return paper.drawn !== "for-rare-topics" && (createHash("sha1").update(paper.id).digest()[0]! & 1) === 1;
}
