import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isTrash } from "../../src/pipeline/remove-in-background.ts";
import { generateCorpus } from "../corpus/generate.ts";
import { writeRealCorpus } from "../corpus/real-corpus.ts";
import type { RealPaper } from "../corpus/real-text.ts";
import type { Vocabulary } from "../corpus/vocabulary.ts";
import { writeFloorProject, type FloorPaper } from "./floor.ts";
import { describeMachine, countFiles, loadAverage, type Machine } from "./machine.ts";
import { isNode, isPagefind, measure, peakOf, type Measured } from "./measure.ts";
import { parseBuiltLine, parseStageLines, STAGES, type Stage } from "./stage-lines.ts";

export interface BuildBenchOptions {
  projectRoot: string;
  /** Target paper counts of archives built from real titles and abstracts (`realPapers`), e.g. [1000, 10000, 30000]. */
  sizes: number[];
  /** Target paper counts of archives of synthetic text (tools/corpus/generate.ts), e.g. [100000]: larger than the real papers. */
  syntheticSizes: number[];
  /** The real papers, in a fixed order (tools/corpus/real-text.ts); read only when `sizes` is not empty. */
  realPapers: () => readonly RealPaper[];
  perDay: number;
  seed: number;
  start: string;
  /** Where corpora, sites and work folders go. */
  workRoot: string;
  skipFloor: boolean;
  /**
   * The daily case, for these real-text sizes: time adding the newest day to the archive the day before's
   * job built (with the kept work folder and output), and compare the result with the clean build.
   */
  dailySizes: number[];
  /**
   * How many times the daily rebuild is timed, each from a copy of the same
   * state: on this machine one run of the same code moves by a third.
   */
  dailyRuns: number;
  timeoutMs: number;
  keep: boolean;
  log: (line: string) => void;
}

export interface RunResult {
  ok: boolean;
  status: string;
  wallSeconds: number;
  stages: Partial<Record<Stage, number>>;
  /** Peak RSS over node processes of the tree, kB. */
  nodePeakKb?: number;
  pagefindPeakKb?: number;
  /** The largest single process of the tree (GNU time, else the polled maximum), kB. */
  maxPeakKb?: number;
  files?: number;
  pages?: number;
  /** Papers the build reported (after merging repeats). */
  papers?: number;
  load: string;
}

export type CorpusText = "real" | "synthetic";

export interface SizeResult {
  target: number;
  text: CorpusText;
  days: number;
  entries: number;
  papers: number;
  generateSeconds: number;
  build: RunResult;
  floor?: RunResult;
  incremental?: IncrementalResult;
}

export interface IncrementalResult {
  /** The build of the archive without its newest two days, in a fresh work folder. */
  before: RunResult;
  /** The rebuild after adding the first of them, as the day before's job: it leaves the output a spare. */
  dayBefore: RunResult;
  /** The rebuild after adding the newest day, with the same work folder and output: the run of median wall time. */
  after: RunResult;
  /** The wall time of every timed rebuild, in the order run. */
  runSeconds: number[];
  /** Whether every rebuilt site equals the clean full build, file for file, byte for byte. */
  identical: boolean;
  differences: string[];
  /** Lines the rebuild printed about what it reused. */
  reuse: string[];
}

export interface BuildBenchReport {
  machine: Machine;
  options: Pick<BuildBenchOptions, "perDay" | "seed" | "start">;
  results: SizeResult[];
}

