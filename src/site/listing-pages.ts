import type { ArchiveData, DayListing, DayPage, ListingsData, MonthPage, Redirect, TopicListingPage, YearPage } from "../model/site.ts";

/** All a listing page's template reads besides the build settings and the templates themselves. */
export type ListingPageData =
  | { template: "day"; listing: Omit<DayListing, "dayIndex">; day: DayPage }
  | { template: "topic"; listing: TopicListingPage }
  | { template: "month"; month: MonthPage }
  | { template: "year"; year: YearPage }
  | { template: "redirect"; redirect: Redirect };

/**
 * A page that a listing template makes by paginating the archive (a day's
 * list, a topic page, a month, a year, a redirect): the file it is written to
 * and everything it reads. The render cache keys the page by that data, so a
 * rebuild renders only the listings a new day changed and copies the rest.
 */
export interface PaginatedPage {
  /** Relative to the site root: "2025/08/20/index.html". */
  file: string;
  data: ListingPageData;
}

/** The file a page is, in its URL's folder. */
export const PAGE_FILE_NAME = "index.html";
/** Where the page for a root-relative URL is written. */
export const pageFileOf = (url: string) => `${url.replace(/^\//, "")}${PAGE_FILE_NAME}`;
/** The root-relative URL a page file is served at: pageFileOf's inverse. */
export const urlOfPageFile = (file: string) => `/${file.endsWith(PAGE_FILE_NAME) ? file.slice(0, -PAGE_FILE_NAME.length) : file}`;

/**
 * Every paginated page of the site. The data of each is what its template
 * reads (layouts/pages/day.njk, topic.njk, month.njk, year.njk,
 * redirect.njk): a day's page reads its listing and its day, never another
 * day; a numbered topic page carries no count that a new paper would change.
 * More data than a page reads only costs a needless render; less would serve
 * a stale page, so listing-pages.test.ts checks the templates read nothing else.
 */
export function paginatedPages(archive: ArchiveData): PaginatedPage[] {
  return [
    ...archive.dayListings.map(({ dayIndex, ...listing }) => ({
      file: pageFileOf(listing.url),
      data: { template: "day" as const, listing, day: archive.days[dayIndex]! },
    })),
    ...archive.topicPages.map((listing) => ({ file: pageFileOf(listing.url), data: { template: "topic" as const, listing } })),
    ...archive.months.map((month) => ({ file: pageFileOf(month.url), data: { template: "month" as const, month } })),
    ...archive.years.map((year) => ({ file: pageFileOf(year.url), data: { template: "year" as const, year } })),
    ...archive.redirects.map((redirect) => ({ file: pageFileOf(redirect.from), data: { template: "redirect" as const, redirect } })),
  ];
}

/**
 * The `archive` global data Eleventy reads when only the paginated pages for
 * which `render` is true are to be made: the shared data whole, each paginated
 * list cut to those pages, and `days` to the days they and the home page read.
 */
export function listingsData(archive: ArchiveData, render: (file: string) => boolean): ListingsData {
  const dayListings = archive.dayListings.filter((listing) => render(pageFileOf(listing.url)));
  const keptDays = [...new Set([...archive.homeDays, ...dayListings.map((listing) => listing.dayIndex)])].sort((a, b) => a - b);
  const indexOf = new Map(keptDays.map((index, position) => [index, position]));
  return {
    ...archive,
    days: keptDays.map((index) => archive.days[index]!),
    homeDays: archive.homeDays.map((index) => indexOf.get(index)!),
    dayListings: dayListings.map((listing) => ({ ...listing, dayIndex: indexOf.get(listing.dayIndex)! })),
    topicPages: archive.topicPages.filter((listing) => render(pageFileOf(listing.url))),
    months: archive.months.filter((month) => render(pageFileOf(month.url))),
    yearPages: archive.years.filter((year) => render(pageFileOf(year.url))),
    redirects: archive.redirects.filter((redirect) => render(pageFileOf(redirect.from))),
  };
}
