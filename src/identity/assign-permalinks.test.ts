import { describe, expect, it } from "vitest";
import { assignPermalinks } from "./assign-permalinks.ts";
import { mergePapers } from "./merge-papers.ts";
import { emptyRegistry, permalinkRegistrySchema, serializeRegistry, type PermalinkRegistry } from "./permalink-registry.ts";
import type { Digest, DigestEntry } from "../model/types.ts";

const entry = (title: string, abstract: string, card: DigestEntry["card"] = {}): DigestEntry => ({
  title,
  abstract,
  line: 1,
  card,
  authors: [],
});
const digest = (date: string, ...entries: DigestEntry[]): Digest => ({ file: `${date}.txt`, date, entries });

const routing =
  "We study sparse attention for long contexts and show that learned routing matches dense attention on retrieval benchmarks.";
const folding =
  "A survey of protein folding methods with equivariant networks, covering datasets, metrics and open problems in structure prediction.";
const clash =
  "Graph neural networks for weather forecasting at kilometre scale, trained on reanalysis data and evaluated on extreme events.";
const bandits =
  "Regret bounds for streaming bandits with limited memory, with matching lower bounds for single-pass algorithms over adversarial streams.";

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
    const { urls } = build(
      [day1, digest("2025-08-21", entry("Attention is all you need", folding, { arxivId: "2508.01234" }))],
      emptyRegistry(),
    );
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
    expect(permalinkRegistrySchema.parse(JSON.parse(serializeRegistry(third.registry)))).toEqual(
      JSON.parse(serializeRegistry(third.registry)),
    );
  });

  it("keeps a slug when the paper's abstract is re-scraped with small edits", () => {
    const first = build([day1], emptyRegistry());
    const edited = digest(
      "2025-08-20",
      entry("Attention Is All You Need", `${routing} Code is available.`),
      entry("Streaming Bandits", bandits),
    );
    const again = build([edited], first.registry);
    expect([...again.urls.values()]).toEqual(["attention-is-all-you-need", "streaming-bandits"]);
    expect(again.added).toBe(0);
  });

  it("moves a paper to its fixed title's URL and keeps the old URL as a redirect (no arXiv id)", () => {
    const first = build([digest("2025-08-20", entry("Stochastic Gradeint Descent", routing))], emptyRegistry());
    expect([...first.urls.values()]).toEqual(["stochastic-gradeint-descent"]);
    const fixed = assignPermalinks(mergePapers([digest("2025-08-20", entry("Stochastic Gradient Descent", routing))]), first.registry);
    expect(fixed.slugs).toEqual(["stochastic-gradient-descent"]);
    expect(fixed.redirects).toEqual([{ from: "stochastic-gradeint-descent", to: "stochastic-gradient-descent" }]);
    expect(fixed.moved).toBe(1);
    expect(fixed.registry.papers["stochastic-gradeint-descent"]?.redirectTo).toBe("stochastic-gradient-descent");
    // The next build changes nothing: the redirect stays, for good.
    const again = assignPermalinks(mergePapers([digest("2025-08-20", entry("Stochastic Gradient Descent", routing))]), fixed.registry);
    expect([again.slugs, again.moved, again.redirects]).toEqual([["stochastic-gradient-descent"], 0, fixed.redirects]);
  });

  it("moves a paper whose corrected title comes with the same arXiv id, and takes its old URL back if the title is reverted", () => {
    const typo = digest("2025-08-20", entry("Sparse Routnig at Scale", routing, { arxivId: "2508.00001" }));
    const first = assignPermalinks(mergePapers([typo]), emptyRegistry());
    const corrected = digest("2025-08-21", entry("Sparse Routing at Scale", routing, { arxivId: "2508.00001" }));
    const second = assignPermalinks(mergePapers([typo, corrected]), first.registry);
    expect(second.slugs).toEqual(["sparse-routing-at-scale"]);
    expect(second.redirects).toEqual([{ from: "sparse-routnig-at-scale", to: "sparse-routing-at-scale" }]);
    const reverted = assignPermalinks(mergePapers([typo]), second.registry);
    expect(reverted.slugs).toEqual(["sparse-routnig-at-scale"]);
    expect(reverted.redirects).toEqual([{ from: "sparse-routing-at-scale", to: "sparse-routnig-at-scale" }]);
  });

  it("keeps a slug when only case or punctuation of the title changes", () => {
    const first = build([day1], emptyRegistry());
    const again = build(
      [digest("2025-08-20", entry("Attention is all you need!", routing), entry("Streaming Bandits", bandits))],
      first.registry,
    );
    expect([...again.urls.values()]).toEqual(["attention-is-all-you-need", "streaming-bandits"]);
    expect(first.registry.papers["attention-is-all-you-need"]?.redirectTo).toBeUndefined();
  });

  it("turns the second of two pages that turn out to be one paper into a redirect", () => {
    // Two recorded pages: one known by arXiv id, the other by its abstract.
    const registry: PermalinkRegistry = {
      version: 1,
      papers: {
        "sparse-routing": { title: "Sparse Routing", arxivId: "2508.00001", fingerprints: [] },
        "sparse-routing-3f2a1b": {
          title: "Sparse Routing",
          fingerprints: mergePapers([digest("2025-08-20", entry("Sparse Routing", routing))])[0]!.fingerprints,
        },
      },
    };
    const result = assignPermalinks(
      mergePapers([digest("2025-08-22", entry("Sparse Routing", routing, { arxivId: "2508.00001" }))]),
      registry,
    );
    expect(result.slugs).toEqual(["sparse-routing"]);
    expect(result.redirects).toEqual([{ from: "sparse-routing-3f2a1b", to: "sparse-routing" }]);
  });

  it("serialises the registry stably", () => {
    const { registry } = build([day1], emptyRegistry());
    expect(serializeRegistry(registry)).toBe(serializeRegistry(JSON.parse(serializeRegistry(registry)) as PermalinkRegistry));
    expect(Object.keys(JSON.parse(serializeRegistry(registry)).papers)).toEqual(["attention-is-all-you-need", "streaming-bandits"]);
  });
});
