/** Where each feed lives in the site: the one place these paths are written (feeds, templates, topic data). */
export const feedPaths = {
  atom: "feed.xml",
  rss: "rss.xml",
  json: "feed.json",
  topic: (slug: string) => `topics/${slug}/feed.xml`,
};

/** The site-wide feeds as root-relative URLs, for templates (the `feeds` global data). */
export const siteFeedUrls = { atom: `/${feedPaths.atom}`, rss: `/${feedPaths.rss}`, json: `/${feedPaths.json}` };
