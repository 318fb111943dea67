import fs from "node:fs";
import path from "node:path";
import { canProceed, planIngest, REPLACED_FOLDER, type DigestsFolderView, type IngestPlan, type IngestSource } from "./plan-ingest.ts";
import { decodeDigestBytes } from "../digest/digest-text.ts";
import { formatPlans } from "./format-report.ts";

export interface RunIngestOptions {
  /** Paths of digests as the user typed them; "-" reads standard input. */
  files: string[];
  /** The digests folder as the user typed it. */
  digestsDir: string;
  /** What relative paths are relative to (default: the current directory). */
  cwd?: string;
  date?: string;
  force: boolean;
  /** Standard input, injected so tests need no process. */
  readStdin: () => Promise<string | Uint8Array>;
}

export interface IngestRun {
  plans: IngestPlan[];
  /** True when every digest was stored or already there. */
  ok: boolean;
  /** Human-readable report, one line per entry. */
  lines: string[];
}

/** The IO around planIngest: read the inputs and the folder, then carry out the plan. */
export async function runIngest(options: RunIngestOptions): Promise<IngestRun> {
  const resolve = (file: string) => path.resolve(options.cwd ?? process.cwd(), file);
  const digestsDir = resolve(options.digestsDir);
  const sources: IngestSource[] = [];
  const unreadable: IngestPlan[] = [];
  for (const file of options.files) {
    const label = file === "-" ? "<stdin>" : file;
    let bytes: string | Uint8Array;
    try {
      bytes = file === "-" ? await options.readStdin() : await fs.promises.readFile(resolve(file));
    } catch (error) {
      const source = { label: file, name: file, text: "" };
      unreadable.push({
        action: "refuse",
        source,
        problems: [
          { file, line: 0, message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` },
        ],
      });
      continue;
    }
    // Decoded as the build decodes a stored digest, so bytes the build would refuse are refused here.
    const decoded = typeof bytes === "string" ? { ok: true as const, text: bytes } : decodeDigestBytes(bytes, label);
    if (decoded.ok) sources.push({ label, name: file, text: decoded.text });
    else unreadable.push({ action: "refuse", source: { label, name: file, text: "" }, problems: [decoded.problem] });
  }

  const plans = [
    ...unreadable,
    ...planIngest(sources, readFolderView(digestsDir), { force: options.force, ...(options.date ? { date: options.date } : {}) }),
  ];
  const ok = canProceed(plans);
  if (ok) for (const plan of plans) if (plan.action === "store") await carryOut(plan, digestsDir);
  return { plans, ok, lines: formatPlans(plans, { digestsDir: options.digestsDir, stored: ok }) };
}

export function readFolderView(folder: string): DigestsFolderView {
  const list = (dir: string) => {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
        .sort();
    } catch {
      return []; // A folder that does not exist yet holds nothing; storing creates it.
    }
  };
  return {
    names: list(folder),
    replacedNames: list(path.join(folder, REPLACED_FOLDER)),
    read: (name) => fs.readFileSync(path.join(folder, name), "utf8"),
  };
}

export async function carryOut(plan: Extract<IngestPlan, { action: "store" }>, folder: string): Promise<void> {
  await fs.promises.mkdir(folder, { recursive: true });
  for (const move of plan.moveAside) {
    await fs.promises.mkdir(path.join(folder, path.dirname(move.to)), { recursive: true });
    await fs.promises.rename(path.join(folder, move.from), path.join(folder, move.to));
  }
  // Written beside the target under a dot-name (which the build skips) and renamed
  // into place, so a build running meanwhile never reads half a digest.
  const temporary = path.join(folder, `.${plan.target}.ingest-${process.pid}`);
  await fs.promises.writeFile(temporary, plan.content);
  await fs.promises.rename(temporary, path.join(folder, plan.target));
}
