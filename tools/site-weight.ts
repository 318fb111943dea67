/**
 * `npm run bench:weight -- --site DIR`: bytes and files per paper of a built
 * site, what they are made of, and what a 60,000-paper archive would weigh
 * (GitHub Pages publishes at most 1 GB).
 */
import fs from "node:fs";
import path from "node:path";
import { readCommandLine } from "../src/cli/read-command-line.ts";
import { FILE_KINDS, fileKind, MARKUP_KINDS, markupBytes, type FileKind, type MarkupKind } from "./bench/site-weight.ts";

const usage = `Usage: npm run bench:weight -- --site DIR [--papers N] [--json FILE]

Walks a built site and reports, per kind of file (paper pages, listings, feeds, search index, ...),
files and bytes in all and per paper, and inside the HTML pages the bytes of page chrome, KaTeX
(HTML and MathML), related lists and search metadata. The paper count is the number of paper pages
unless --papers says otherwise. Sizes are file sizes (what a host counts), not disk blocks.`;

const LIMIT_BYTES = 1e9;
const TARGET_PAPERS = 60_000;

interface KindTotal {
  files: number;
  bytes: number;
  markup?: Record<MarkupKind, number>;
}

function walk(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

function main(): number {
  const cli = readCommandLine({ site: { type: "string" }, papers: { type: "string" }, json: { type: "string" } }, usage);
  if (cli.exitCode !== undefined) return cli.exitCode;
  const { values } = cli;
  if (!values.site || !fs.existsSync(path.join(values.site, "index.html"))) {
    console.error(`--site must name a built site (a folder with index.html)\n\n${usage}`);
    return 2;
  }
  const site = path.resolve(values.site);
  const totals = new Map<FileKind, KindTotal>(FILE_KINDS.map((kind) => [kind, { files: 0, bytes: 0 }]));
  const paperPageSizes: number[] = [];
  for (const relative of walk(site)) {
    const kind = fileKind(relative);
    const total = totals.get(kind)!;
    const file = path.join(site, relative);
    const bytes = fs.statSync(file).size;
    total.files++;
    total.bytes += bytes;
    if (kind === "paper pages") paperPageSizes.push(bytes);
    if (relative.endsWith(".html")) {
      const markup = markupBytes(fs.readFileSync(file, "utf8"));
      total.markup ??= Object.fromEntries(MARKUP_KINDS.map((name) => [name, 0])) as Record<MarkupKind, number>;
      for (const name of MARKUP_KINDS) total.markup[name] += markup[name];
    }
  }
  const papers = values.papers ? Number(values.papers) : totals.get("paper pages")!.files;
  if (!Number.isInteger(papers) || papers < 1) {
    console.error(`no papers: pass --papers N\n\n${usage}`);
    return 2;
  }
  const all = [...totals.values()].reduce((sum, total) => ({ files: sum.files + total.files, bytes: sum.bytes + total.bytes }), {
    files: 0,
    bytes: 0,
  });
  const lines = [
    `Site: ${site}, ${papers} papers, ${all.files} files, ${mb(all.bytes)}: ${kb(all.bytes / papers)} and ${(all.files / papers).toFixed(2)} files per paper.`,
    "",
    "| Files | Count | Size | Files per paper | Bytes per paper | Share |",
    "|---|---:|---:|---:|---:|---:|",
    ...FILE_KINDS.map((kind) => totals.get(kind)!)
      .map((total, index) => ({ ...total, kind: FILE_KINDS[index]! }))
      .filter((total) => total.files > 0)
      .map(
        (total) =>
          `| ${total.kind} | ${total.files} | ${mb(total.bytes)} | ${(total.files / papers).toFixed(3)} | ${kb(total.bytes / papers)} | ${((total.bytes / all.bytes) * 100).toFixed(1)}% |`,
      ),
    `| **all** | ${all.files} | ${mb(all.bytes)} | ${(all.files / papers).toFixed(2)} | ${kb(all.bytes / papers)} | 100% |`,
    "",
    "Inside the HTML pages, bytes per paper by kind of markup:",
    "",
    `| Pages | ${MARKUP_KINDS.join(" | ")} |`,
    `|---|${MARKUP_KINDS.map(() => "---:|").join("")}`,
    ...FILE_KINDS.filter((kind) => totals.get(kind)!.markup).map(
      (kind) => `| ${kind} | ${MARKUP_KINDS.map((name) => kb(totals.get(kind)!.markup![name] / papers)).join(" | ")} |`,
    ),
  ];
  const sorted = [...paperPageSizes].sort((a, b) => a - b);
  if (sorted.length) {
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
    lines.push("", `Paper pages: median ${kb(at(0.5))}, p90 ${kb(at(0.9))}, p99 ${kb(at(0.99))}, largest ${kb(sorted.at(-1)!)}.`);
  }
  const projected = (all.bytes / papers) * TARGET_PAPERS;
  lines.push(
    "",
    `At this weight per paper, ${TARGET_PAPERS.toLocaleString("en")} papers would take ${(projected / 1e9).toFixed(2)} GB in ${Math.round((all.files / papers) * TARGET_PAPERS).toLocaleString("en")} files: ` +
      `${projected <= LIMIT_BYTES ? "within" : "over"} GitHub Pages' 1 GB (${((LIMIT_BYTES / projected) * TARGET_PAPERS).toFixed(0)} papers fit).`,
  );
  console.log(lines.join("\n"));
  if (values.json)
    fs.writeFileSync(
      values.json,
      `${JSON.stringify({ site, papers, all, totals: Object.fromEntries(totals), paperPageSizes: sorted }, null, 2)}\n`,
    );
  return 0;
}

process.exitCode = main();
