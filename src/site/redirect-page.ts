/**
 * A static page that sends readers (and search engines) on to where a URL
 * moved: a `<meta http-equiv="refresh">` for browsers, a canonical link for
 * crawlers, a plain link for everyone else, and `noindex` so the old URL
 * drops out of search engines. Static hosts need nothing else.
 */
export function redirectPageHtml({ target, absoluteTarget, title }: { target: string; absoluteTarget: string; title: string }): string {
  const href = escapeHtml(target);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moved: ${escapeHtml(title)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(absoluteTarget)}">
<meta http-equiv="refresh" content="0; url=${href}">
</head>
<body>
<p>This page has moved to <a href="${href}">${escapeHtml(title)}</a>.</p>
</body>
</html>
`;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
