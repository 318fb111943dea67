import fs from "node:fs";
import path from "node:path";
import { eng as ENGLISH_STOPWORDS } from "stopword";
import { measureFullBuild, mb } from "./bench/build-bench.ts";
import { replaceSection } from "./bench/docs-section.ts";
import { countFiles, describeMachine, folderBytes } from "./bench/machine.ts";
import { summarizeBytes } from "./bench/search-bytes.ts";
import { STAGES } from "./bench/stage-lines.ts";
import { generateCorpus } from "./corpus/generate.ts";
import { realDigestDays } from "./corpus/real-corpus.ts";
import { readArxivPapers } from "./corpus/real-text.ts";
import { DEFAULT_SAMPLE, loadVocabulary } from "./corpus/vocabulary.ts";
import { serveStatic } from "../src/serve/static-server.ts";
import { DEFAULT_SEARCH_PART_SIZE } from "../src/search/plan-search-parts.ts";
import { readCommandLine } from "../src/cli/read-command-line.ts";
import { launchChromium } from "./browser/chromium.ts";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
const TARGET_BYTES = 300 * 1024;

const usage = `Usage: npm run bench:search -- [--papers 30000] [--text real|synthetic] [--per-day 33] [--seed 1] [--query WORD]
                            [--search-part-size N] [--work-root /tmp/dpa-bench-search] [--reuse] [--keep-work] [--no-docs]

Builds an archive of about --papers papers (real titles and abstracts from ../shared/real/arxiv-abstracts.jsonl.gz,
or synthetic text), serves it, runs one search in Chromium (/usr/bin/chromium) and reports the bytes that first
query fetched, by kind of Pagefind file, plus the number of files Pagefind wrote and in the whole site.
--search-part-size is passed to the build. --reuse keeps an earlier site as it is; --keep-work rebuilds
with the earlier work folder (its render cache), to try another --search-part-size quickly.`;

