import { XMLValidator } from "fast-xml-parser";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { describe, expect, it } from "vitest";
import { atomFeed, jsonFeed, rssFeed, type FeedChannel } from "./build-feeds.ts";

const hostileTitle = "A ]]> & <b>Bold</b> \u0001\u0007 “quotes” 'single' 🚀 Über";
const readableTitle = "A ]]> & <b>Bold</b>  “quotes” 'single' 🚀 Über";

const channel: FeedChannel = {
  title: "Papers & <Friends>",
  description: "Every paper \u0002 ever",
  homeUrl: "https://example.org/archive/",
  links: {
    atom: "https://example.org/archive/feed.xml",
    rss: "https://example.org/archive/rss.xml",
    json: "https://example.org/archive/feed.json",
  },
  entries: [
    {
      url: "https://example.org/archive/papers/a-bold-claim/",
      title: hostileTitle,
      date: "2025-08-21",
      summary: "Summary with <script>alert(1)</script> and ]]> and \u000b a vertical tab.",
      contentHtml: '<p>Content with <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>ε</mi></math> and &amp; ]]&gt;</p>',
      categories: [{ term: "llm-inference", label: "LLM inference & serving" }],
      arxivUrl: "https://arxiv.org/abs/2508.00001",
      authors: ["Ada <Lovelace>"],
    },
    {
      url: "https://example.org/archive/papers/second/",
      title: "Second",
      date: "2025-08-20",
      summary: "Plain.",
      contentHtml: "<p>Plain.</p>",
      categories: [],
      authors: [],
    },
  ],
};

describe("feeds built from hostile text", () => {
  it("writes well-formed XML", () => {
    for (const xml of [atomFeed(channel), rssFeed(channel)]) expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("gives an Atom parser every item's fields intact", () => {
    const feed = parseAtomFeed(atomFeed(channel));
    expect(feed.title).toMatchObject({ value: "Papers & <Friends>" });
    expect(feed.updated).toBe("2025-08-21T00:00:00.000Z");
    const [first, second] = feed.entries ?? [];
    // type="html": the title arrives HTML-escaped, so a reader shows "<b>" rather than bold text.
    expect(first?.title).toMatchObject({ value: readableTitle.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") });
    expect(first?.id).toBe("https://example.org/archive/papers/a-bold-claim/");
    expect(first?.links?.[0]?.href).toBe("https://example.org/archive/papers/a-bold-claim/");
    expect(first?.updated).toBe("2025-08-21T00:00:00.000Z");
    expect(first?.content?.value).toContain("<mi>ε</mi>");
    expect(first?.content?.value).toContain('<a href="https://arxiv.org/abs/2508.00001">arXiv</a>');
    expect(first?.summary?.value).toBe("Summary with &lt;script&gt;alert(1)&lt;/script&gt; and ]]&gt; and  a vertical tab.");
    expect(first?.categories).toEqual([{ term: "llm-inference", label: "LLM inference & serving" }]);
    expect(second?.title).toMatchObject({ value: "Second" });
  });

  it("gives an RSS parser every item's fields intact", () => {
    const feed = parseRssFeed(rssFeed(channel));
    const [first] = feed.items ?? [];
    expect(first?.title).toBe(readableTitle.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(first?.link).toBe("https://example.org/archive/papers/a-bold-claim/");
    expect(first?.guid).toMatchObject({ value: "https://example.org/archive/papers/a-bold-claim/", isPermaLink: true });
    expect(first?.pubDate).toBe("Thu, 21 Aug 2025 00:00:00 GMT");
    expect(first?.content?.encoded).toContain("<mi>ε</mi>");
    expect(first?.categories?.map((category) => category.name)).toEqual(["LLM inference & serving"]);
  });

  it("gives a JSON Feed 1.1 parser every item's fields intact", () => {
    const text = jsonFeed(channel);
    const feed = parseJsonFeed(JSON.parse(text));
    expect(JSON.parse(text).version).toBe("https://jsonfeed.org/version/1.1");
    const [first] = feed.items ?? [];
    expect(first?.id).toBe("https://example.org/archive/papers/a-bold-claim/");
    expect(first?.title).toBe(readableTitle);
    expect(first?.date_published).toBe("2025-08-21T00:00:00Z");
    expect(first?.external_url).toBe("https://arxiv.org/abs/2508.00001");
    expect(first?.tags).toEqual(["LLM inference & serving"]);
    expect(first?.authors).toEqual([{ name: "Ada <Lovelace>" }]);
  });
});
