import type { ArchiveData, TopicPage, TopicRef } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import type { MathText } from "../math/math-text.ts";
import { planSearchParts, type SearchPart } from "../search/plan-search-parts.ts";
import { buildArchiveData } from "../site/archive-data.ts";
import { dayOrder, type DayOrder } from "../site/day-order.ts";
import { firstDate } from "../site/paper-dates.ts";
import { paperUrl } from "../site/paper-page.ts";
import { topicRedirects } from "../site/redirects.ts";
import { topicListingPages, topicSummaries, topicUrl } from "../site/topic-pages.ts";
import { compileTaxonomy } from "../topics/compile.ts";
import type { Taxonomy } from "../topics/taxonomy.ts";
import type { TopicModel } from "../topics/topic-model.ts";
import { findRelated } from "./find-related.ts";
import type { PreparedWorker } from "./in-worker.ts";
import type { IdentifiedArchive } from "./identify.ts";
import { repairInWorkers } from "./repair-in-workers.ts";
import { classifyArchive } from "./classify-archive.ts";

/** What the enrich stage returns: every paper complete (topics, related papers, text), and the data of every listing page. */
export interface EnrichedArchive extends IdentifiedArchive {
  papers: Paper[];
  /** Each day's papers in digest order, for the day pages and each paper page's neighbours. */
  days: DayOrder;
  archive: ArchiveData;
  /** The search index's parts, fixed by the papers' first days. */
  searchParts: SearchPart[];
  /** Texts repaired on worker threads (0 when the archive is small or nothing was new). */
  repairedInWorkers: number;
  /** Every paper's topics by `topicKey`, for the next build's topic cache. */
  topicsByKey: ReadonlyMap<string, readonly string[]>;
  /** Papers classified in this build (the others' topics came from the cache). */
  classified: number;
  /** Whether the trained model decided the topics: it fits only the taxonomy it was trained for, else the rules do. */
  byTopicModel: boolean;
  /** How related papers were found (all searched, or added to the kept search), for the build log. */
  relatedSearch: string;
}

export interface EnrichOptions {
  taxonomy: Taxonomy;
  /** Decides topics when it was trained for this taxonomy; otherwise its rules do. */
  topicModel?: TopicModel;
  mathText: MathText;
  /** Topics made by an earlier build with the same classifier, taxonomy and model, by `topicKey`. */
  earlierTopics?: ReadonlyMap<string, readonly string[]>;
  jobs: number;
  searchPartSize: number;
  /** The work folder where the related-paper search keeps its state between builds; none: keep nothing. */
  relatedCache?: string;
  /** A worker that has read that state already (see prepareRelatedWorker). */
  relatedWorker?: PreparedWorker;
}

/**
 * Gives each paper its topics, related papers and repaired text, and makes
 * the data every listing page needs. Related papers are searched on a worker
 * thread for a large archive while this thread makes the listing data.
 */
export async function enrichArchive(identified: IdentifiedArchive, options: EnrichOptions): Promise<EnrichedArchive> {
  const texts = identified.papers.flatMap((paper) => [paper.title, paper.abstract]);
  const repairedInWorkers = await repairInWorkers(options.mathText, texts, options.jobs);
  // Topics first: related papers favour papers that share one.
  const compiled = compileTaxonomy(options.taxonomy, options.topicModel);
  const {
    topics: topicsOf,
    topicsByKey,
    classified: classifiedHere,
  } = await classifyArchive(identified.papers, {
    compiled,
    taxonomy: options.taxonomy,
    jobs: options.jobs,
    ...(options.earlierTopics ? { earlierTopics: options.earlierTopics } : {}),
  });
  // Each paper's text forms are made when read (see MathText.paperText); its text key is made now.
  const withText = identified.papers.map((paper, index) => ({
    ...paper,
    topics: [...topicsOf[index]!],
    text: options.mathText.paperText(paper),
    related: [],
  }));
  // On a worker thread for a large archive, while this thread makes the listings, which show no related papers.
  const relatedSearch = findRelated(withText, options.jobs, {
    workDir: options.relatedCache,
    ...(options.relatedWorker ? { prepared: options.relatedWorker } : {}),
  });
  const topics = topicSummaries(options.taxonomy, withText);
  const topicRef = topicRefLookup(topics);
  const redirects = [
    ...topicRedirects(options.taxonomy),
    ...identified.redirects.map(({ from, to }) => ({ from: paperUrl(from), to: paperUrl(to) })),
  ];
  const archive = buildArchiveData(withText, topicRef, topics, topicListingPages(topics, withText, topicRef), redirects);
  const { related, description } = await relatedSearch;
  const papers = withText.map((paper): Paper => ({ ...paper, related: related.get(paper.slug) ?? [] }));
  const days = dayOrder(papers);
  const searchParts = planSearchParts(
    // By first appearance, which later digests never change: a paper seen again stays in its part.
    papers.map((paper) => ({ url: paperUrl(paper.slug), date: firstDate(paper) })),
    options.searchPartSize,
  );
  return {
    ...identified,
    papers,
    days,
    archive,
    searchParts,
    repairedInWorkers,
    topicsByKey,
    classified: classifiedHere,
    byTopicModel: compiled.model !== null,
    relatedSearch: description,
  };
}

/** A topic's name and URL by slug; a slug the taxonomy lacks still links somewhere sensible. */
export function topicRefLookup(topics: readonly TopicPage[]): (slug: string) => TopicRef {
  const bySlug = new Map(topics.map((topic) => [topic.slug, { slug: topic.slug, name: topic.name, url: topic.url }]));
  return (slug) => bySlug.get(slug) ?? { slug, name: slug, url: topicUrl(slug) };
}
