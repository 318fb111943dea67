import path from "node:path";
import { parseArgs } from "node:util";
import { terminalSafe } from "../src/digest/digest-text.ts";
import { runIngest } from "../src/ingest/run-ingest.ts";

const usage = `Usage: npm run ingest -- FILE... [--date YYYY-MM-DD] [--force] [--digests DIR]

Checks each digest with the build's own parser, reports its date, paper count and
anything odd, and stores it in the digests folder as YYYY-MM-DD.txt (a saved
Daily Papers page) or YYYY-MM-DD.json (the Hugging Face daily papers API's answer).

  FILE             a digest file, or - for standard input
  --date DATE      the digest's day (default: the file name's leading date, else
                   the date line plus a year written in the file, or for JSON the
                   papers' submission date)
  --force          replace a different digest already stored for that day; the old
                   file is kept in DIR/.replaced/, which the build does not read
  --digests DIR    digests folder (default content/digests)

Nothing is stored if any input is refused. Exit status: 0 stored or already
there, 1 refused, 2 wrong usage.`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        date: { type: "string" },
        force: { type: "boolean", default: false },
        digests: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length === 0) {
    console.error(`Name at least one digest file (or - for standard input).\n\n${usage}`);
    return 2;
  }
  if (positionals.filter((file) => file === "-").length > 1) {
    console.error("Standard input (-) can be read only once.");
    return 2;
  }

  // `npm run` starts scripts in the project root, but paths the user typed are
  // relative to where they typed them; the default folder is the project's own.
  const userDir = process.env.INIT_CWD ?? process.cwd();
  const digestsDir = values.digests ?? path.relative(userDir, path.resolve("content", "digests"));

  const run = await runIngest({
    files: positionals,
    digestsDir,
    cwd: userDir,
    force: values.force,
    ...(values.date ? { date: values.date } : {}),
    readStdin,
  });
  (run.ok ? console.log : console.error)(terminalSafe(run.lines.join("\n")));
  return run.ok ? 0 : 1;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

process.exitCode = await main();
