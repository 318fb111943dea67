/**
 * A digest written to break things: markup, template syntax, markdown block
 * syntax and front matter in titles and abstracts, with CRLF endings and a BOM.
 * Every one of these must show on the page exactly as written.
 */
export const HOSTILE_TITLES = [
  "<script>alert('title')</script> & <b>Bold</b> Claims",
  "{{ 7 * 7 }} and {% raw %}Template{% endraw %} Tricks",
  '--- front: matter --- injection: "yes"',
] as const;

export const HOSTILE_ABSTRACTS = [
  'We inject <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">a link</a> into the abstract, then & entities like &amp; and &lt;tag&gt; to see what survives. The text must appear literally, never as markup, in every page that shows it and in every place it is copied.',
  '# Not a heading\n- not a list item {{ page.url }} {% include "base.njk" %} and [a link](https://example.com) plus **bold** and `code`. Template engines must never see this text; it must be shown literally, character for character, on the paper page and the day page.',
  "---\nlayout: evil.njk\npermalink: /hijacked/\n---\nAn abstract that starts with front matter fences must not become front matter, nor change where the page is written; the fences and keys are shown as plain text in the abstract.",
] as const;

export function hostileDigest(): string {
  const body = HOSTILE_TITLES.map((title, index) => `${title}\r\n\r\n${HOSTILE_ABSTRACTS[index]!.replaceAll("\n", " ")}\r\n`).join("\r\n");
  return `\uFEFFDaily Papers\r\n\r\nAug 21\r\n\r\n${body}`;
}
