/**
 * `npm run daily`: what the deploy workflow runs each day, and what anyone can
 * run by hand. Fetch the days (as `npm run fetch`), build the site (as
 * `npm run build`), then commit the digests and content/permalinks.json. A
 * failed fetch stops before the build, a failed build before the commit: the
 * previous site and the branch stay as they were.
 */
import path from "node:path";
import { readCommandLine } from "../src/cli/read-command-line.ts";
import { terminalSafe } from "../src/digest/digest-text.ts";
import { commitDigests } from "../src/fetch/commit-day.ts";
import { FETCH_FLAGS, FETCH_USAGE, fetchOptions } from "../src/fetch/fetch-command.ts";
import { runFetch, type FetchRun } from "../src/fetch/run-fetch.ts";
import { BuildError } from "../src/pipeline/build-error.ts";
import { buildSite, defaultRegistryPath } from "../src/pipeline/build-site.ts";
import { count } from "../src/pipeline/stage-log.ts";

const usage = `Usage: npm run daily -- [fetch flags] [--output DIR] [--work-dir DIR] [--site-url URL]
                       [--base-path /prefix/] [--permalinks FILE] [--no-commit]

Fetches, builds and commits: the daily job of the deploy workflow.

${FETCH_USAGE}

  --output DIR      where the site is written (default _site)
  --work-dir DIR    the build's work folder (default .generated)
  --site-url URL    absolute origin for canonical links and feeds (default http://localhost:8080)
  --base-path PATH  serve the site under a sub-path (default /)
  --permalinks FILE permalink registry (default: permalinks.json beside the digests folder)
  --no-commit       fetch and build, but leave the changes uncommitted
  --no-fetch        build and commit what is stored (new permalinks of pushed digests)

The commit holds the digests folder and the permalink registry, only when one
changed. Exit status: 0 done, 1 the fetch, the build or the commit failed
(nothing after it was done), 2 wrong usage.`;

async function main(): Promise<number> {
  const cli = readCommandLine(
    {
      ...FETCH_FLAGS,
      output: { type: "string", default: "_site" },
      "work-dir": { type: "string", default: ".generated" },
      "site-url": { type: "string", default: "http://localhost:8080" },
      "base-path": { type: "string", default: "/" },
      permalinks: { type: "string" },
      "no-commit": { type: "boolean", default: false },
      "no-fetch": { type: "boolean", default: false },
    },
    usage,
  );
  if (cli.exitCode !== undefined) return cli.exitCode;
  const { values } = cli;
  const resolved = fetchOptions(values);
  if (!resolved.ok) {
    console.error(`${resolved.message}\n\n${usage}`);
    return 2;
  }
  const say = (text: string) => console.log(terminalSafe(text));
  const dates = resolved.options.dates;
  let fetched: FetchRun = { ok: true, lines: [], changed: [] };
  if (values["no-fetch"]) say("[fetch] skipped (--no-fetch)");
  else {
    say(`[fetch] ${dates.length === 1 ? dates[0] : `${dates[0]} to ${dates[dates.length - 1]}`} from ${resolved.options.api}`);
    fetched = await runFetch({ ...resolved.options, deps: { log: say } });
    for (const line of fetched.lines) (fetched.ok ? say : (text: string) => console.error(terminalSafe(text)))(line);
    if (!fetched.ok) {
      console.error("Daily run failed at the fetch: the site was not built and nothing was committed.");
      return 1;
    }
  }

  const registry = values.permalinks ?? defaultRegistryPath(resolved.options.digestsDir);
  try {
    const report = await buildSite({
      input: resolved.options.digestsDir,
      output: values.output,
      siteUrl: values["site-url"],
      basePath: values["base-path"],
      workDir: values["work-dir"],
      permalinks: registry,
      log: say,
    });
    say(`[build] ${count(report.papers, "paper")}, ${count(report.days, "day")}, ${count(report.pages, "page")}`);
  } catch (error) {
    console.error(error instanceof BuildError ? terminalSafe(`Build failed: ${error.message}`) : error);
    console.error("Daily run failed at the build: the previous site is untouched and nothing was committed.");
    return 1;
  }

  if (values["no-commit"]) {
    say("[commit] skipped (--no-commit)");
    return 0;
  }
  const changedDays = fetched.changed.length ? fetched.changed.join(", ") : "permalinks of stored digests";
  const message = `Daily papers: ${changedDays}\n\n${fetched.lines.join("\n") || "No day fetched; the build recorded new permalinks."}\n`;
  try {
    const result = await commitDigests({ digestsDir: resolved.options.digestsDir, registry }, terminalSafe(message));
    say(
      result.committed
        ? `[commit] ${result.commit.slice(0, 12)} ${path.normalize(resolved.options.digestsDir)} and ${path.normalize(registry)}`
        : `[commit] nothing to commit: ${result.reason}`,
    );
  } catch (error) {
    console.error(`Daily run failed at the commit: ${terminalSafe((error as Error).message)}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
