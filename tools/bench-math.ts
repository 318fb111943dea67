/**
 * `npm run bench:math`: the math repair's time per text, with its fast path
 * (src/math/math-free.ts) and without it (every text through the span
 * finder), on real text; and the check that both give the same segments for
 * every text.
 */
import { spawnSync } from "node:child_process";
import { readCommandLine } from "../src/cli/read-command-line.ts";
import { isMathFree } from "../src/math/math-free.ts";
import { repairByFullSearch, repairUncached } from "../src/math/repair.ts";
import { arxivTexts, hfDailyTexts, sampleDayTexts } from "./corpus/real-text.ts";

const usage = `Usage: npm run bench:math -- [--skip-check]

For each text set (the scraped sample day, the 24 Hugging Face days, the 45,904 arXiv papers; titles
and abstracts), times the repair of every text once with the fast path and once without, each in a
fresh process so neither run finds the other's caches warm, and prints median, p99 and total.
Then checks that both give identical segments for every text (exit 1 if one differs).`;

const TEXT_SETS = {
  "sample day (2025-08-20)": sampleDayTexts,
  "Hugging Face days (24)": hfDailyTexts,
  "arXiv abstracts (45,904 papers)": () => arxivTexts(),
} as const;
type TextSet = keyof typeof TEXT_SETS;
const PATHS = { "full search (before)": repairByFullSearch, "fast path (after)": repairUncached } as const;
type RepairPath = keyof typeof PATHS;

interface Timing {
  texts: number;
  mathFree: number;
  medianUs: number;
  p99Us: number;
  totalMs: number;
}

const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;

/** Runs in the child process: one path over one text set, cold. */
function measure(set: TextSet, repairPath: RepairPath): Timing {
  const texts = TEXT_SETS[set]();
  const repair = PATHS[repairPath];
  const times: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    repair(text);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    texts: texts.length,
    mathFree: texts.filter((text) => isMathFree(text.replace(/\s+/g, " "))).length,
    medianUs: percentile(sorted, 0.5) * 1000,
    p99Us: percentile(sorted, 0.99) * 1000,
    totalMs: times.reduce((sum, time) => sum + time, 0),
  };
}

function measureInChild(set: TextSet, repairPath: RepairPath): Timing {
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, "--child", JSON.stringify([set, repairPath])], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`measuring ${repairPath} on ${set} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as Timing;
}

function main(): number {
  const cli = readCommandLine({ "skip-check": { type: "boolean", default: false }, child: { type: "string" } }, usage);
  if (cli.exitCode !== undefined) return cli.exitCode;
  if (cli.values.child) {
    const [set, repairPath] = JSON.parse(cli.values.child) as [TextSet, RepairPath];
    console.log(JSON.stringify(measure(set, repairPath)));
    return 0;
  }
  const rows = ["| Texts | Repair | Texts | Without math-like token | Median | p99 | Total |", "|---|---|---:|---:|---:|---:|---:|"];
  for (const set of Object.keys(TEXT_SETS) as TextSet[]) {
    for (const repairPath of Object.keys(PATHS) as RepairPath[]) {
      const timing = measureInChild(set, repairPath);
      const row = `| ${set} | ${repairPath} | ${timing.texts} | ${timing.mathFree} | ${timing.medianUs.toFixed(1)} µs | ${timing.p99Us.toFixed(0)} µs | ${(timing.totalMs / 1000).toFixed(2)} s |`;
      rows.push(row);
      console.error(row);
    }
  }
  console.log(rows.join("\n"));
  if (cli.values["skip-check"]) return 0;
  let compared = 0;
  const differing: string[] = [];
  for (const set of Object.keys(TEXT_SETS) as TextSet[]) {
    for (const text of TEXT_SETS[set]()) {
      compared++;
      if (JSON.stringify(repairUncached(text)) !== JSON.stringify(repairByFullSearch(text))) differing.push(text);
    }
  }
  console.log(`\nFast path against full search: ${compared} texts compared, ${differing.length} differ.`);
  for (const text of differing.slice(0, 20)) console.log(`  differs: ${JSON.stringify(text.slice(0, 200))}`);
  return differing.length === 0 ? 0 : 1;
}

process.exitCode = main();
