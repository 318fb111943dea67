/**
 * Fetches one day of the Hugging Face daily papers API and ingests it, exactly
 * as `npm run ingest` would ingest the saved JSON. Optional and not part of the
 * build: the build never touches the network.
 *
 *   npx tsx scripts/fetch-daily.ts [--date YYYY-MM-DD] [--force] [--digests DIR]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { calendarDate } from "../src/ingest/resolve-date.ts";
import { runIngest } from "../src/ingest/run-ingest.ts";

const API = "https://huggingface.co/api/daily_papers";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      date: { type: "string", default: new Date().toISOString().slice(0, 10) },
      force: { type: "boolean", default: false },
      digests: { type: "string", default: path.join("content", "digests") },
    },
    strict: true,
  });
  const date = calendarDate(values.date);
  if (!date) {
    console.error(`--date ${values.date} is not a calendar date in the form YYYY-MM-DD`);
    return 2;
  }
  const url = `${API}?date=${date}`;
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) {
    console.error(`${url}: ${response.status} ${response.statusText}`);
    return 1;
  }
  const body = await response.text();
  const run = await runIngest({ files: ["-"], digestsDir: values.digests, date, force: values.force, readStdin: async () => body });
  (run.ok ? console.log : console.error)(run.lines.join("\n").replaceAll("<stdin>", url));
  return run.ok ? 0 : 1;
}

process.exitCode = await main();
