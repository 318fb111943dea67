import fs from "node:fs";
import path from "node:path";
import { formatBuildReport, runBuildBench } from "./bench/build-bench.ts";
import { replaceSection } from "./bench/docs-section.ts";
import { DEFAULT_SAMPLE, loadVocabulary } from "./corpus/vocabulary.ts";
import { readCommandLine } from "../src/cli/read-command-line.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");

const usage = `Usage: npm run bench -- [--sizes 1000,10000,30000] [--per-day 33] [--seed 1] [--skip-floor] [--incremental] [--work-root /tmp/dpa-bench] [--timeout-min 30] [--keep] [--no-docs]

Generates synthetic archives of each size, builds each with the real build CLI and the bare
Eleventy floor, and reports per-stage wall time, papers per second and peak RSS (node and
Pagefind separately). --incremental also builds each archive without its newest day, adds
the day back and times the rebuild, and checks it equals the clean build. Writes the table into docs/benchmarks.md (unless --no-docs) and prints it.
A benchmark, not a test: it takes minutes.`;

async function main(): Promise<number> {
  const cli = readCommandLine(
    {
      sizes: { type: "string", default: "1000,10000,30000" },
      "per-day": { type: "string", default: "33" },
      seed: { type: "string", default: "1" },
      start: { type: "string", default: "2023-01-01" },
      "skip-floor": { type: "boolean", default: false },
      incremental: { type: "boolean", default: false },
      "work-root": { type: "string", default: "/tmp/dpa-bench" },
      "timeout-min": { type: "string", default: "30" },
      keep: { type: "boolean", default: false },
      "no-docs": { type: "boolean", default: false },
    },
    usage,
  );
  if (cli.exitCode !== undefined) return cli.exitCode;
  const { values } = cli;
  const sizes = values.sizes.split(",").map((size) => Number(size.trim()));
  const perDay = Number(values["per-day"]);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(perDay) || perDay < 1) {
    console.error(`--sizes takes positive integers separated by commas, --per-day a positive integer\n\n${usage}`);
    return 2;
  }
  const workRoot = path.resolve(values["work-root"]);
  if (workRoot.startsWith(PROJECT_ROOT + path.sep)) {
    console.error(`--work-root must be outside the repository (generated data is large): ${workRoot}`);
    return 2;
  }
  const report = await runBuildBench(loadVocabulary(path.join(PROJECT_ROOT, DEFAULT_SAMPLE)), {
    projectRoot: PROJECT_ROOT,
    sizes,
    perDay,
    seed: Number(values.seed),
    start: values.start,
    workRoot,
    skipFloor: values["skip-floor"],
    incremental: values.incremental,
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
