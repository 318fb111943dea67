import { describe, expect, it } from "vitest";
import { MathText } from "../math/math-text.ts";
import type { PaperSummary, TopicEntry, TopicPage } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { testPaper } from "../../test/fixtures/test-paper.ts";
import { testTaxonomy, topic } from "../../test/fixtures/test-taxonomy.ts";
import { buildArchiveData } from "./archive-data.ts";
import { dayOrder } from "./day-order.ts";
import { paginatedPages, type PaginatedPage } from "./listing-pages.ts";
import { listingPageKey, pageKeyContext, paperPageKey } from "./page-keys.ts";
import { paperPageInput, type PaperPageInput } from "./paper-page.ts";
import { topicListingPages, topicSummaries } from "./topic-pages.ts";

const taxonomy = testTaxonomy([topic("graphs", { GNN: 3 }), topic("bandits", { bandit: 3 })]);

/** The paper with its text made from its (changed) title and abstract, as enrichment makes it. */
const withText = (changed: Paper): Paper => ({ ...changed, text: new MathText().paperText(changed) });

/** The topic references enrichment makes: by slug from the taxonomy's pages, else from the slug. */
const refsOf = (topics: readonly TopicPage[]) => (slug: string) => {
  const found = topics.find((item) => item.slug === slug);
  return found ? { slug, name: found.name, url: found.url } : { slug, name: slug, url: `/topics/${slug}/` };
};

function paper(slug: string, title: string, appearances: Paper["appearances"], extra: Partial<Paper> = {}): Paper {
  return testPaper({ slug, title, abstract: `About ${slug}.`, appearances, topics: ["graphs"], ...extra });
}

describe("a paper page's key", () => {
  const a = paper("a", "First", [{ date: "2025-08-20", position: 0 }], { related: ["c"] });
  // Its neighbour on its first day, and a related paper from another day.
  const b = paper("b", "Second", [{ date: "2025-08-20", position: 1 }]);
  const c = paper("c", "Third", [{ date: "2025-07-01", position: 0 }]);
  const keyOf = (papers: Paper[], topics = topicSummaries(taxonomy, papers)) => {
    const bySlug = new Map(papers.map((item) => [item.slug, item]));
    const input = paperPageInput(papers[0]!, refsOf(topics), (slug) => bySlug.get(slug), "https://papers.example.org", dayOrder(papers));
    return paperPageKey(input, pageKeyContext(papers, topics));
  };
  const base = keyOf([a, b, c]);

  it("is the same for the same paper among the same papers", () => {
    expect(keyOf([paper("a", "First", a.appearances, { related: ["c"] }), paper("b", "Second", b.appearances), c])).toBe(base);
  });

  it("holds none of the papers' text, which their text keys stand for", () => {
    for (const text of ["First", "Second", "Third", "About"]) expect(base).not.toContain(text);
  });

  it.each([
    ["its abstract", () => [withText({ ...a, abstract: "About a, revised." }), b, c]],
    ["its title", () => [withText({ ...a, title: "First, revised" }), b, c]],
    ["a related paper's title, shown in its list", () => [a, b, withText({ ...c, title: "Other" })]],
    ["its neighbour's title, shown as the next paper that day", () => [a, withText({ ...b, title: "Other" }), c]],
    ["its related list", () => [{ ...a, related: [] }, b, c]],
    ["its topics", () => [{ ...a, topics: ["bandits"] }, b, c]],
    ["a related paper's first day", () => [a, b, { ...c, appearances: [{ date: "2025-06-30", position: 0 }] }]],
    ["a related paper's first topic", () => [a, b, { ...c, topics: ["bandits"] }]],
    ["its authors", () => [{ ...a, authors: ["A. Author"] }, b, c]],
    ["its card", () => [{ ...a, card: { upvotes: 3 } }, b, c]],
    ["a later day it appeared on", () => [{ ...a, appearances: [...a.appearances, { date: "2025-08-22", position: 0 }] }, b, c]],
    ["its neighbour on its first day", () => [a, { ...b, slug: "b2" }, c]],
  ] as const)("changes with %s", (_what, papers) => {
    expect(keyOf([...papers()])).not.toBe(base);
  });

  it("is the same when the topics come in another order, as a new day's counts can reorder them", () => {
    expect(keyOf([a, b, c], [...topicSummaries(taxonomy, [a, b, c])].reverse())).toBe(base);
  });

  it("changes with the name of one of its topics", () => {
    const topics = topicSummaries(taxonomy, [a, b, c]).map((item) => (item.slug === "graphs" ? { ...item, name: "Graph learning" } : item));
    expect(keyOf([a, b, c], topics)).not.toBe(base);
  });

  it("keeps every field of its input but the text forms its text key stands for", () => {
    const papers = [{ ...a, arxivId: "2508.00001", authors: ["A. Author"], card: { upvotes: 2 } }, b, c];
    const topics = topicSummaries(taxonomy, papers);
    const bySlug = new Map(papers.map((item) => [item.slug, item]));
    const input = paperPageInput(papers[0]!, refsOf(topics), (slug) => bySlug.get(slug), "https://papers.example.org", dayOrder(papers));
    const context = pageKeyContext(papers, topics);
    const changes: Record<string, (given: PaperPageInput) => PaperPageInput> = {
      "paper.slug": (given) => ({ ...given, paper: { ...given.paper, slug: "other" } }),
      "paper.arxivId": (given) => ({ ...given, paper: { ...given.paper, arxivId: "2508.00002" } }),
      "paper.appearances": (given) => ({ ...given, paper: { ...given.paper, appearances: [{ date: "2025-08-21", position: 0 }] } }),
      "paper.card": (given) => ({ ...given, paper: { ...given.paper, card: { upvotes: 3 } } }),
      "paper.authors": (given) => ({ ...given, paper: { ...given.paper, authors: ["B. Author"] } }),
      "paper.text": (given) => ({ ...given, paper: { ...given.paper, text: { ...given.paper.text, sourceKey: "other" } } }),
      topics: (given) => ({ ...given, topics: [{ slug: "bandits", name: "Bandits", url: "/topics/bandits/" }] }),
      siteUrl: (given) => ({ ...given, siteUrl: "https://elsewhere.example.org" }),
      places: (given) => ({ ...given, places: [3] }),
      "firstDay.count": (given) => ({ ...given, firstDay: { ...given.firstDay, count: 9 } }),
      "firstDay.previous": (given) => ({ ...given, firstDay: { ...given.firstDay, previous: c } }),
      "firstDay.next": (given) => ({ ...given, firstDay: { ...given.firstDay, next: c } }),
      "related.paper": (given) => ({ ...given, related: [{ ...given.related[0]!, paper: b }] }),
      "related.date": (given) => ({ ...given, related: [{ ...given.related[0]!, date: "2025-01-01" }] }),
      "related.topic": (given) => ({ ...given, related: [{ ...given.related[0]!, topic: undefined }] }),
    };
    // A field added to the input must be keyed, and a row added here.
    const fields = [
      ...Object.keys(input.paper).map((field) => `paper.${field}`),
      ...Object.keys(input)
        .filter((field) => !["paper", "firstDay", "related"].includes(field))
        .map(String),
      ...["count", "previous", "next"].map((field) => `firstDay.${field}`),
      ...Object.keys(input.related[0]!).map((field) => `related.${field}`),
    ];
    expect(Object.keys(input.firstDay).sort()).toEqual(["count", "next"]);
    expect(fields.sort()).toEqual(Object.keys(changes).sort());
    const key = paperPageKey(input, context);
    for (const [field, change] of Object.entries(changes)) expect(paperPageKey(change(input), context), field).not.toBe(key);
  });
});

