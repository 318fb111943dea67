import type {
  ArchiveData,
  DayCount,
  DayListing,
  DayPage,
  DayRef,
  MonthPage,
  PaperSummary,
  Redirect,
  TopicListingPage,
  TopicPage,
  TopicRef,
  YearPage,
} from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { DAY_PAGE_SIZE, dayLabel, dayPageUrl, dayUrl, longDayLabel, monthGrid, monthLabel, monthUrl, yearUrl } from "./calendar.ts";
import { dayOrder, type DayOrder } from "./day-order.ts";
import { paperUrl } from "./paper-page.ts";
import { truncateAtWord } from "./truncate-at-word.ts";

/**
 * The date archive: every day with its papers in digest order, and the month,
 * year and archive listings, newest first.
 */
export function buildArchiveData(
  papers: readonly Paper[],
  topicRef: (slug: string) => TopicRef,
  topics: TopicPage[],
  topicPages: TopicListingPage[],
  redirects: Redirect[] = [],
  order: DayOrder = dayOrder(papers),
): ArchiveData {
  const papersByDay = order.days;
  const dates = [...papersByDay.keys()];
  const countOf = new Map(dates.map((date) => [date, papersByDay.get(date)!.length]));
  const gridOf = new Map<string, ReturnType<typeof monthGrid>>();
  const calendarOf = (yearMonth: string) => {
    if (!gridOf.has(yearMonth))
      gridOf.set(yearMonth, monthGrid(yearMonth, new Map([...countOf].filter(([date]) => date.startsWith(yearMonth)))));
    return gridOf.get(yearMonth)!;
  };
  const dayRef = (date: string): DayRef => ({ date, url: dayUrl(date), label: dayLabel(date) });

  const days: DayPage[] = dates.map((date, index) => {
    const entries = papersByDay.get(date)!;
    const summaries = entries.map((paper) => summarize(paper, date, topicRef, dayRef));
    const yearMonth = date.slice(0, 7);
    const previous = dates[index - 1];
    const next = dates[index + 1];
    return {
      ...dayRef(date),
      longLabel: longDayLabel(date),
      papers: summaries,
      hasMath: summaries.some((summary) => summary.hasMath),
      titlesHaveMath: entries.some((paper) => paper.text.titleHasMath),
      ...(previous ? { previous: dayRef(previous) } : {}),
      ...(next ? { next: dayRef(next) } : {}),
      month: { url: monthUrl(yearMonth), label: monthLabel(yearMonth) },
      ...(summaries.some((summary) => summary.upvotes !== undefined)
        ? { byUpvotes: { url: `${dayUrl(date)}by-upvotes/`, order: upvoteOrder(summaries) } }
        : {}),
      topicCounts: topicCounts(summaries),
      calendar: calendarOf(yearMonth),
    };
  });

  const months = buildMonths(days, papers, calendarOf);
  const years = buildYears(months, papers);
  const newestFirstDays = [...days].reverse();
  return {
    days: newestFirstDays,
    dayListings: newestFirstDays.flatMap((day, dayIndex) => dayListings(day, dayIndex)),
    homeDays: homeDays(newestFirstDays),
    months,
    years,
    ...(newestFirstDays[0] ? { latest: newestFirstDays[0] } : {}),
    paperCount: papers.length,
    dayCount: days.length,
    topics,
    topicPages,
    redirects,
  };
}

/** The newest days until they span a week or hold at least `minimum` papers, whichever needs more days. */
export function homeDays(newestFirst: readonly DayPage[], minimum = 30): number[] {
  const chosen: number[] = [];
  let papers = 0;
  for (const [index, day] of newestFirst.entries()) {
    const withinWeek = Date.parse(newestFirst[0]!.date) - Date.parse(day.date) < 7 * 86_400_000;
    if (!withinWeek && papers >= minimum) break;
    chosen.push(index);
    papers += day.papers.length;
  }
  return chosen;
}

/** The pages of one day's list, in digest order and (when it has upvotes) most upvoted first. */
function dayListings(day: DayPage, dayIndex: number): DayListing[] {
  const orders: [DayListing["order"], string][] = [
    ["digest", day.url],
    ...(day.byUpvotes ? [["upvotes", day.byUpvotes.url] as [DayListing["order"], string]] : []),
  ];
  return orders.flatMap(([order, base]) => {
    const pageCount = Math.max(1, Math.ceil(day.papers.length / DAY_PAGE_SIZE));
    const pages = Array.from({ length: pageCount }, (_, index) => ({
      url: dayPageUrl(day.date, index + 1, base),
      pageNumber: index + 1,
      start: index * DAY_PAGE_SIZE,
      end: Math.min(day.papers.length, (index + 1) * DAY_PAGE_SIZE),
    }));
    return pages.map((page) => ({ ...page, dayIndex, order, pageCount, pages }));
  });
}

