/**
 * Every internal link, anchor and asset reference in the built output
 * resolves to a file of the site (and `#id` to an element of the target page),
 * under the default base path and under --base-path /archive-test/. External
 * links are not fetched, but must be well-formed absolute URLs.
 */
import fs from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { describe, expect, inject, it } from "vitest";
import { isRedirectPage, listFiles } from "./read-site.ts";

const SITE_ORIGIN = "https://papers.example.org";

interface Site {
  name: string;
  dir: string;
  /** "/" or "/archive-test/" */
  basePath: string;
}

const sites: Site[] = [
  { name: "sample", dir: inject("sampleSite"), basePath: "/" },
  { name: "archive", dir: inject("archiveSite"), basePath: "/" },
  { name: "base-path", dir: inject("basePathSite"), basePath: "/archive-test/" },
];

/** Attributes that point at another resource, and the elements that carry them. */
const URL_ATTRIBUTES: [selector: string, attribute: string][] = [
  ["a[href], area[href], link[href], base[href]", "href"],
  ["img[src], script[src], iframe[src], source[src], audio[src], video[src], track[src], embed[src], input[src]", "src"],
  ["img[srcset], source[srcset]", "srcset"],
  ["form[action]", "action"],
  ["button[formaction], input[formaction]", "formaction"],
  ["video[poster]", "poster"],
  ["object[data]", "data"],
  ["blockquote[cite], q[cite], del[cite], ins[cite]", "cite"],
];

interface Reference {
  from: string;
  what: string;
  url: string;
}

/** The site URL a file is served at ("papers/x/index.html" -> "/papers/x/"), without the base path. */
const pageUrl = (file: string) => `/${file.replace(/\\/g, "/").replace(/(^|\/)index\.html$/, "$1")}`;

