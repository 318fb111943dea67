/**
 * `npm run fetch`: days of the Hugging Face daily papers API into the digests
 * folder, through ingest's checks. Not part of the build: the build never
 * touches the network.
 */
import { readCommandLine } from "../src/cli/read-command-line.ts";
import { terminalSafe } from "../src/digest/digest-text.ts";
import { FETCH_FLAGS, FETCH_USAGE, fetchOptions } from "../src/fetch/fetch-command.ts";
import { runFetch } from "../src/fetch/run-fetch.ts";

const usage = `Usage: npm run fetch -- [--date D | --from D --to D] [--api URL] [--digests DIR]

${FETCH_USAGE}

Nothing is stored if any day fails. Exit status: 0 fetched (or nothing new),
1 a day failed, 2 wrong usage.`;

async function main(): Promise<number> {
  const cli = readCommandLine(FETCH_FLAGS, usage);
  if (cli.exitCode !== undefined) return cli.exitCode;
  const resolved = fetchOptions(cli.values);
  if (!resolved.ok) {
    console.error(`${resolved.message}\n\n${usage}`);
    return 2;
  }
  const run = await runFetch({ ...resolved.options, deps: { log: (line) => console.log(terminalSafe(line)) } });
  (run.ok ? console.log : console.error)(terminalSafe(run.lines.join("\n")));
  return run.ok ? 0 : 1;
}

process.exitCode = await main();
