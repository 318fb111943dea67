import { dayLabel, mediumDayLabel, weekdayLabel } from "../site/calendar.ts";
import type { EleventyConfig } from "./eleventy-config.ts";

/** Small filters templates need; each one pure. */
export function filtersPlugin(eleventyConfig: EleventyConfig): void {
  // Root-relative site URL ("/papers/x/") to the absolute one canonical links and share cards need.
  eleventyConfig.addFilter("absoluteUrl", (url: string, siteUrl: string) => `${siteUrl}${url}`);
  // JSON inside <script type="application/ld+json">: `<` escaped so no text can close the script element.
  eleventyConfig.addFilter("jsonScript", (value: unknown) =>
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029"),
  );
  // "2025-08-21" → "August 21, 2025", in UTC.
  eleventyConfig.addFilter("dayLabel", (date: string) => dayLabel(date));
  eleventyConfig.addFilter("shortDay", (date: string) => mediumDayLabel(date));
  eleventyConfig.addFilter("weekdayLabel", (date: string) => weekdayLabel(date));
  eleventyConfig.addFilter(
    "plural",
    (count: number, singular: string, plural?: string) => `${count} ${count === 1 ? singular : (plural ?? `${singular}s`)}`,
  );
}
