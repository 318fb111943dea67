import fs from "node:fs";

/**
 * Replaces one generated section of a markdown file (between
 * `<!-- name:start -->` and `<!-- name:end -->`), leaving the hand-written
 * text around it alone; appends the section when it is not there yet.
 */
export function replaceSection(file: string, name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}` : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}