function describeRun(run: Measured): Pick<RunResult, "ok" | "status" | "nodePeakKb" | "pagefindPeakKb" | "maxPeakKb"> {
  const nodePeakKb = peakOf(run.processes, isNode);
  const pagefindPeakKb = peakOf(run.processes, isPagefind);
  const polledMax = peakOf(run.processes, () => true);
  const maxPeakKb = Math.max(run.timeMaxRssKb ?? 0, polledMax ?? 0) || undefined;
  const ok = run.code === 0 && !run.timedOut;
  const errorLines = run.stderr.trim().split("\n").filter(Boolean);
  const lastError = (errorLines.find((line) => /error|failed/i.test(line)) ?? errorLines[errorLines.length - 1] ?? "").trim().slice(0, 200);
  const status = ok
    ? "ok"
    : run.timedOut
      ? `timed out after ${run.wallSeconds.toFixed(0)} s`
      : run.signal
        ? `killed (${run.signal}${run.signal.includes("9") ? ", out of memory?" : ""})`
        : `failed (exit ${run.code}): ${lastError}`;
  return {
    ok,
    status,
    ...(nodePeakKb !== undefined ? { nodePeakKb } : {}),
    ...(pagefindPeakKb !== undefined ? { pagefindPeakKb } : {}),
    ...(maxPeakKb !== undefined ? { maxPeakKb } : {}),
  };
}

/** Writes a corpus of about `target` papers into `folder` (whole days); returns the distinct papers for the floor. */
function generate(vocabulary: Vocabulary, options: BuildBenchOptions, target: number, text: CorpusText, folder: string) {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  const days = Math.max(1, Math.round(target / options.perDay));
  if (text === "real") {
    const written = writeRealCorpus(options.realPapers(), { days, perDay: options.perDay, start: options.start }, folder);
    const papers = written.flatMap((day) =>
      day.papers.map((paper) => ({ title: oneLine(paper.title), abstract: oneLine(paper.abstract) })),
    );
    return { days, entries: papers.length, papers };
  }
  const papers: FloorPaper[] = [];
  let entries = 0;
  for (const day of generateCorpus(vocabulary, { days, perDay: options.perDay, seed: options.seed, start: options.start })) {
    fs.writeFileSync(path.join(folder, day.fileName), day.text);
    entries += day.entries.length;
    for (const entry of day.entries) if (!entry.repeat) papers.push({ title: entry.paper.title, abstract: entry.paper.abstract });
  }
  return { days, entries, papers };
}

/** Builds a digests folder with the real build CLI, measured. */
/** Builds a digests folder with the real build CLI, measured: clean, unless `keepWork` keeps an earlier build's work folder. */
export async function measureFullBuild(
  projectRoot: string,
  digests: string,
  root: string,
  timeoutMs: number,
  { buildArguments = [], keepWork = false }: { buildArguments?: string[]; keepWork?: boolean } = {},
): Promise<RunResult> {
  const folders = { site: path.join(root, "site"), work: path.join(root, "work"), permalinks: path.join(root, "permalinks.json") };
  for (const [name, target] of Object.entries(folders))
    if (!keepWork || name === "site") fs.rmSync(target, { recursive: true, force: true });
  return (await measureBuild(projectRoot, digests, folders, timeoutMs, buildArguments)).result;
}

async function measureBuild(
  projectRoot: string,
  digests: string,
  { site, work, permalinks }: { site: string; work: string; permalinks: string },
  timeoutMs: number,
  buildArguments: readonly string[] = [],
): Promise<{ result: RunResult; stdout: string }> {
  const load = loadAverage();
  const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
  const cli = [
    path.join(projectRoot, "scripts", "build.ts"),
    "--input",
    digests,
    "--output",
    site,
    "--work-dir",
    work,
    "--permalinks",
    permalinks,
    ...buildArguments,
  ];
  const run = await measure(tsx, cli, {
    cwd: projectRoot,
    timeoutMs,
  });
  const built = parseBuiltLine(run.stdout);
  const result = {
    ...describeRun(run),
    wallSeconds: run.wallSeconds,
    stages: parseStageLines(run.stdout),
    ...(built ? { pages: built.pages, papers: built.papers } : {}),
    ...(run.code === 0 ? { files: countFiles(site) } : {}),
    load,
  };
  return { result, stdout: run.stdout };
}

/**
 * The daily job in its steady state: the archive without its newest two
 * digests, built cold; the first of them added back and rebuilt (the day
 * before's job, which leaves the output the site it replaced as a spare);
 * then the newest added and rebuilt with the same work folder and output,
 * which is what is measured, `runs` times from a copy of the state the day
 * before's job left (kept in `incremental-state` with `keepState`). Every rebuilt site is compared with `cleanSite`, a clean
 * build of the whole archive.
 */