async function main(): Promise<number> {
  const cli = readCommandLine(
    {
      papers: { type: "string", default: "30000" },
      "per-day": { type: "string", default: "33" },
      seed: { type: "string", default: "1" },
      start: { type: "string", default: "2023-01-01" },
      query: { type: "string" },
      "work-root": { type: "string", default: "/tmp/dpa-bench-search" },
      reuse: { type: "boolean", default: false },
      "no-docs": { type: "boolean", default: false },
      text: { type: "string", default: "real" },
      "search-part-size": { type: "string" },
      "keep-work": { type: "boolean", default: false },
    },
    usage,
  );
  if (cli.exitCode !== undefined) return cli.exitCode;
  const { values } = cli;
  const target = Number(values.papers);
  if (values.text !== "real" && values.text !== "synthetic") {
    console.error(`--text is real or synthetic, not ${values.text}\n\n${usage}`);
    return 2;
  }
  const buildArguments = values["search-part-size"] ? ["--search-part-size", values["search-part-size"]] : [];
  const perDay = Number(values["per-day"]);
  const root = path.resolve(values["work-root"]);
  if (root.startsWith(PROJECT_ROOT + path.sep)) {
    console.error(`--work-root must be outside the repository: ${root}`);
    return 2;
  }
  const digests = path.join(root, "digests");
  const site = path.join(root, "site");

  // The corpus is cheap to regenerate, and it gives the abstracts to pick a common word from.
  fs.rmSync(digests, { recursive: true, force: true });
  fs.mkdirSync(digests, { recursive: true });
  const days = Math.max(1, Math.round(target / perDay));
  const documentFrequency = new Map<string, number>();
  let papers = 0;
  const stop = new Set(ENGLISH_STOPWORDS);
  const abstracts: string[] = [];
  if (values.text === "real") {
    for (const day of realDigestDays(readArxivPapers(), { days, perDay, start: values.start })) {
      fs.writeFileSync(path.join(digests, day.fileName), day.text);
      abstracts.push(...day.papers.map((paper) => paper.abstract));
    }
  } else {
    for (const day of generateCorpus(loadVocabulary(path.join(PROJECT_ROOT, DEFAULT_SAMPLE)), {
      days,
      perDay,
      seed: Number(values.seed),
      start: values.start,
    })) {
      fs.writeFileSync(path.join(digests, day.fileName), day.text);
      abstracts.push(...day.entries.filter((entry) => !entry.repeat).map((entry) => entry.paper.abstract));
    }
  }
  for (const abstract of abstracts) {
    papers++;
    const words = new Set(abstract.toLowerCase().match(/[a-z]{5,}/g) ?? []);
    for (const word of words) if (!stop.has(word)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const ranked = [...documentFrequency].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  // A common word, but not a near-universal one: the generator's own template words ("introduce") are in every abstract.
  const query = values.query ?? (ranked.find(([, count]) => count <= papers * 0.4) ?? ranked[0]!)[0];
  const queryFrequency = documentFrequency.get(query.toLowerCase()) ?? 0;
  console.log(
    `[bench:search] ${papers} distinct papers over ${days} days; query "${query}" occurs in ${queryFrequency} abstracts (${((queryFrequency / papers) * 100).toFixed(0)}%)`,
  );

  let buildNote = "reused an earlier build";
  if (!values.reuse || !fs.existsSync(path.join(site, "search", "index.html"))) {
    const build = await measureFullBuild(PROJECT_ROOT, digests, root, 60 * 60_000, { buildArguments, keepWork: values["keep-work"] });
    const stages = STAGES.map((stage) => `${stage} ${build.stages[stage]?.toFixed(1) ?? "-"} s`).join(", ");
    buildNote = `built in ${build.wallSeconds.toFixed(1)} s (${stages}; node peak ${mb(build.nodePeakKb)}, pagefind peak ${mb(build.pagefindPeakKb)})`;
    console.log(`[bench:search] ${buildNote}: ${build.status}`);
    if (!build.ok) {
      console.error(`The ${target}-paper build failed: ${build.status}`);
      if (!values["no-docs"])
        replaceSection(
          path.join(PROJECT_ROOT, "docs", "benchmarks.md"),
          "bench:search",
          `## First search\n\nThe ${target}-paper build failed: ${build.status}.`,
        );
      return 1;
    }
  }

  // Compressed as any static host serves it (Pagefind's own index files are gzipped on disk already).
  const server = await serveStatic(site, "/", { compress: true });
  const browser = await launchChromium();
  let status = "";
  let results = 0;
  let searchMs = 0;
  try {
    const page = await browser.newPage();
    const started = performance.now();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`, { waitUntil: "load" });
    await page.waitForFunction(() => /found|No papers match/.test(document.getElementById("search-status")?.textContent ?? ""), undefined, {
      timeout: 120_000,
    });
    searchMs = performance.now() - started;
    await page.waitForLoadState("networkidle");
    status = (await page.textContent("#search-status")) ?? "";
    results = await page.locator("#search-results > li").count();
    const firstQuery = new Map(server.bytesSent);
    // Then the reader asks for newest first: the order file and the new first page's fragments.
    await page.evaluate(() => {
      document.getElementById("search-status")!.textContent = "";
    });
    await page.selectOption("#search-sort", "newest");
    await page.waitForFunction(() => /found|No papers match/.test(document.getElementById("search-status")?.textContent ?? ""), undefined, {
      timeout: 120_000,
    });
    await page.waitForLoadState("networkidle");
    const newestFirst = new Map(
      [...server.bytesSent].map(([file, bytes]) => [file, bytes - (firstQuery.get(file) ?? 0)] as const).filter(([, bytes]) => bytes > 0),
    );
    report({
      root,
      site,
      query,
      queryFrequency,
      papers,
      buildNote,
      status,
      results,
      searchMs,
      bytesSent: firstQuery,
      newestFirst,
      write: !values["no-docs"],
      text: values.text,
      partSize: values["search-part-size"] ?? `${DEFAULT_SEARCH_PART_SIZE} (the default)`,
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return status.includes("found") ? 0 : 1;
}

interface SearchReport {
  root: string;
  site: string;
  query: string;
  queryFrequency: number;
  papers: number;
  buildNote: string;
  status: string;
  results: number;
  searchMs: number;
  /** Bytes fetched by a first visit to the search URL, by request path. */
  bytesSent: Map<string, number>;
  /** Bytes fetched afterwards when the order is switched to newest first. */
  newestFirst: Map<string, number>;
  write: boolean;
  text: string;
  partSize: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function report(input: SearchReport): void {
  const machine = describeMachine();
  const totals = summarizeBytes(input.bytesSent);
  const pagefindTotal = totals.filter((total) => total.category !== "page (HTML, CSS, JS)").reduce((sum, total) => sum + total.bytes, 0);
  const pagefindFiles = totals.filter((total) => total.category !== "page (HTML, CSS, JS)").reduce((sum, total) => sum + total.files, 0);
  const pageTotal = totals.find((total) => total.category === "page (HTML, CSS, JS)")?.bytes ?? 0;
  const siteFiles = countFiles(input.site);
  const searchFolders = [path.join(input.site, "pagefind"), path.join(input.site, "pagefind-parts")].filter((folder) =>
    fs.existsSync(folder),
  );
  const searchFiles = searchFolders.reduce((sum, folder) => sum + countFiles(folder), 1);
  const searchBytes = searchFolders.reduce(
    (sum, folder) => sum + folderBytes(folder),
    fs.statSync(path.join(input.site, "search", "newest-first.json")).size,
  );
  const parts =
    (fs.existsSync(path.join(input.site, "pagefind-parts")) ? fs.readdirSync(path.join(input.site, "pagefind-parts")).length : 0) + 1;
  const switched = summarizeBytes(input.newestFirst).filter((total) => total.files > 0);
  const lines = [
    `Measured ${machine.date} on ${machine.cpus} CPUs, ${machine.memoryGb} GB, Node ${machine.node}, Debian Chromium via playwright-core.`,
    `Archive: ${input.papers} distinct papers, ${input.text === "real" ? "real arXiv titles and abstracts laid out as daily digests" : "synthetic (`npm run corpus` text)"}, search parts of ${input.partSize} papers at most (${input.buildNote}).`,
    `Query: \`/search/?q=${input.query}\`, a word in ${input.queryFrequency} abstracts (${((input.queryFrequency / input.papers) * 100).toFixed(0)}%); status "${input.status.trim()}", ${input.results} results shown, ${(input.searchMs / 1000).toFixed(2)} s from navigation to the status.`,
    `Bytes are as served by a host that gzips text (the JS; Pagefind's index, filter, meta and fragment files are gzipped on disk already). A fresh browser opens the search URL directly; the page's own HTML, CSS and scripts are listed apart and left out of the Pagefind total (with them: ${kb(pageTotal + pagefindTotal)}).`,
    "",
    "| What | Files | Bytes |",
    "|---|---:|---:|",
    ...totals.filter((total) => total.files > 0).map((total) => `| ${total.category} | ${total.files} | ${kb(total.bytes)} |`),
    `| **Pagefind total for the first query** | ${pagefindFiles} | **${kb(pagefindTotal)}** |`,
    "",
    `Target: under ${kb(TARGET_BYTES)}: ${pagefindTotal <= TARGET_BYTES ? "met" : "missed"}.`,
    "",
    `Then switching the order to newest first fetches ${kb(switched.reduce((sum, total) => sum + total.bytes, 0))} more: ${switched.map((total) => `${total.category} ${kb(total.bytes)} (${total.files} file${total.files === 1 ? "" : "s"})`).join(", ")}.`,
    "",
    "| Files | Count | Size |",
    "|---|---:|---:|",
    `| search index: ${parts} part${parts === 1 ? "" : "s"} (\`pagefind/\`, \`pagefind-parts/\`) and \`search/newest-first.json\` | ${searchFiles} | ${(searchBytes / 1e6).toFixed(1)} MB |`,
    `| whole site | ${siteFiles} | ${(folderBytes(input.site) / 1e6).toFixed(1)} MB |`,
    "",
    `Cloudflare Pages' 20,000-file cap: ${siteFiles <= 20_000 ? "within" : "over"} it (${siteFiles} files).`,
  ];
  const requests = [...input.bytesSent].sort((a, b) => b[1] - a[1]);
  const markdown = lines.join("\n");
  console.log(
    `\n${markdown}\n\nRequests for the query, largest first:\n${requests.map(([requestPath, bytes]) => `  ${kb(bytes).padStart(10)}  ${requestPath}`).join("\n")}`,
  );
  fs.writeFileSync(
    path.join(input.root, "search-bench.json"),
    `${JSON.stringify({ ...input, bytesSent: Object.fromEntries(input.bytesSent), newestFirst: Object.fromEntries(input.newestFirst), totals }, null, 2)}\n`,
  );
  if (input.write) {
    replaceSection(
      path.join(PROJECT_ROOT, "docs", "benchmarks.md"),
      "bench:search",
      `## First search at ${input.papers} papers\n\n${markdown}`,
    );
    console.log("\nWrote the section into docs/benchmarks.md");
  }
}

process.exitCode = await main();
