/**
 * The part of a paper page that Pagefind's output depends on: the `<html>` tag
 * (language) and the element marked `data-pagefind-body` (text, meta, filters).
 * Pagefind is given this instead of the whole page, and a search index part is
 * re-indexed only when it changes for one of the part's pages, so a new
 * related-papers list or a site-wide header change does not re-index the
 * archive. Anything unexpected (no body, a nested article) gives
 * the whole page: a needless re-index rather than a stale one.
 */
export function indexedHtml(html: string): string {
  const start = html.search(/<article\b[^>]*\sdata-pagefind-body[\s>=]/);
  if (start < 0) return html;
  const end = html.indexOf("</article>", start);
  if (end < 0 || html.slice(start + 1, end).includes("<article")) return html;
  const htmlTag = /<html\b[^>]*>/.exec(html)?.[0] ?? "";
  return `${htmlTag}\n${html.slice(start, end + "</article>".length)}`;
}