async function measureIncremental(
  projectRoot: string,
  digests: string,
  root: string,
  cleanSite: string,
  timeoutMs: number,
  runs: number,
  keepState: boolean,
  log: (line: string) => void,
): Promise<IncrementalResult> {
  const folders = {
    site: path.join(root, "incremental-site"),
    work: path.join(root, "incremental-work"),
    permalinks: path.join(root, "incremental-permalinks.json"),
  };
  // The output is a link into this folder, which holds the spare too (src/pipeline/publish.ts).
  const state = [...Object.values(folders), path.join(root, `.${path.basename(folders.site)}.builds`)];
  const snapshot = path.join(root, "incremental-state");
  for (const target of [...state, snapshot]) fs.rmSync(target, { recursive: true, force: true });
  const [dayBefore, newest] = fs
    .readdirSync(digests)
    .filter((name) => /^\d{4}-\d{2}-\d{2}/.test(name))
    .sort()
    .slice(-2) as [string, string];
  const held = (name: string) => path.join(root, `held-${name}`);
  for (const name of [dayBefore, newest]) fs.renameSync(path.join(digests, name), held(name));
  let before;
  let dayBeforeRun;
  try {
    before = (await measureBuild(projectRoot, digests, folders, timeoutMs)).result;
    fs.renameSync(held(dayBefore), path.join(digests, dayBefore));
    dayBeforeRun = (await measureBuild(projectRoot, digests, folders, timeoutMs)).result;
  } finally {
    for (const name of [dayBefore, newest]) if (fs.existsSync(held(name))) fs.renameSync(held(name), path.join(digests, name));
  }
  const timed: { result: RunResult; stdout: string }[] = [];
  const differences = new Set<string>();
  for (let run = 0; run < runs; run++) {
    if (runs > 1) {
      await waitForTrashGone(state);
      // One `cp -a` for the lot keeps the hard links between the spare, the current site and the caches.
      if (run === 0) copyTogether(state, snapshot);
      else {
        for (const target of state) fs.rmSync(target, { recursive: true, force: true });
        copyTogether(
          state.map((target) => path.join(snapshot, path.basename(target))),
          root,
        );
      }
      // The copy's writeback is not the rebuild's to pay for.
      execFileSync("sync");
    }
    const rebuild = await measureBuild(projectRoot, digests, folders, timeoutMs);
    const found = rebuild.result.ok ? compareFolders(folders.site, cleanSite) : ["the rebuild failed"];
    for (const difference of found) differences.add(difference);
    log(
      `[bench daily] rebuild ${run + 1} of ${runs}: ${rebuild.result.status}, ${rebuild.result.wallSeconds.toFixed(1)} s; identical to the clean build: ${found.length === 0 ? "yes" : "no"}`,
    );
    timed.push(rebuild);
  }
  if (!keepState) fs.rmSync(snapshot, { recursive: true, force: true });
  const median = [...timed].sort((a, b) => a.result.wallSeconds - b.result.wallSeconds)[Math.floor((timed.length - 1) / 2)]!;
  const reuse = median.stdout
    .split("\n")
    .filter((line) => /unchanged|reused|re-indexed/.test(line))
    .map((line) => line.trim());
  return {
    before,
    dayBefore: dayBeforeRun,
    after: median.result,
    runSeconds: timed.map((run) => run.result.wallSeconds),
    identical: differences.size === 0,
    differences: [...differences].slice(0, 10),
    reuse,
  };
}

/** Copies `sources` (files, folders, links) into `destination` with one `cp -a`, hard links kept. */
function copyTogether(sources: readonly string[], destination: string) {
  fs.mkdirSync(destination, { recursive: true });
  execFileSync("cp", ["-a", "--", ...sources.filter((source) => fs.existsSync(source) || isLink(source)), destination]);
}

const isLink = (file: string) => fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;

/**
 * Waits, up to a minute, until the background removals a build started
 * (`trash-*` folders, src/pipeline/remove-in-background.ts) inside `folders`
 * are done, so a copy does not race them.
 */
