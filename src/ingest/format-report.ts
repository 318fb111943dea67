import path from "node:path";
import { formatProblems } from "../pipeline/read-digests.ts";
import { FORMAT_LABEL } from "./digest-format.ts";
import type { DigestSummary, IngestPlan } from "./plan-ingest.ts";

/**
 * One block per input:
 *   2025-08-23.json: 2025-08-23 (from the file name), 3 papers, Hugging Face JSON
 *     2025-08-23.json:14: note: ...
 *     stored as content/digests/2025-08-23.json
 */
export function formatPlans(plans: readonly IngestPlan[], context: { digestsDir: string; stored: boolean }): string[] {
  const lines: string[] = [];
  const inFolder = (name: string) => path.join(context.digestsDir, name);
  for (const plan of plans) {
    if (plan.summary) lines.push(`${plan.source.label}: ${describe(plan.summary)}`);
    for (const note of plan.summary?.notes ?? [])
      lines.push(`  ${plan.source.label}${note.line > 0 ? `:${note.line}` : ""}: note: ${note.message}`);
    switch (plan.action) {
      case "refuse": {
        const count = plan.problems.length;
        const refusal = `refused (${count} problem${count === 1 ? "" : "s"}); nothing was stored:`;
        lines.push(plan.summary ? `  ${refusal}` : `${plan.source.label}: ${refusal}`);
        for (const line of formatProblems(plan.problems).split("\n")) lines.push(`  ${line}`);
        break;
      }
      case "unchanged":
        lines.push(`  already stored as ${inFolder(plan.existing)}; nothing to do`);
        break;
      case "store":
        if (!context.stored) {
          lines.push(`  not stored, because another input was refused (an ingest stores all or nothing)`);
          break;
        }
        for (const move of plan.moveAside) lines.push(`  replaced ${inFolder(move.from)}, kept as ${inFolder(move.to)}`);
        lines.push(`  stored as ${inFolder(plan.target)}`);
        break;
    }
  }
  return lines;
}

function describe(summary: DigestSummary): string {
  return `${summary.date} (from ${summary.dateFrom}), ${summary.papers} paper${summary.papers === 1 ? "" : "s"}, ${FORMAT_LABEL[summary.format]}`;
}
