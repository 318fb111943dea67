import slugify from "@sindresorhus/slugify";

export const MAX_SLUG_LENGTH = 80;

/**
 * A permalink slug from a paper's title: ASCII, lowercase, hyphenated, at most
 * `maxLength` characters, cut at a word boundary. It is computed from the raw
 * digest title, never from repaired or rendered text, so improving the math
 * repair can never move a URL.
 */
export function slugFromTitle(title: string, maxLength = MAX_SLUG_LENGTH): string {
  const slug = slugify(title, { lowercase: true, decamelize: false, separator: "-" }).replace(/[^a-z0-9-]/g, "");
  return cutAtWordBoundary(slug || "paper", maxLength);
}

export function cutAtWordBoundary(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  // A single word longer than the limit has no boundary to cut at.
  return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, "");
}
