export const STAGES = ["parse", "identify", "enrich", "input", "eleventy", "feeds", "pagefind"] as const;
export type Stage = (typeof STAGES)[number];

/** The build's `[stage] ... in N s` lines, as seconds per stage. */
export function parseStageLines(output: string): Partial<Record<Stage, number>> {
  const seconds: Partial<Record<Stage, number>> = {};
  for (const line of output.split("\n")) {
    const match = /^\[([a-z-]+)\] .* in ([\d.]+) s$/.exec(line.trim());
    if (match && (STAGES as readonly string[]).includes(match[1]!)) seconds[match[1] as Stage] = Number(match[2]);
  }
  return seconds;
}

/** "Built 1003 papers, 31 days, 1290 pages in 12.3 s" */
export function parseBuiltLine(output: string): { papers: number; days: number; pages: number; seconds: number } | undefined {
  const match = /^Built (\d+) papers, (\d+) days, (\d+) pages in ([\d.]+) s$/m.exec(output);
  if (!match) return undefined;
  return { papers: Number(match[1]), days: Number(match[2]), pages: Number(match[3]), seconds: Number(match[4]) };
}
