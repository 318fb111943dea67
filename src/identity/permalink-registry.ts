import { z } from "zod";

/**
 * The record of every permalink ever given out. Slugs come from titles, and
 * which of two same-titled papers gets the plain slug depends on which was seen
 * first; once a URL is published it must not move when an older digest is added,
 * so the assignment is written down and honoured on every later build.
 */
export const permalinkRegistrySchema = z.object({
  version: z.literal(1),
  papers: z.record(
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    z.object({
      title: z.string(),
      arxivId: z.string().optional(),
      fingerprints: z.array(z.string()),
    }),
  ),
});

export type PermalinkRegistry = z.infer<typeof permalinkRegistrySchema>;
export type PermalinkRecord = PermalinkRegistry["papers"][string];

export const emptyRegistry = (): PermalinkRegistry => ({ version: 1, papers: {} });

/** Stable text for the registry file: sorted keys, one paper a line-group, ending in a newline. */
export function serializeRegistry(registry: PermalinkRegistry): string {
  const papers: Record<string, PermalinkRecord> = {};
  for (const slug of Object.keys(registry.papers).sort()) {
    const record = registry.papers[slug]!;
    papers[slug] = { title: record.title, ...(record.arxivId ? { arxivId: record.arxivId } : {}), fingerprints: [...record.fingerprints].sort() };
  }
  return `${JSON.stringify({ version: 1, papers }, null, 2)}\n`;
}
