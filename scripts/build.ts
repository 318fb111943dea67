import { terminalSafe } from "../src/digest/digest-text.ts";
import { BuildError } from "../src/pipeline/build-error.ts";
import { buildSite } from "../src/pipeline/build-site.ts";
import { count } from "../src/pipeline/stage-log.ts";
import { readCommandLine } from "../src/cli/read-command-line.ts";
import { DEFAULT_SEARCH_PART_SIZE } from "../src/search/plan-search-parts.ts";

const usage = `Usage: npm run build -- [--input DIR] [--output DIR] [--site-url URL] [--base-path /prefix/]
                       [--permalinks FILE] [--topics FILE] [--work-dir DIR] [--jobs N] [--shard-size N]
                       [--search-part-size N] [--no-cache]

  --input DIR           digests folder (default content/digests)
  --output DIR          where the site is written (default _site)
  --site-url URL        absolute origin for canonical links and feeds (default http://localhost:8080)
  --base-path PATH      serve the site under a sub-path, e.g. /papers/ (default /)
  --permalinks FILE     permalink registry (default: permalinks.json beside the digests folder)
  --topics FILE         topic taxonomy (default: topics.yaml beside the digests folder, else content/topics.yaml)
  --jobs N              parallel Eleventy and Pagefind processes (default: one per core)
  --shard-size N        papers per shard; more paper pages to render than this render in several processes (default 6000)
  --search-part-size N  search index parts are whole days, filled from the oldest up to N papers; a new day
                        re-indexes only the newest part (default ${DEFAULT_SEARCH_PART_SIZE})
  --work-dir DIR        generated Eleventy input and the render cache, never committed (default .generated)
  --no-cache            render every paper page and index every search part, ignoring earlier builds' work`;

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new BuildError(`${flag} must be a whole number of at least 1, not "${text}"`);
  return value;
}

async function main(): Promise<number> {
  const cli = readCommandLine(
    {
      input: { type: "string", default: "content/digests" },
      output: { type: "string", default: "_site" },
      "site-url": { type: "string", default: "http://localhost:8080" },
      "base-path": { type: "string", default: "/" },
      permalinks: { type: "string" },
      topics: { type: "string" },
      jobs: { type: "string" },
      "shard-size": { type: "string" },
      "search-part-size": { type: "string" },
      "work-dir": { type: "string", default: ".generated" },
      "no-cache": { type: "boolean", default: false },
    },
    usage,
  );
  if (cli.exitCode !== undefined) return cli.exitCode;
  const { values } = cli;
  const started = performance.now();
  try {
    const report = await buildSite({
      input: values.input,
      output: values.output,
      siteUrl: values["site-url"],
      basePath: values["base-path"],
      workDir: values["work-dir"],
      ...(values.permalinks ? { permalinks: values.permalinks } : {}),
      ...(values.topics ? { topics: values.topics } : {}),
      ...(values.jobs ? { jobs: positiveInteger(values.jobs, "--jobs") } : {}),
      ...(values["shard-size"] ? { shardSize: positiveInteger(values["shard-size"], "--shard-size") } : {}),
      ...(values["search-part-size"] ? { searchPartSize: positiveInteger(values["search-part-size"], "--search-part-size") } : {}),
      cache: !values["no-cache"],
    });
    console.log(
      `Built ${count(report.papers, "paper")}, ${count(report.days, "day")}, ${count(report.pages, "page")} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    console.error(error instanceof BuildError ? terminalSafe(`Build failed: ${error.message}`) : error);
    console.error("The previous output was left untouched.");
    return 1;
  }
}

process.exitCode = await main();
