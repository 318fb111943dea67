/**
 * How to cite a paper, from what the digest gives: its title, authors, arXiv
 * id and date. BibTeX for reference managers and one plain line for prose.
 */
import { arxivAbstractUrl } from "./arxiv-links.ts";
export interface CitationInput {
  titleText: string;
  authors: readonly string[];
  arxivId?: string;
  /** The paper's own date when known, else the day it first appeared in a digest. */
  date: string;
  url: string;
}

/** BibTeX's special characters escaped, so a title such as "50% & more" cannot break the entry. */
function bibtexText(text: string): string {
  return text
    .replace(/\\/g, "\\textbackslash{}")
    .replace(/([{}&%$#_])/g, "\\$1")
    .replace(/~/g, "\\textasciitilde{}")
    .replace(/\^/g, "\\textasciicircum{}");
}

/** "lovelace2025analytical": first author's family name, the year, the title's first long word. */
export function citationKey(input: CitationInput): string {
  const ascii = (text: string) =>
    text
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]/g, "")
      .toLowerCase();
  const family = ascii(input.authors[0]?.trim().split(/\s+/).pop() ?? "") || "anon";
  const word =
    input.titleText
      .split(/\s+/)
      .map(ascii)
      .find((part) => part.length > 3) ?? "paper";
  return `${family}${input.date.slice(0, 4)}${word}`;
}

export function bibtex(input: CitationInput): string {
  const fields: [string, string][] = [
    ["title", `{${bibtexText(input.titleText)}}`],
    ...(input.authors.length ? [["author", input.authors.map(bibtexText).join(" and ")] as [string, string]] : []),
    ["year", input.date.slice(0, 4)],
    ...(input.arxivId
      ? ([
          ["eprint", input.arxivId],
          ["archivePrefix", "arXiv"],
          ["url", arxivAbstractUrl(input.arxivId)],
        ] as [string, string][])
      : [["url", input.url] as [string, string]]),
  ];
  return `@misc{${citationKey(input)},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(",\n")}\n}`;
}

/** "A. Lovelace and C. Babbage (2025). Title. arXiv:2508.12345." */
export function plainCitation(input: CitationInput): string {
  const names = input.authors.length > 2 ? `${input.authors[0]} et al.` : input.authors.join(" and ");
  const title = /[.?!]$/.test(input.titleText) ? input.titleText : `${input.titleText}.`;
  const where = input.arxivId ? `arXiv:${input.arxivId}.` : `${input.url}`;
  return `${names ? `${names} ` : ""}(${input.date.slice(0, 4)}). ${title} ${where}`;
}
