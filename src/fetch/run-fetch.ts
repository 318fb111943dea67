/**
 * `npm run fetch`: days of the Hugging Face daily papers API into the digests
 * folder, merged into what is stored and checked by ingest's own plan (so by
 * the build's parser) before anything is written. All or nothing: when one day
 * fails, no day is stored.
 */
import path from "node:path";
import { formatPlans } from "../ingest/format-report.ts";
import { isDigestOf, planIngest, type DigestsFolderView, type IngestPlan } from "../ingest/plan-ingest.ts";
import { carryOut, readFolderView } from "../ingest/run-ingest.ts";
import { parseHfJson } from "../digest/parse-hf-json.ts";
import { formatProblems } from "../digest/digest-text.ts";
import { fetchDay, sleep, type FetchDeps, type FetchPolicy } from "./fetch-day.ts";
import { mergeDay, type DayMerge } from "./merge-day.ts";

export interface RunFetchOptions {
  dates: readonly string[];
  api: string;
  /** The digests folder. */
  digestsDir: string;
  /** The UTC day of this run: the day counts taken now are dated. */
  today: string;
  policy: FetchPolicy;
  /** Pause between two requests, to be a polite client. */
  delayMs: number;
  deps?: FetchDeps;
}

export interface FetchRun {
  ok: boolean;
  lines: string[];
  /** Dates whose stored digest was written (new or changed). */
  changed: string[];
}

type Fetched = { date: string; url: string; entries: Record<string, unknown>[] };

export async function runFetch(options: RunFetchOptions): Promise<FetchRun> {
  const lines: string[] = [];
  const failures: string[] = [];
  const days: Fetched[] = [];
  const wait = options.deps?.sleep ?? sleep;
  for (const [index, date] of options.dates.entries()) {
    if (index > 0 && options.delayMs > 0) await wait(options.delayMs);
    const response = await fetchDay(options.api, date, options.policy, {
      ...options.deps,
      log: options.deps?.log ?? ((line) => lines.push(line)),
    });
    if (!response.ok) {
      failures.push(`${date}: fetching ${response.url} failed: ${response.message}`);
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(response.body);
    } catch {
      data = undefined;
    }
    if (Array.isArray(data) && data.length === 0) {
      lines.push(`${date}: no papers on this day (a weekend or a holiday); nothing stored`);
      continue;
    }
    if (!Array.isArray(data) || !data.every(isRecord)) {
      // The parser says exactly what is wrong, with lines, as ingest would.
      const parsed = parseHfJson(response.body, response.url, { date });
      const problems = parsed.problems.length
        ? parsed.problems
        : [{ file: response.url, line: 1, message: "expected a JSON array of paper objects" }];
      failures.push(`${date}: the answer from ${response.url} was refused:\n${indent(formatProblems(problems))}`);
      continue;
    }
    days.push({ date, url: response.url, entries: data });
  }

  const folder = path.resolve(options.digestsDir);
  const view = readFolderView(folder);
  const plans: { date: string; plan: IngestPlan; merge: DayMerge; stored: boolean }[] = [];
  for (const day of days) {
    const name = `${day.date}.json`;
    const others = view.names.filter((other) => other !== name && isDigestOf(other, day.date));
    if (others.length > 0) {
      lines.push(`${day.date}: ${others.join(", ")} already holds this day; fetch leaves it alone (npm run ingest -- --force replaces it)`);
      continue;
    }
    const storedText = view.names.includes(name) ? view.read(name) : undefined;
    let stored: Record<string, unknown>[] | undefined;
    if (storedText !== undefined) {
      try {
        const value: unknown = JSON.parse(storedText);
        if (!Array.isArray(value) || !value.every(isRecord)) throw new Error("not an array of objects");
        stored = value;
      } catch {
        failures.push(
          `${day.date}: the stored ${path.join(options.digestsDir, name)} is not a JSON array of papers; fix or remove it first`,
        );
        continue;
      }
    }
    const merge = mergeDay(stored, day.entries, options.today);
    const content = `${JSON.stringify(merge.entries, null, 2)}\n`;
    if (content === storedText) {
      lines.push(`${day.date}: ${merge.entries.length} papers, unchanged`);
      continue;
    }
    // Ingest's plan, with this day's stored file set aside: the merge holds every paper it had.
    const planView: DigestsFolderView = { ...view, names: view.names.filter((other) => other !== name) };
    const [plan] = planIngest([{ label: day.url, name, text: content }], planView, { force: false });
    if (!plan || plan.action === "refuse") {
      failures.push(
        `${day.date}: refused:\n${indent(formatPlans(plan ? [plan] : [], { digestsDir: options.digestsDir, stored: false }).join("\n"))}`,
      );
      continue;
    }
    plans.push({ date: day.date, plan, merge, stored: stored !== undefined });
  }

  if (failures.length > 0) {
    return {
      ok: false,
      lines: [...lines, ...failures, `Nothing was stored: ${failures.length} of ${options.dates.length} days failed.`],
      changed: [],
    };
  }
  for (const { date, plan, merge, stored } of plans) {
    if (plan.action !== "store") continue;
    await carryOut(plan, folder);
    lines.push(describeMerge(date, merge, stored, path.join(options.digestsDir, plan.target)));
  }
  return { ok: true, lines, changed: plans.map((plan) => plan.date) };
}

function describeMerge(date: string, merge: DayMerge, stored: boolean, file: string): string {
  const total = merge.entries.length;
  if (!stored) return `${date}: new day, ${total} paper${total === 1 ? "" : "s"}; stored as ${file}`;
  const parts: string[] = [];
  if (merge.added.length) parts.push(`${merge.added.length} added (${list(merge.added.map((title) => `"${short(title)}"`))})`);
  if (merge.counts.length) {
    const examples = merge.counts.map((change) => {
      const moves = [
        change.upvotes ? `upvotes ${change.upvotes[0] ?? "none"} → ${change.upvotes[1] ?? "none"}` : "",
        change.comments ? `comments ${change.comments[0] ?? "none"} → ${change.comments[1] ?? "none"}` : "",
      ];
      return `"${short(change.title)}" ${moves.filter(Boolean).join(", ")}`;
    });
    parts.push(`counts changed on ${merge.counts.length} (${list(examples)})`);
  }
  if (merge.otherwiseChanged.length)
    parts.push(
      `text or links changed on ${merge.otherwiseChanged.length} (${list(merge.otherwiseChanged.map((title) => `"${short(title)}"`))})`,
    );
  if (merge.keptMissing.length) parts.push(`${merge.keptMissing.length} no longer listed by the API, kept`);
  return `${date}: ${total} papers (${total - merge.added.length} before): ${parts.join("; ") || "count dates updated"}; updated ${file}`;
}

const list = (items: string[], shown = 3) =>
  items.length > shown ? `${items.slice(0, shown).join(", ")} and ${items.length - shown} more` : items.join(", ");
const short = (title: string) => (title.length > 50 ? `${title.slice(0, 47)}...` : title);
const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
