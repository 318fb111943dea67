import { latestDate } from "./paper-dates.ts";
import type { ArchiveData } from "../model/site.ts";
import type { Paper } from "../model/types.ts";
import { escapeXmlText } from "../feeds/xml-safe-text.ts";
import { paperUrl } from "./paper-page.ts";

export interface SitemapEntry {
  url: string;
  /** The newest digest date the page shows. */
  lastmod: string;
}

/** Every page of the site with the date of the newest digest it shows: no build times, so output is reproducible. */
export function sitemapEntries(archive: ArchiveData, papers: readonly Paper[]): SitemapEntry[] {
  const latest = archive.latest?.date;
  if (!latest) return [];
  const entries: SitemapEntry[] = [
    { url: "/", lastmod: latest },
    { url: "/archive/", lastmod: latest },
    { url: "/topics/", lastmod: latest },
    { url: "/follow/", lastmod: latest },
    { url: "/search/", lastmod: latest },
  ];
  for (const year of archive.years) entries.push({ url: year.url, lastmod: year.months[0]!.days[0]!.date });
  for (const month of archive.months) entries.push({ url: month.url, lastmod: month.days[0]!.date });
  for (const day of archive.days) {
    entries.push({ url: day.url, lastmod: day.date });
    if (day.byUpvotes) entries.push({ url: day.byUpvotes.url, lastmod: day.date });
  }
  for (const listing of archive.topicPages) entries.push({ url: listing.url, lastmod: listing.entries[0]?.date ?? latest });
  for (const paper of papers) entries.push({ url: paperUrl(paper.slug), lastmod: latestDate(paper) });
  return entries;
}

/** sitemaps.org XML; every URL is absolute. */
export function sitemapXml(entries: readonly SitemapEntry[], siteUrl: string): string {
  const urls = entries.map(
    (entry) => `  <url><loc>${escapeXmlText(`${siteUrl}${entry.url}`)}</loc><lastmod>${entry.lastmod}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`;
}
