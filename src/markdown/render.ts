/**
 * Template helpers over the shared renderer: `renderInline` for titles and
 * one-line fields, `renderBlock` for abstracts. Both are memoised per input
 * string, because listings render the same abstract on many pages.
 */
import type MarkdownIt from "markdown-it";
import { createMarkdownRenderer } from "./renderer.ts";

const CACHE_LIMIT = 5_000;

let renderer: MarkdownIt | undefined;
const inlineCache = new Map<string, string>();
const blockCache = new Map<string, string>();

function sharedRenderer(): MarkdownIt {
  renderer ??= createMarkdownRenderer();
  return renderer;
}

function memoised(cache: Map<string, string>, markdown: string, render: (markdown: string) => string): string {
  const cached = cache.get(markdown);
  if (cached !== undefined) return cached;
  const html = render(markdown);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(markdown, html);
  return html;
}

/** Markdown rendered without a wrapping paragraph: for headings, titles, links. */
export function renderInline(markdown: string): string {
  return memoised(inlineCache, markdown, (source) => sharedRenderer().renderInline(source));
}

/** Markdown rendered as blocks (an abstract becomes a `<p>`). */
export function renderBlock(markdown: string): string {
  return memoised(blockCache, markdown, (source) => sharedRenderer().render(source));
}