async function waitForTrashGone(folders: readonly string[]) {
  const holdsTrash = (folder: string) => {
    try {
      return fs.readdirSync(folder).some(isTrash);
    } catch {
      return false; // a file, or not there
    }
  };
  for (let waited = 0; waited < 60_000 && folders.some(holdsTrash); waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
}

/** Files and folders only in one folder, or files whose bytes differ. */
function compareFolders(a: string, b: string): string[] {
  // Folders end in a slash: an empty folder left behind is a difference too.
  const list = (folder: string) =>
    fs
      .readdirSync(folder, { recursive: true, withFileTypes: true })
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)) + (entry.isDirectory() ? "/" : ""))
      .sort();
  const left = list(a);
  const right = new Set(list(b));
  const leftSet = new Set(left);
  const differences = left.filter((file) => !right.has(file)).map((file) => `only in the rebuild: ${file}`);
  for (const file of right) if (!leftSet.has(file)) differences.push(`only in the clean build: ${file}`);
  for (const file of left)
    if (!file.endsWith("/") && right.has(file) && !fs.readFileSync(path.join(a, file)).equals(fs.readFileSync(path.join(b, file))))
      differences.push(`differs: ${file}`);
  return differences;
}

async function measureFloor(projectRoot: string, papers: readonly FloorPaper[], folder: string, timeoutMs: number): Promise<RunResult> {
  const { input, output } = writeFloorProject(folder, papers);
  const load = loadAverage();
  const eleventy = path.join(projectRoot, "node_modules", ".bin", "eleventy");
  const run = await measure(eleventy, ["--input", input, "--output", output, "--quiet"], { cwd: folder, timeoutMs });
  return { ...describeRun(run), wallSeconds: run.wallSeconds, stages: {}, ...(run.code === 0 ? { files: countFiles(output) } : {}), load };
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export async function runBuildBench(vocabulary: Vocabulary, options: BuildBenchOptions): Promise<BuildBenchReport> {
  const machine = describeMachine();
  const results: SizeResult[] = [];
  const runs = [
    ...options.sizes.map((target) => ({ target, text: "real" as const })),
    ...options.syntheticSizes.map((target) => ({ target, text: "synthetic" as const })),
  ];
  for (const { target: size, text } of runs) {
    const target = `${size} ${text}`;
    const root = path.join(options.workRoot, `${text}-${size}`);
    const digests = path.join(root, "digests");
    const started = performance.now();
    const corpus = generate(vocabulary, options, size, text, digests);
    const generateSeconds = (performance.now() - started) / 1000;
    options.log(
      `[bench ${target}] wrote ${corpus.entries} entries (${corpus.papers.length} distinct papers) over ${corpus.days} days in ${generateSeconds.toFixed(1)} s`,
    );

    let floor: RunResult | undefined;
    if (!options.skipFloor) {
      floor = await measureFloor(options.projectRoot, corpus.papers, path.join(root, "floor"), options.timeoutMs);
      options.log(
        `[bench ${target}] eleventy floor: ${floor.status}, ${floor.wallSeconds.toFixed(1)} s, peak ${mb(floor.maxPeakKb)} (load ${floor.load})`,
      );
      if (!options.keep) fs.rmSync(path.join(root, "floor"), { recursive: true, force: true });
    }
    const build = await measureFullBuild(options.projectRoot, digests, root, options.timeoutMs);
    const stages = STAGES.map((stage) => `${stage} ${build.stages[stage]?.toFixed(1) ?? "-"}`).join(", ");
    options.log(
      `[bench ${target}] full build: ${build.status}, ${build.wallSeconds.toFixed(1)} s (${stages}), node ${mb(build.nodePeakKb)}, pagefind ${mb(build.pagefindPeakKb)} (load ${build.load})`,
    );
    let incremental: IncrementalResult | undefined;
    if (text === "real" && options.dailySizes.includes(size) && build.ok) {
      incremental = await measureIncremental(
        options.projectRoot,
        digests,
        root,
        path.join(root, "site"),
        options.timeoutMs,
        options.dailyRuns,
        options.keep,
        options.log,
      );
      const stagesAfter = STAGES.map((stage) => `${stage} ${incremental!.after.stages[stage]?.toFixed(1) ?? "-"}`).join(", ");
      options.log(
        `[bench ${target}] one day added: ${incremental.after.status}, median ${incremental.after.wallSeconds.toFixed(1)} s of ${incremental.runSeconds.map((run) => run.toFixed(1)).join(", ")} (${stagesAfter}) against ${build.wallSeconds.toFixed(1)} s clean; ` +
          `identical to the clean build: ${incremental.identical ? "yes" : `no (${incremental.differences.join("; ")})`}`,
      );
    }
    if (!options.keep) {
      // A site is a link into its builds folder, which holds the pages.
      for (const folder of ["site", ".site.builds", "work", "incremental-site", ".incremental-site.builds", "incremental-work"])
        fs.rmSync(path.join(root, folder), { recursive: true, force: true });
    }
    results.push({
      target: size,
      text,
      days: corpus.days,
      entries: corpus.entries,
      papers: build.papers ?? corpus.papers.length,
      generateSeconds,
      build,
      ...(floor ? { floor } : {}),
      ...(incremental ? { incremental } : {}),
    });
  }
  return { machine, options: { perDay: options.perDay, seed: options.seed, start: options.start }, results };
}

export function mb(kb: number | undefined): string {
  return kb === undefined ? "-" : `${Math.round(kb / 1024)} MB`;
}

const seconds = (value: number | undefined) => (value === undefined ? "-" : value < 10 ? value.toFixed(2) : value.toFixed(1));

/** The report as markdown: machine, per-size table, and the targets. */
export function formatBuildReport(report: BuildBenchReport): string {
  const { machine, results } = report;
  const lines: string[] = [];
  lines.push(
    `Measured ${machine.date} on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB memory, Node ${machine.node}, ${machine.os}.`,
  );
  lines.push(
    `"other" is the build's wall time outside the stages timed (tsx and module start-up, the output swap, exit); "total" is the wall time of the whole \`tsx scripts/build.ts\` process; peaks are VmHWM polled every 200 ms per process, cross-checked with \`/usr/bin/time -v\`.`,
  );
  lines.push(
    `Corpus: ${report.options.perDay} papers a day from ${report.options.start}. "real": the titles and abstracts of \`../shared/real/arxiv-abstracts.jsonl.gz\` in file order ` +
      `(tools/corpus/real-corpus.ts); "synthetic": \`npm run corpus\` text, seed ${report.options.seed}. "load" is the 1-minute load average when the run started.`,
  );
  lines.push("");
  lines.push(
    `| Papers | Text | Days | ${STAGES.map((stage) => `${stage} s`).join(" | ")} | other s | total s | papers/s | ms/paper | node peak | pagefind peak | site files | status | load |`,
  );
  lines.push(`|---:|---|---:|${STAGES.map(() => "---:|").join("")}---:|---:|---:|---:|---:|---:|---:|---|---:|`);
  for (const result of results) {
    const build = result.build;
    const stageSum = STAGES.reduce((sum, stage) => sum + (build.stages[stage] ?? 0), 0);
    const other = build.ok ? seconds(build.wallSeconds - stageSum) : "-";
    const perPaper = build.ok ? (build.wallSeconds * 1000) / result.papers : undefined;
    lines.push(
      `| ${result.papers} | ${result.text} | ${result.days} | ${STAGES.map((stage) => seconds(build.stages[stage])).join(" | ")} | ${other} | ${seconds(build.wallSeconds)} | ${build.ok ? (result.papers / build.wallSeconds).toFixed(0) : "-"} | ${perPaper?.toFixed(2) ?? "-"} | ${mb(build.nodePeakKb)} | ${mb(build.pagefindPeakKb)} | ${build.files ?? "-"} | ${build.status} | ${build.load} |`,
    );
  }
  const withFloor = results.filter((result) => result.floor);
  if (withFloor.length) {
    lines.push("");
    lines.push("Bare Eleventy floor (one markdown file per paper, trivial Nunjucks layout, no plugins) on the same papers:");
    lines.push("");
    lines.push("| Papers | Text | floor s | floor ms/paper | floor peak | full build s | full / floor | status | load |");
    lines.push("|---:|---|---:|---:|---:|---:|---:|---|---:|");
    for (const result of withFloor) {
      const floor = result.floor!;
      const ratio = floor.ok && result.build.ok ? (result.build.wallSeconds / floor.wallSeconds).toFixed(2) : "-";
      lines.push(
        `| ${result.papers} | ${result.text} | ${seconds(floor.wallSeconds)} | ${floor.ok ? ((floor.wallSeconds * 1000) / result.papers).toFixed(2) : "-"} | ${mb(floor.maxPeakKb)} | ${seconds(result.build.wallSeconds)} | ${ratio} | ${floor.status} | ${floor.load} |`,
      );
    }
  }
  // Real and synthetic text differ in cost per paper (math, word variety): compare like with like.
  const ok = results.filter((result) => result.build.ok && result.text === "real");
  const smallest = ok[0];
  const largest = ok[ok.length - 1];
  if (smallest && largest && largest !== smallest) {
    const per = (result: SizeResult) => result.build.wallSeconds / result.papers;
    lines.push("");
    lines.push(
      `Per-paper cost ${largest.papers} / ${smallest.papers}: ${(per(largest) / per(smallest)).toFixed(2)}x (${(per(largest) * 1000).toFixed(2)} vs ${(per(smallest) * 1000).toFixed(2)} ms per paper).`,
    );
    if (largest.floor?.ok && smallest.floor?.ok) {
      const floorPer = (result: SizeResult) => result.floor!.wallSeconds / result.papers;
      lines.push(`Floor per-paper cost ${largest.papers} / ${smallest.papers}: ${(floorPer(largest) / floorPer(smallest)).toFixed(2)}x.`);
    }
  }
  const withIncremental = results.filter((result) => result.incremental);
  if (withIncremental.length) {
    lines.push("");
    lines.push(
      "The daily job in its steady state: the archive without its newest two days built cold, the first of them added and rebuilt (the day before's job, which keeps the site it replaces as the output's spare), then the newest added and rebuilt (same `--work-dir` and output; caches of parsed digests, rendered paper and listing pages, math repairs, topics, the related-paper search and search index parts; the spare's unchanged pages kept in place), against the clean build above. The rebuild is timed several times, each from a copy of the state the day before's job left (synced to disk first); the table gives the run of median time, and every run is compared with the clean build:",
    );
    lines.push("");
    lines.push(
      `| Papers | without two days s | the day before s | rebuild s (median) | every run s | ${STAGES.join(" s | ")} s | rebuild / clean | node peak | pagefind peak | identical to clean |`,
    );
    lines.push(`|---:|---:|---:|---:|---|${STAGES.map(() => "---:|").join("")}---:|---:|---:|---|`);
    for (const result of withIncremental) {
      const { before, dayBefore, after, runSeconds, identical, differences } = result.incremental!;
      lines.push(
        `| ${result.papers} | ${seconds(before.wallSeconds)} | ${seconds(dayBefore.wallSeconds)} | ${seconds(after.wallSeconds)} | ${runSeconds.map(seconds).join(", ")} | ${STAGES.map((stage) => seconds(after.stages[stage])).join(" | ")} | ${(after.wallSeconds / result.build.wallSeconds).toFixed(3)} | ${mb(after.nodePeakKb)} | ${mb(after.pagefindPeakKb)} | ${identical ? "yes" : `no: ${differences.length} differences`} |`,
      );
    }
    for (const result of withIncremental)
      for (const line of result.incremental!.reuse) lines.push("", `${result.papers}: \`${line.replace(/ in \d+\.\d+ s$/, "")}\``);
  }
  const failed = results.filter((result) => !result.build.ok);
  for (const result of failed) lines.push("", `**${result.target} papers: the full build did not complete: ${result.build.status}.**`);
  return lines.join("\n");
}