describe("a listing page's key", () => {
  const day = (date: string, count: number, extra: (index: number) => Partial<Paper> = () => ({})) =>
    Array.from({ length: count }, (_, index) =>
      paper(`${date}-${index}`, `Paper ${index} of ${date}`, [{ date, position: index }], {
        topics: index % 2 ? ["graphs", "bandits"] : ["bandits"],
        ...extra(index),
      }),
    );
  const keysOf = (papers: Paper[], rename: (topic: TopicPage) => TopicPage = (item) => item) => {
    const topics = topicSummaries(taxonomy, papers).map(rename);
    const topicRef = refsOf(topics);
    const archive = buildArchiveData(papers, topicRef, topics, topicListingPages(topics, papers, topicRef), []);
    const context = pageKeyContext(papers, topics);
    return new Map(paginatedPages(archive).map((page) => [page.file, listingPageKey(page, context)]));
  };
  const papers = [...day("2025-08-19", 3), ...day("2025-08-20", 3, (index) => ({ card: { upvotes: index } }))];
  const base = keysOf(papers);
  const changedFiles = (other: Map<string, string>) => [...other].filter(([file, key]) => base.get(file) !== key).map(([file]) => file);

  it("is the same for the same papers, and holds none of their text", () => {
    expect(keysOf(papers.map((item) => withText({ ...item })))).toEqual(base);
    for (const key of base.values()) expect(key).not.toContain("About");
  });

  const one = (slug: string, change: (paper: Paper) => Paper) => papers.map((item) => (item.slug === slug ? change(item) : item));
  const dataOf = (archivePapers: Paper[]) => {
    const topics = topicSummaries(taxonomy, archivePapers);
    const archive = buildArchiveData(archivePapers, refsOf(topics), topics, topicListingPages(topics, archivePapers, refsOf(topics)), []);
    return new Map(paginatedPages(archive).map((page) => [page.file, JSON.stringify(page.data)]));
  };

  it.each([
    ["an abstract", () => one("2025-08-20-1", (item) => withText({ ...item, abstract: "About it, revised." }))],
    ["a title", () => one("2025-08-20-1", (item) => withText({ ...item, title: "Revised" }))],
    ["a paper's upvotes", () => one("2025-08-20-2", (item) => ({ ...item, card: { upvotes: 9 } }))],
    ["a paper's authors", () => one("2025-08-19-0", (item) => ({ ...item, authors: ["A. Author", "B. Author"] }))],
    ["a paper's topics", () => one("2025-08-19-0", (item) => ({ ...item, topics: ["graphs"] }))],
    [
      "a paper seen again",
      () => one("2025-08-19-0", (item) => ({ ...item, appearances: [...item.appearances, { date: "2025-08-20", position: 3 }] })),
    ],
    ["a new day", () => [...papers, ...day("2025-08-21", 2)]],
  ] as const)("changes with %s exactly on the pages whose data changes", (_what, change) => {
    const changed = [...change()];
    const [before, after] = [dataOf(papers), dataOf(changed)];
    const dataChanged = [...after].filter(([file, data]) => before.get(file) !== data).map(([file]) => file);
    expect(dataChanged.length).toBeGreaterThan(0);
    expect(changedFiles(keysOf(changed)).sort()).toEqual(dataChanged.sort());
  });

  it("changes with a topic's name exactly on the pages that show it", () => {
    const rename = (item: TopicPage) => (item.slug === "graphs" ? { ...item, name: "Graph learning" } : item);
    const renamed = keysOf(papers, rename);
    const dataOf = (topicPages: (item: TopicPage) => TopicPage) => {
      const topics = topicSummaries(taxonomy, papers).map(topicPages);
      const archive = buildArchiveData(papers, refsOf(topics), topics, topicListingPages(topics, papers, refsOf(topics)), []);
      return new Map(paginatedPages(archive).map((page) => [page.file, JSON.stringify(page.data)]));
    };
    const [before, after] = [dataOf((item) => item), dataOf(rename)];
    const dataChanged = [...after].filter(([file, data]) => before.get(file) !== data).map(([file]) => file);
    expect(dataChanged).toContain("topics/graphs/index.html");
    expect(dataChanged).not.toContain("2025/08/index.html");
    expect(changedFiles(renamed).sort()).toEqual(dataChanged.sort());
  });

  it("refuses to key a listed paper the archive does not hold, whose text it could not stand for", () => {
    expect(() => pageKeyContext(papers, []).textKeyOf("/papers/not-in-the-archive/")).toThrow("no paper at /papers/not-in-the-archive/");
  });

  describe("of a listed paper", () => {
    // A paper with every field a listing can show: authors, an arXiv id, upvotes, another day, topics.
    const full = paper(
      "full",
      "Full",
      [
        { date: "2025-08-20", position: 0 },
        { date: "2025-08-21", position: 0 },
      ],
      {
        authors: ["A. Author"],
        arxivId: "2508.00001",
        card: { upvotes: 4 },
        topics: ["graphs", "bandits"],
      },
    );
    const topics = topicSummaries(taxonomy, [full]);
    const archive = buildArchiveData([full], refsOf(topics), topics, topicListingPages(topics, [full], refsOf(topics)), []);
    // Another paper, whose URL an entry can change to.
    const other = paper("other", "Other", [{ date: "2025-08-19", position: 0 }]);
    const context = pageKeyContext([full, other], topics);
    const pageOf = (template: string) => paginatedPages(archive).find((page) => page.data.template === template)!;
    const withEntry = (page: PaginatedPage, entry: object): PaginatedPage => {
      const { data } = page;
      if (data.template === "day") return { ...page, data: { ...data, day: { ...data.day, papers: [entry as PaperSummary] } } };
      if (data.template === "topic") return { ...page, data: { ...data, listing: { ...data.listing, entries: [entry as TopicEntry] } } };
      throw new Error(`no listed papers on a ${data.template} page`);
    };
    const entryOf = ({ data }: PaginatedPage): Record<string, unknown> =>
      data.template === "day" ? { ...data.day.papers[0]! } : data.template === "topic" ? { ...data.listing.entries[0]! } : {};

    it.each([
      ["day", ["titleMarkdown", "titleText", "abstractMarkdown", "excerpt", "hasMath"]],
      ["topic", ["titleMarkdown", "titleText", "excerpt"]],
    ] as const)("on a %s page keeps every field but the text forms %j", (template, textForms) => {
      const page = pageOf(template);
      const entry = entryOf(page);
      const keyWith = (changed: object) => listingPageKey(withEntry(page, changed), context);
      const others = Object.keys(entry).filter((field) => !(textForms as readonly string[]).includes(field));
      expect(others.length).toBeGreaterThan(4);
      const changed = (field: string) => (field === "url" ? "/papers/other/" : ["changed"]);
      for (const field of others) expect(keyWith({ ...entry, [field]: changed(field) }), field).not.toBe(keyWith(entry));
      for (const field of textForms) expect(keyWith({ ...entry, [field]: "changed" }), field).toBe(keyWith(entry));
    });
  });
});
