<?xml version="1.0" encoding="utf-8"?>
<!--
  A feed opened in a browser: instead of raw XML, a page that says what a feed
  is and how to follow it, with the feed's newest papers. Feed readers ignore
  this stylesheet. Handles Atom (the site's and each topic's feed) and RSS 2.0.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="home" select="/atom:feed/atom:link[not(@rel) or @rel='alternate']/@href | /rss/channel/link"/>
  <xsl:variable name="self" select="/atom:feed/atom:link[@rel='self']/@href | /rss/channel/*[local-name()='link' and @rel='self']/@href"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          :root { color-scheme: light dark; --text: #1d1f23; --muted: #5b6170; --faint: #e7e8ec; --surface: #fff; --raised: #f6f6f8; --accent: #1c4fb8; }
          @media (prefers-color-scheme: dark) { :root { --text: #e6e7ea; --muted: #a4a9b6; --faint: #2c2f36; --surface: #16181c; --raised: #1e2127; --accent: #8ab4ff; } }
          body { margin: 0; background: var(--surface); color: var(--text); font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
          main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
          a { color: var(--accent); }
          .about { background: var(--raised); border: 1px solid var(--faint); border-radius: 0.5rem; padding: 0.4rem 1.1rem; }
          .eyebrow { color: var(--muted); font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.06em; margin: 0; }
          h1 { font-size: 1.8rem; line-height: 1.25; margin: 0.2rem 0 0.8rem; }
          code { overflow-wrap: anywhere; font-size: 0.9rem; }
          ol { list-style: none; padding: 0; }
          li { padding: 0.7rem 0; border-top: 1px solid var(--faint); }
          li a { font-family: Charter, "Bitstream Charter", Georgia, "Noto Serif", serif; font-weight: 700; color: var(--text); text-decoration: none; font-size: 1.1rem; }
          li a:hover { color: var(--accent); text-decoration: underline; }
          .date { display: block; color: var(--muted); font-size: 0.85rem; }
        </style>
      </head>
      <body>
        <main>
          <p class="eyebrow">Feed</p>
          <h1><xsl:value-of select="$title"/></h1>
          <div class="about">
            <p>This is a <strong>feed</strong>: a feed reader checks it and shows each new paper as it arrives, with its abstract. To follow it, copy this page's address into a feed reader (NetNewsWire, Feedly, Inoreader, Thunderbird and many others):</p>
            <p><code><xsl:value-of select="$self"/></code></p>
            <p>Or read the papers on <a href="{$home}">the site</a>.</p>
          </div>
          <h2>Newest papers</h2>
          <ol>
            <xsl:for-each select="/atom:feed/atom:entry | /rss/channel/item">
              <li>
                <a href="{atom:link/@href | link}"><xsl:value-of select="atom:title | title"/></a>
                <span class="date"><xsl:value-of select="substring(atom:published | atom:updated[not(../atom:published)] | pubDate, 1, 10)"/></span>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
