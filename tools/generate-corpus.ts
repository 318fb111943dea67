import fs from "node:fs";
import path from "node:path";
import { DEFAULT_RATES, writeCorpus } from "./corpus/generate.ts";
import { DEFAULT_SAMPLE, loadVocabulary } from "./corpus/vocabulary.ts";
import { readCommandLine } from "../src/cli/read-command-line.ts";

const usage = `Usage: npm run corpus -- --out DIR [--days 365] [--per-day 60] [--seed 1] [--start 2023-01-01] [--sample FILE] [--force]

Writes a deterministic synthetic archive, DIR/YYYY-MM-DD.txt for consecutive days, in the raw
digest format, its words learnt from a real digest (default ${DEFAULT_SAMPLE}).

  --out DIR       where the digests go (put big corpora under /tmp, never in the repo)
  --days N        number of consecutive days (default 365)
  --per-day N     papers listed each day, repeats included (default 60)
  --seed N        same seed, byte-identical files (default 1)
  --start DATE    first day (default 2023-01-01)
  --sample FILE   the digest to learn words from
  --force         delete digests already in DIR first (otherwise DIR must hold none)

About ${DEFAULT_RATES.repeatRate * 100}% of the slots repeat a paper from an earlier day, ${DEFAULT_RATES.sameTitleRate * 100}% of new papers
reuse an earlier title with a different abstract, and ${DEFAULT_RATES.cardDayRate * 100}% of days use the card layout.`;

function main(): number {
  const cli = readCommandLine(
    {
      out: { type: "string" },
      days: { type: "string", default: "365" },
      "per-day": { type: "string", default: "60" },
      seed: { type: "string", default: "1" },
      start: { type: "string", default: "2023-01-01" },
      sample: { type: "string", default: DEFAULT_SAMPLE },
      force: { type: "boolean", default: false },
    },
    usage,
  );
  if (cli.exitCode !== undefined) return cli.exitCode;
  const { values } = cli;
  if (!values.out) {
    console.error(`--out DIR is required\n\n${usage}`);
    return 2;
  }
  const numbers = { days: Number(values.days), perDay: Number(values["per-day"]), seed: Number(values.seed) };
  for (const [flag, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 0) {
      console.error(`--${flag === "perDay" ? "per-day" : flag} must be a non-negative integer\n\n${usage}`);
      return 2;
    }
  }
  const out = path.resolve(values.out);
  const existing = fs.existsSync(out) ? fs.readdirSync(out).filter((name) => /^\d{4}-\d{2}-\d{2}.*\.(txt|json)$/.test(name)) : [];
  if (existing.length > 0) {
    if (!values.force) {
      console.error(`${out} already holds ${existing.length} digests; pass --force to replace them, or choose an empty folder`);
      return 2;
    }
    for (const name of existing) fs.rmSync(path.join(out, name));
  }
  const started = performance.now();
  try {
    const vocabulary = loadVocabulary(values.sample);
    const summary = writeCorpus(vocabulary, { ...numbers, start: values.start }, out);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Wrote ${summary.days} digests (${summary.first} to ${summary.last}), ${summary.entries} entries: ${summary.papers} distinct papers, ${summary.repeats} repeats, ` +
        `${summary.sameTitle} same-title papers, ${summary.cardDays} card-layout days, ${(summary.bytes / 1e6).toFixed(1)} MB, into ${out} in ${seconds.toFixed(2)} s`,
    );
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

process.exitCode = main();
