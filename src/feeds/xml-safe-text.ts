/**
 * Text that XML 1.0 can carry: characters the spec forbids (most C0 controls,
 * lone surrogates, U+FFFE/U+FFFF) are dropped, since no escape can represent them.
 */
export function xmlSafeText(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

/**
 * Plain text for a feed field the formats define as HTML (Atom `type="html"`
 * titles and summaries; RSS titles, which readers treat as HTML): escaped, so
 * a title like "<b>Bold</b>" reads literally instead of turning bold.
 */
export function plainTextAsHtml(text: string): string {
  return escapeXmlText(text);
}

/** Text for an XML (or HTML) element's content: XML-safe, with `&`, `<` and `>` escaped. */
export function escapeXmlText(text: string): string {
  return xmlSafeText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Text for a double-quoted XML attribute: XML-safe, with `&`, `"` and `<` escaped. */
export function escapeXmlAttribute(text: string): string {
  return xmlSafeText(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}
