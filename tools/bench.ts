import fs from "node:fs";
import path from "node:path";
import { formatBuildReport, runBuildBench } from "./bench/build-bench.ts";
import { replaceSection } from "./bench/docs-section.ts";
import { readArxivPapers, type RealPaper } from "./corpus/real-text.ts";
import { DEFAULT_SAMPLE, loadVocabulary } from "./corpus/vocabulary.ts";
import { readCommandLine } from "../src/cli/read-command-line.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

const usage = `Usage: npm run bench -- [--sizes 1000,10000,30000] [--synthetic-sizes 100000] [--daily 30000] [--per-day 33] [--seed 1]
                     [--daily-runs 3] [--skip-floor] [--work-root /tmp/dpa-bench] [--timeout-min 60] [--keep] [--no-docs]

Lays out archives of real titles and abstracts (../shared/real/arxiv-abstracts.jsonl.gz, in file order,
--per-day papers a day) of each --sizes, and synthetic ones (npm run corpus text) of each --synthetic-sizes
(the real papers run out at about 45,000); builds each with the real build CLI and the bare Eleventy floor
on the same papers, and reports per-stage wall time, papers per second and peak RSS (node and Pagefind
separately). For each --daily size (real text) it also builds the archive without its newest two days, adds them
back one a build, as the daily job does, times the second rebuild (kept work folder, and the spare the
first one left) --daily-runs times from a copy of the same state, reports the median, and checks every
rebuild equals the clean build.
Pass an empty list (--synthetic-sizes "" or --daily "") to skip. Writes the table into docs/benchmarks.md
(unless --no-docs) and prints it. A benchmark, not a test: at the default sizes it takes most of an hour.`;

const sizeList = (text: string) =>
  text
    .split(",")
    .map((size) => size.trim())
    .filter((size) => size !== "")
    .map(Number);

async function main(): Promise<number> {
  const cli = readCommandLine(
    {
      sizes: { type: "string", default: "1000,10000,30000" },
      "synthetic-sizes": { type: "string", default: "100000" },
      daily: { type: "string", default: "30000" },
      "daily-runs": { type: "string", default: "3" },
      "per-day": { type: "string", default: "33" },
      seed: { type: "string", default: "1" },
      start: { type: "string", default: "2023-01-01" },
      "skip-floor": { type: "boolean", default: false },
      "work-root": { type: "string", default: "/tmp/dpa-bench" },
      "timeout-min": { type: "string", default: "60" },
      keep: { type: "boolean", default: false },
      "no-docs": { type: "boolean", default: false },
    },
    usage,
  );
  if (cli.exitCode !== undefined) return cli.exitCode;
  const { values } = cli;
  const [sizes, syntheticSizes, dailySizes] = [values.sizes, values["synthetic-sizes"], values.daily].map(sizeList) as [
    number[],
    number[],
    number[],
  ];
  const perDay = Number(values["per-day"]);
  if (
    [...sizes, ...syntheticSizes, ...dailySizes, Number(values["daily-runs"])].some((size) => !Number.isInteger(size) || size < 1) ||
    !Number.isInteger(perDay) ||
    perDay < 1
  ) {
    console.error(
      `--sizes, --synthetic-sizes and --daily take positive integers separated by commas, --per-day and --daily-runs a positive integer\n\n${usage}`,
    );
    return 2;
  }
  const missing = dailySizes.filter((size) => !sizes.includes(size));
  if (missing.length) {
    console.error(`--daily ${missing.join(",")}: the daily case is measured on a real-text size, so each must be in --sizes\n\n${usage}`);
    return 2;
  }
  const workRoot = path.resolve(values["work-root"]);
  if (workRoot.startsWith(PROJECT_ROOT + path.sep)) {
    console.error(`--work-root must be outside the repository (generated data is large): ${workRoot}`);
    return 2;
  }
  let realPapers: RealPaper[] | undefined;
  const report = await runBuildBench(loadVocabulary(path.join(PROJECT_ROOT, DEFAULT_SAMPLE)), {
    projectRoot: PROJECT_ROOT,
    sizes,
    syntheticSizes,
    realPapers: () => (realPapers ??= readArxivPapers()),
    perDay,
    seed: Number(values.seed),
    start: values.start,
    workRoot,
    skipFloor: values["skip-floor"],
    dailySizes,
    dailyRuns: Number(values["daily-runs"]),
    timeoutMs: Number(values["timeout-min"]) * 60_000,
    keep: values.keep,
    log: (line) => console.log(line),
  });
  fs.mkdirSync(workRoot, { recursive: true });
  fs.writeFileSync(path.join(workRoot, "build-bench.json"), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = formatBuildReport(report);
  console.log(`\n${markdown}`);
  if (!values["no-docs"]) {
    replaceSection(path.join(PROJECT_ROOT, "docs", "benchmarks.md"), "bench:build", `## Build time and memory\n\n${markdown}`);
    console.log(`\nWrote the table into docs/benchmarks.md (raw numbers in ${path.join(workRoot, "build-bench.json")})`);
  }
  return report.results.every((result) => result.build.ok) ? 0 : 1;
}

process.exitCode = await main();