/** The day's topics with how many of its papers each covers (a paper counts under each of its topics), most first, then by name. */
function topicCounts(summaries: readonly PaperSummary[]): DayPage["topicCounts"] {
  const counts = new Map<string, { topic: TopicRef; count: number }>();
  for (const topic of summaries.flatMap((summary) => summary.topics)) {
    const entry = counts.get(topic.slug) ?? { topic, count: 0 };
    entry.count++;
    counts.set(topic.slug, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.topic.name < b.topic.name ? -1 : 1));
}

/** "A. Lovelace, C. Babbage, A. Turing et al." */
export function shortAuthors(authors: readonly string[], shown = 3): string | undefined {
  if (authors.length === 0) return undefined;
  return authors.length > shown + 1 ? `${authors.slice(0, shown).join(", ")} et al.` : authors.join(", ");
}

/** Positions of the day's papers, most upvoted first; papers without a count keep digest order at the end. */
export function upvoteOrder(papers: readonly { upvotes?: number }[]): number[] {
  return papers
    .map((paper, index) => ({ votes: paper.upvotes ?? -1, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map((entry) => entry.index);
}

function summarize(paper: Paper, date: string, topicRef: (slug: string) => TopicRef, dayRef: (date: string) => DayRef): PaperSummary {
  const { text } = paper;
  // The text forms are read when a page that lists the paper renders, not for every listing (see MathText.paperText).
  return {
    url: paperUrl(paper.slug),
    get titleMarkdown() {
      return text.titleMarkdown;
    },
    get titleText() {
      return text.titleText;
    },
    slug: paper.slug,
    ...(paper.authors.length ? { authorsShort: shortAuthors(paper.authors)! } : {}),
    get abstractMarkdown() {
      return text.abstractMarkdown;
    },
    get excerpt() {
      return truncateAtWord(text.abstractText, 240);
    },
    hasMath: text.titleHasMath || text.abstractHasMath,
    topics: paper.topics.map(topicRef),
    otherDays: paper.appearances.filter((appearance) => appearance.date !== date).map((appearance) => dayRef(appearance.date)),
    ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
    ...(paper.card.upvotes !== undefined ? { upvotes: paper.card.upvotes } : {}),
  };
}

/** Months newest first, each with its days newest first. */
function buildMonths(days: DayPage[], papers: readonly Paper[], calendarOf: (yearMonth: string) => MonthPage["calendar"]): MonthPage[] {
  const distinct = distinctCounter(papers, 7);
  const byMonth = new Map<string, DayCount[]>();
  for (const day of days) {
    const key = day.date.slice(0, 7);
    byMonth.set(key, [...(byMonth.get(key) ?? []), { date: day.date, url: day.url, label: day.label, count: day.papers.length }]);
  }
  const keys = [...byMonth.keys()].sort().reverse();
  return keys.map((key, index) => {
    const monthDays = byMonth.get(key)!.reverse();
    const older = keys[index + 1];
    const newer = keys[index - 1];
    return {
      year: Number(key.slice(0, 4)),
      month: Number(key.slice(5, 7)),
      url: monthUrl(key),
      label: monthLabel(key),
      days: monthDays,
      paperCount: monthDays.reduce((sum, day) => sum + day.count, 0),
      distinctPaperCount: distinct.get(key) ?? 0,
      calendar: calendarOf(key),
      ...(older ? { previous: { url: monthUrl(older), label: monthLabel(older) } } : {}),
      ...(newer ? { next: { url: monthUrl(newer), label: monthLabel(newer) } } : {}),
    };
  });
}

/** How many different papers appeared in each month ("2025-08", length 7) or year ("2025", length 4). */
function distinctCounter(papers: readonly Paper[], length: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    for (const key of new Set(paper.appearances.map((appearance) => appearance.date.slice(0, length))))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function buildYears(months: MonthPage[], papers: readonly Paper[]): YearPage[] {
  const distinct = distinctCounter(papers, 4);
  const years: YearPage[] = [];
  for (const month of months) {
    let year = years.find((candidate) => candidate.year === month.year);
    if (!year) {
      year = {
        year: month.year,
        url: yearUrl(month.year),
        months: [],
        paperCount: 0,
        distinctPaperCount: distinct.get(String(month.year)) ?? 0,
        dayCount: 0,
      };
      years.push(year);
    }
    year.months.push(month);
    year.paperCount += month.paperCount;
    year.dayCount += month.days.length;
  }
  return years;
}