function srcsetUrls(value: string): string[] {
  return value
    .split(/,(?=\s*\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

function referencesInHtml(file: string, document: HTMLElement): Reference[] {
  const references: Reference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of document.querySelectorAll(selector)) {
      const value = element.getAttribute(attribute) ?? "";
      const what = `<${element.tagName.toLowerCase()} ${attribute}>`;
      for (const url of attribute === "srcset" ? srcsetUrls(value) : [value]) references.push({ from: file, what, url });
    }
  }
  for (const element of document.querySelectorAll("meta[property^='og:'], meta[name^='twitter:']")) {
    const content = element.getAttribute("content") ?? "";
    if (/^(https?:)?\/\//.test(content))
      references.push({ from: file, what: `<meta ${element.getAttribute("property") ?? element.getAttribute("name")}>`, url: content });
  }
  for (const script of document.querySelectorAll("script[type='application/ld+json']")) {
    const visit = (value: unknown): void => {
      if (typeof value === "string" && /^https?:\/\//.test(value)) references.push({ from: file, what: "JSON-LD", url: value });
      else if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") Object.values(value).forEach(visit);
    };
    visit(JSON.parse(script.textContent));
  }
  for (const element of document.querySelectorAll("[style]")) {
    for (const match of (element.getAttribute("style") ?? "").matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g))
      references.push({ from: file, what: "inline style url()", url: match[2]! });
  }
  return references;
}

function referencesInCss(file: string, css: string): Reference[] {
  const references: Reference[] = [];
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
    if (!match[2]!.startsWith("data:")) references.push({ from: file, what: "CSS url()", url: match[2]! });
  }
  for (const match of css.matchAll(/@import\s+(['"])([^'"]+)\1/g)) references.push({ from: file, what: "CSS @import", url: match[2]! });
  return references;
}

/** Absolute URLs to the site itself in feeds, sitemaps and other text files. */
function referencesInText(file: string, text: string, siteUrl: string): Reference[] {
  const pattern = new RegExp(`${siteUrl.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}[^\\s"'<>)\\]]*`, "g");
  return [...text.matchAll(pattern)].map((match) => ({ from: file, what: "absolute site URL", url: match[0].replace(/&amp;/g, "&") }));
}

interface Checked {
  pages: number;
  references: number;
  problems: string[];
}

function checkSite(site: Site): Checked {
  const files = listFiles(site.dir).filter((file) => !file.startsWith("pagefind/"));
  const siteUrl = `${SITE_ORIGIN}${site.basePath}`;
  const documents = new Map<string, HTMLElement>();
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      const document = documents.get(file) ?? parse(fs.readFileSync(path.join(site.dir, file), "utf8"));
      set = new Set([
        ...document.querySelectorAll("[id]").map((element) => element.id),
        ...document.querySelectorAll("a[name]").map((element) => element.getAttribute("name")!),
      ]);
      ids.set(file, set);
    }
    return set;
  };

  const references: Reference[] = [];
  for (const file of files) {
    const full = path.join(site.dir, file);
    if (file.endsWith(".html")) {
      const document = parse(fs.readFileSync(full, "utf8"));
      documents.set(file, document);
      references.push(...referencesInHtml(file, document));
    } else if (file.endsWith(".css")) {
      references.push(...referencesInCss(file, fs.readFileSync(full, "utf8")));
    } else if (/\.(xml|json|txt|webmanifest|xsl)$/.test(file)) {
      references.push(...referencesInText(file, fs.readFileSync(full, "utf8"), siteUrl));
    }
  }

  const problems: { from: string; problem: string }[] = [];
  /** The site file a root-relative path (base path included) is served from, or why there is none. */
  const resolvePath = (pathname: string): { file: string } | { error: string } => {
    if (!pathname.startsWith(site.basePath)) return { error: `is outside the base path ${site.basePath}` };
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(site.basePath.length));
    } catch {
      return { error: "has a malformed percent-encoding" };
    }
    if (relative === "" || relative.endsWith("/")) relative += "index.html";
    const full = path.join(site.dir, relative);
    if (!full.startsWith(path.resolve(site.dir) + path.sep)) return { error: "escapes the site folder" };
    if (!fs.existsSync(full)) return { error: `points to ${relative}, which does not exist` };
    if (fs.statSync(full).isDirectory()) return { error: `points to the folder ${relative} without a trailing slash` };
    return { file: relative };
  };

  for (const reference of references) {
    const { from, what, url } = reference;
    const report = (message: string) => problems.push({ from, problem: `${what} "${url}" ${message}` });
    if (url.trim() !== url || url === "") {
      report("is empty or has surrounding whitespace");
      continue;
    }
    if (url === "#") {
      report("is an empty fragment");
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
      const scheme = url.slice(0, url.indexOf(":")).toLowerCase();
      if (scheme === "mailto" || scheme === "tel" || (scheme === "data" && what !== "<a href>")) continue;
      if (scheme !== "http" && scheme !== "https") {
        report(`uses the ${scheme}: scheme`);
        continue;
      }
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        report("is not a well-formed absolute URL");
        continue;
      }
      if (!parsed.hostname || !parsed.hostname.includes(".") || /\s/.test(url)) {
        report("is not a well-formed absolute URL");
        continue;
      }
      // An absolute URL to this site (canonical links, JSON-LD, feeds) must reach a page of it.
      if (parsed.origin === SITE_ORIGIN) {
        const target = resolvePath(parsed.pathname);
        if ("error" in target) report(target.error);
        else if (parsed.hash) checkFragment(target.file, parsed.hash, report);
      }
      continue;
    }
    if (url.startsWith("//")) {
      report("is protocol-relative");
      continue;
    }
    if (from.endsWith(".html") && !from.endsWith("index.html") && !url.startsWith("/") && !url.startsWith("#")) {
      // 404.html is served at any address, so a relative URL in it resolves against the wrong folder.
      report("is relative in a page that is served at other addresses");
      continue;
    }
    const base = new URL(`http://site.invalid${site.basePath}${from.endsWith(".html") ? pageUrl(from).slice(1) : from}`);
    const resolved = new URL(url, base);
    if (url.startsWith("/") && !url.startsWith(site.basePath)) {
      report(`does not start with the base path ${site.basePath}`);
      continue;
    }
    const target = resolvePath(resolved.pathname);
    if ("error" in target) {
      report(target.error);
      continue;
    }
    if (resolved.hash) checkFragment(target.file, resolved.hash, report);
  }

  function checkFragment(file: string, hash: string, report: (message: string) => void) {
    if (!file.endsWith(".html")) return report("has a fragment on a file that is not a page");
    const id = decodeURIComponent(hash.slice(1));
    if (!idsOf(file).has(id)) report(`has no element with id "${id}" in ${file}`);
  }

  // One line per distinct broken reference, with the pages it is on.
  const byProblem = new Map<string, string[]>();
  for (const { from, problem } of problems) byProblem.set(problem, [...(byProblem.get(problem) ?? []), from]);
  const lines = [...byProblem].map(
    ([problem, froms]) =>
      `${site.name}: ${problem}\n    in ${froms.length === 1 ? froms[0] : `${froms.length} files: ${froms.slice(0, 5).join(", ")}${froms.length > 5 ? ", ..." : ""}`}`,
  );
  return { pages: documents.size, references: references.length, problems: lines };
}

