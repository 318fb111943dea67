import type { BuildSettings } from "../model/site.ts";

export const SITE_TITLE = "Daily Papers Archive";
export const SITE_DESCRIPTION = "A permanent, searchable archive of daily research-paper digests, by date and by topic.";

/** "/", "/prefix/" from "prefix", "/prefix", "/prefix/". */
export function normalizeBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "/";
  if (
    !/^[A-Za-z0-9._~!$&'()*+,;=:@%/-]+$/.test(trimmed) ||
    trimmed.split("/").some((part) => part === "" || part === "." || part === "..")
  ) {
    throw new Error(`--base-path "${basePath}" is not a URL path such as /archive/`);
  }
  return `/${trimmed}/`;
}

/**
 * The absolute base for canonical links, feeds and share cards: the site URL's
 * origin plus the base path, without a trailing slash, so that
 * `siteUrl + "/papers/x/"` is the paper's absolute URL.
 */
export function buildSettings(siteUrl: string, basePath: string): BuildSettings {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`--site-url "${siteUrl}" is not an absolute URL such as https://example.org`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`--site-url "${siteUrl}" must be an http or https URL`);
  const base = normalizeBasePath(basePath);
  const sitePath = url.pathname.replace(/\/+$/, "");
  // A site URL that already ends in the base path (https://user.github.io/repo with /repo/) is not doubled.
  const path = base !== "/" && `${sitePath}/`.endsWith(base) ? sitePath : `${sitePath}${base.replace(/\/$/, "")}`;
  return { siteTitle: SITE_TITLE, siteDescription: SITE_DESCRIPTION, siteUrl: `${url.origin}${path}`, basePath: base };
}
