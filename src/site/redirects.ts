/**
 * Pages that moved: each old address gets a small static page sending readers
 * and search engines to the new one (layouts/pages/redirect.njk). Generic, so
 * any listing can add its own; topics use it for slugs a new taxonomy merged
 * or renamed.
 */
import type { Redirect } from "../model/site.ts";
import type { Taxonomy } from "../topics/taxonomy.ts";
import { topicUrl } from "./topic-pages.ts";

/** Each slug a topic `replaces` redirects to that topic's page; sorted by old address. */
export function topicRedirects(taxonomy: Taxonomy): Redirect[] {
  return taxonomy.topics
    .flatMap((topic) => topic.replaces.map((old) => ({ from: topicUrl(old), to: topicUrl(topic.slug) })))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * The feed files to copy for topic redirects: a feed reader does not follow an
 * HTML redirect, so an old topic's feed address serves the new topic's feed
 * (whose self link names the new address).
 */
export function topicFeedAliases(redirects: readonly Redirect[]): { from: string; to: string }[] {
  return redirects
    .filter((redirect) => redirect.from.startsWith("/topics/") && redirect.to.startsWith("/topics/"))
    .map((redirect) => ({ from: `${redirect.from}feed.xml`, to: `${redirect.to}feed.xml` }));
}
