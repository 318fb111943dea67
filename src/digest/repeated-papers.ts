import { normalizeTitle } from "../identity/normalize-title.ts";
import type { DigestEntry } from "../model/types.ts";

/**
 * Within one digest an arXiv id names one paper. Two entries with the same id
 * and different titles are two papers with one id wrong, or a card parsed
 * wrongly; merging them would lose one, so both parsers refuse (the same id
 * with the same title is a repeat, which the build shows once).
 */
export function checkRepeatedPapers(entries: readonly DigestEntry[], report: (line: number, message: string) => void): void {
  const firstById = new Map<string, DigestEntry>();
  for (const entry of entries) {
    const id = entry.card.arxivId;
    if (!id) continue;
    const first = firstById.get(id);
    if (!first) {
      firstById.set(id, entry);
      continue;
    }
    if (normalizeTitle(first.title) === normalizeTitle(entry.title)) continue;
    report(
      entry.line,
      `arXiv ${id} is also the id of "${excerpt(first.title)}" (line ${first.line}), but this entry's title is "${excerpt(entry.title)}"; ` +
        "one id is wrong, or a card was split or merged: fix the id or remove the repeated entry",
    );
  }
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
