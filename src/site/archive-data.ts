import type { ArchiveData, DayCount, Redirect, DayPage, DayRef, MonthPage, PaperSummary, TopicListingPage, TopicPage, TopicRef, YearPage } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { dayLabel, dayUrl, longDayLabel, monthLabel, monthUrl, yearUrl } from "./calendar.ts";
import { paperLink } from "./paper-page.ts";
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
): ArchiveData {
  const papersByDay = new Map<string, { position: number; paper: Paper }[]>();
  for (const paper of papers) {
    for (const appearance of paper.appearances) {
      const list = papersByDay.get(appearance.date) ?? [];
      list.push({ position: appearance.position, paper });
      papersByDay.set(appearance.date, list);
    }
  }
  const dates = [...papersByDay.keys()].sort();
  const dayRef = (date: string): DayRef => ({ date, url: dayUrl(date), label: dayLabel(date) });

  const days: DayPage[] = dates.map((date, index) => {
    const entries = papersByDay.get(date)!.sort((a, b) => a.position - b.position);
    const summaries = entries.map(({ paper }) => summarize(paper, date, topicRef, dayRef));
    const yearMonth = date.slice(0, 7);
    const previous = dates[index - 1];
    const next = dates[index + 1];
    return {
      ...dayRef(date),
      longLabel: longDayLabel(date),
      papers: summaries,
      hasMath: summaries.some((summary) => summary.hasMath),
      titlesHaveMath: entries.some(({ paper }) => paper.text.titleHasMath),
      ...(previous ? { previous: dayRef(previous) } : {}),
      ...(next ? { next: dayRef(next) } : {}),
      month: { url: monthUrl(yearMonth), label: monthLabel(yearMonth) },
      ...(summaries.some((summary) => summary.upvotes !== undefined) ? { byUpvotes: { url: `${dayUrl(date)}by-upvotes/`, order: upvoteOrder(summaries) } } : {}),
    };
  });

  const months = buildMonths(days);
  const years = buildYears(months);
  const newestFirstDays = [...days].reverse();
  return {
    days: newestFirstDays,
    upvoteDays: newestFirstDays.filter((day) => day.byUpvotes),
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

/** Positions of the day's papers, most upvoted first; papers without a count keep digest order at the end. */
export function upvoteOrder(papers: readonly { upvotes?: number }[]): number[] {
  return papers
    .map((paper, index) => ({ votes: paper.upvotes ?? -1, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map((entry) => entry.index);
}

function summarize(paper: Paper, date: string, topicRef: (slug: string) => TopicRef, dayRef: (date: string) => DayRef): PaperSummary {
  return {
    ...paperLink(paper),
    slug: paper.slug,
    abstractMarkdown: paper.text.abstractMarkdown,
    excerpt: truncateAtWord(paper.text.abstractText, 240),
    hasMath: paper.text.titleHasMath || paper.text.abstractHasMath,
    topics: paper.topics.map(topicRef),
    otherDays: paper.appearances.filter((appearance) => appearance.date !== date).map((appearance) => dayRef(appearance.date)),
    ...(paper.arxivId ? { arxivId: paper.arxivId } : {}),
    ...(paper.card.upvotes !== undefined ? { upvotes: paper.card.upvotes } : {}),
  };
}

/** Months newest first, each with its days newest first. */
function buildMonths(days: DayPage[]): MonthPage[] {
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
      ...(older ? { previous: { url: monthUrl(older), label: monthLabel(older) } } : {}),
      ...(newer ? { next: { url: monthUrl(newer), label: monthLabel(newer) } } : {}),
    };
  });
}

function buildYears(months: MonthPage[]): YearPage[] {
  const years: YearPage[] = [];
  for (const month of months) {
    let year = years.find((candidate) => candidate.year === month.year);
    if (!year) {
      year = { year: month.year, url: yearUrl(month.year), months: [], paperCount: 0, dayCount: 0 };
      years.push(year);
    }
    year.months.push(month);
    year.paperCount += month.paperCount;
    year.dayCount += month.days.length;
  }
  return years;
}
