import { describe, expect, it } from "vitest";
import { assignPermalinks } from "./assign-permalinks.ts";
import { mergePapers } from "./merge-papers.ts";
import { emptyRegistry, permalinkRegistrySchema, serializeRegistry, type PermalinkRegistry } from "./permalink-registry.ts";
import type { Digest, DigestEntry } from "../model/types.ts";

const entry = (title: string, abstract: string, card: DigestEntry["card"] = {}): DigestEntry => ({ title, abstract, line: 1, card, authors: [] });
const digest = (date: string, ...entries: DigestEntry[]): Digest => ({ file: `${date}.txt`, date, entries });

const routing = "We study sparse attention for long contexts and show that learned routing matches dense attention on retrieval benchmarks.";
const folding = "A survey of protein folding methods with equivariant networks, covering datasets, metrics and open problems in structure prediction.";
const clash = "Graph neural networks for weather forecasting at kilometre scale, trained on reanalysis data and evaluated on extreme events.";
const bandits = "Regret bounds for streaming bandits with limited memory, with matching lower bounds for single-pass algorithms over adversarial streams.";

/** Builds the archive from these digests on top of a registry, as the build does; returns title → URL slug. */
function build(digests: Digest[], registry: PermalinkRegistry) {
  const papers = mergePapers(digests);
  const result = assignPermalinks(papers, registry);
  const urls = new Map(papers.map((paper, index) => [`${paper.title}|${paper.abstract.slice(0, 10)}`, result.slugs[index]!]));
  return { urls, registry: result.registry, added: result.added };
}

describe("assignPermalinks", () => {
  const day1 = digest("2025-08-20", entry("Attention Is All You Need", routing), entry("Streaming Bandits", bandits));

  it("gives each paper its title's slug", () => {
    const { urls, added } = build([day1], emptyRegistry());
    expect([...urls.values()]).toEqual(["attention-is-all-you-need", "streaming-bandits"]);
    expect(added).toBe(2);
  });

  it("gives two different papers with one title two distinct URLs", () => {
    const { urls } = build([day1, digest("2025-08-21", entry("Attention is all you need", folding, { arxivId: "2508.01234" }))], emptyRegistry());
    expect(urls.get("Attention Is All You Need|We study s")).toBe("attention-is-all-you-need");
    expect(urls.get("Attention is all you need|A survey o")).toBe("attention-is-all-you-need-2508-01234");
  });

  it("uses an abstract fingerprint to tell same-titled papers apart when there is no arXiv id", () => {
    const { urls } = build([day1, digest("2025-08-21", entry("Attention Is All You Need", folding))], emptyRegistry());
    expect(urls.get("Attention Is All You Need|A survey o")).toMatch(/^attention-is-all-you-need-[0-9a-f]{6}$/);
  });

  it("never changes or removes a URL when newer or older digests are added", () => {
    const first = build([day1], emptyRegistry());
    const newer = digest("2025-08-25", entry("Attention Is All You Need", routing), entry("Brand New Paper", folding));
    // An older digest brings a different paper with a title that clashes with a published one.
    const older = digest("2025-07-01", entry("Attention is all you need!", clash), entry("Streaming Bandits", bandits));
    const second = build([day1, newer], first.registry);
    const third = build([older, day1, newer], second.registry);

    for (const [key, slug] of first.urls) {
      expect(second.urls.get(key)).toBe(slug);
      expect(third.urls.get(key)).toBe(slug);
    }
    for (const [key, slug] of second.urls) expect(third.urls.get(key)).toBe(slug);
    expect(third.urls.get("Attention is all you need!|Graph neur")).toMatch(/^attention-is-all-you-need-[0-9a-f]{6}$/);
    // Every URL ever given out is still recorded, in a registry that validates.
    for (const slug of [...first.urls.values(), ...second.urls.values()]) expect(third.registry.papers[slug]).toBeDefined();
    expect(permalinkRegistrySchema.parse(JSON.parse(serializeRegistry(third.registry)))).toEqual(JSON.parse(serializeRegistry(third.registry)));
  });

  it("keeps a slug when the paper's abstract is re-scraped with small edits", () => {
    const first = build([day1], emptyRegistry());
    const edited = digest("2025-08-20", entry("Attention Is All You Need", `${routing} Code is available.`), entry("Streaming Bandits", bandits));
    const again = build([edited], first.registry);
    expect([...again.urls.values()]).toEqual(["attention-is-all-you-need", "streaming-bandits"]);
    expect(again.added).toBe(0);
  });

  it("serialises the registry stably", () => {
    const { registry } = build([day1], emptyRegistry());
    expect(serializeRegistry(registry)).toBe(serializeRegistry(JSON.parse(serializeRegistry(registry)) as PermalinkRegistry));
    expect(Object.keys(JSON.parse(serializeRegistry(registry)).papers)).toEqual(["attention-is-all-you-need", "streaming-bandits"]);
  });
});