describe("links, anchors and asset references", () => {
  for (const site of sites) {
    it(`all resolve in the ${site.name} site (base path ${site.basePath})`, () => {
      const { pages, references, problems } = checkSite(site);
      console.log(`links: ${site.name} site, ${pages} pages, ${references} references checked`);
      expect(pages).toBeGreaterThan(10);
      expect(problems.length, `${problems.length} broken references:\n${problems.join("\n")}\n`).toBe(0);
    });
  }

  it("the header search form and the stylesheet are linked from every page", () => {
    for (const site of sites) {
      for (const file of listFiles(site.dir).filter((name) => name.endsWith(".html") && !name.startsWith("pagefind/"))) {
        const document = parse(fs.readFileSync(path.join(site.dir, file), "utf8"));
        if (isRedirectPage(document)) {
          expect(file, `${site.name}/${file}`).toMatch(/^topics\/[a-z0-9-]+\/index\.html$/);
          continue;
        }
        expect(document.querySelector("form[role=search]")?.getAttribute("action"), `${site.name}/${file}`).toBe(`${site.basePath}search/`);
        expect(document.querySelector("link[rel=stylesheet]")?.getAttribute("href"), `${site.name}/${file}`).toBe(
          `${site.basePath}assets/site.css`,
        );
      }
    }
  });
});

describe("the link checker itself", () => {
  it("reports each kind of broken reference in a planted site", () => {
    const dir = fs.mkdtempSync(path.join(inject("workRoot"), "planted-"));
    const write = (file: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    };
    write("base/assets/site.css", "body { background: url(missing.png); }");
    write("base/a/index.html", '<p id="here">here</p>');
    write(
      "base/index.html",
      [
        '<link rel="stylesheet" href="/base/assets/site.css">',
        '<a href="/base/a/">fine</a> <a href="/base/a/#here">fine anchor</a> <a href="a/">fine relative</a> <a href="https://arxiv.org/abs/1">fine external</a>',
        '<a href="/base/missing/">missing page</a>',
        '<a href="/base/a/#nowhere">missing anchor</a>',
        '<a href="/a/">outside the base path</a>',
        '<a href="javascript:alert(1)">script</a>',
        '<a href="https://exa mple.org/">malformed</a>',
        '<img alt="" srcset="/base/assets/site.css 1x, /base/assets/none.png 2x">',
        '<form action="/base/search/"></form>',
        '<link rel="canonical" href="https://papers.example.org/base/gone/">',
      ].join("\n"),
    );
    const { problems } = checkSite({ name: "planted", dir: path.join(dir, "base"), basePath: "/base/" });
    const found = problems.join("\n");
    for (const expected of [
      "missing.png",
      "/base/missing/",
      'no element with id "nowhere"',
      '"/a/" does not start with the base path',
      "javascript: scheme",
      "https://exa mple.org/",
      "none.png",
      "/base/search/",
      "base/gone/",
    ]) {
      expect(found).toContain(expected);
    }
    expect(problems).toHaveLength(9);
  });
});
