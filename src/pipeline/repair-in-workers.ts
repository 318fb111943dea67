import type { MathText } from "../math/math-text.ts";
import type { Segment } from "../math/repair.ts";
import { runInWorker, splitEvenly } from "./in-worker.ts";

/**
 * Below this many texts a worker's start-up (about 0.7 s to load tsx, the
 * repair code and KaTeX) costs more than it saves: they are repaired in this
 * thread as they are asked for.
 */
export const MIN_TEXTS_FOR_WORKERS = 4000;

const REPAIR_MODULE = new URL("../math/repair.ts", import.meta.url);

/**
 * Math repair is most of a clean build's enrichment and each text is
 * independent, so the texts `mathText` does not know yet are split over
 * `jobs` worker threads and their repairs handed to it. Returns how many
 * texts the workers repaired.
 */
export async function repairInWorkers(
  mathText: MathText,
  texts: Iterable<string>,
  jobs: number,
  minTexts = MIN_TEXTS_FOR_WORKERS,
): Promise<number> {
  const unknown = mathText.unrepaired(texts);
  if (jobs < 2 || unknown.length < minTexts) return 0;
  const runs = splitEvenly(unknown, jobs);
  const repairs = await Promise.all(runs.map((run) => runInWorker<Segment[][]>(REPAIR_MODULE, "repairEach", [run])));
  runs.forEach((run, index) => mathText.remember(run, repairs[index]!));
  return unknown.length;
}
