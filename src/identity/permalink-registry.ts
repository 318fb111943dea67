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
      /** The slug this URL moved to (the title was fixed, or two pages turned out to be one paper); kept for good as a redirect. */
      redirectTo: z
        .string()
        .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
        .optional(),
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
    papers[slug] = {
      title: record.title,
      ...(record.arxivId ? { arxivId: record.arxivId } : {}),
      fingerprints: [...record.fingerprints].sort(),
      ...(record.redirectTo ? { redirectTo: record.redirectTo } : {}),
    };
  }
  return `${JSON.stringify({ version: 1, papers }, null, 2)}\n`;
}

/**
 * The live slug a recorded slug leads to, following redirects; undefined
 * for a slug the registry does not hold or a loop of redirects.
 */
export function resolveSlug(registry: PermalinkRegistry, slug: string): string | undefined {
  const seen = new Set<string>();
  let current = slug;
  for (;;) {
    const record = registry.papers[current];
    if (!record || seen.has(current)) return undefined;
    if (!record.redirectTo) return current;
    seen.add(current);
    current = record.redirectTo;
  }
}
