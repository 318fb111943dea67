import fs from "node:fs";
import path from "node:path";

export interface FloorPaper {
  title: string;
  abstract: string;
}

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>{{ content | safe }}</main></body>
</html>
`;

// Only the layout folder; markdown is not run through a template engine, as in the real build
// (abstracts are digest text, and Liquid would choke on the odd "{{" in scraped math).
const CONFIG = `export default function () {
  return { dir: { layouts: "_layouts" }, markdownTemplateEngine: false };
}
`;

/**
 * The bare Eleventy floor: one markdown file per paper (title and abstract), a
 * trivial Nunjucks layout, no plugins. What any Eleventy site of this many
 * pages costs, whatever it does.
 */
export function writeFloorProject(folder: string, papers: readonly FloorPaper[]): { input: string; output: string } {
  fs.rmSync(folder, { recursive: true, force: true });
  const input = path.join(folder, "src");
  const output = path.join(folder, "_site");
  fs.mkdirSync(path.join(input, "_layouts"), { recursive: true });
  fs.mkdirSync(path.join(input, "papers"), { recursive: true });
  fs.writeFileSync(path.join(folder, "eleventy.config.mjs"), CONFIG);
  fs.writeFileSync(path.join(input, "_layouts", "paper.njk"), LAYOUT);
  papers.forEach((paper, index) => {
    // JSON strings are valid YAML scalars, so any title survives the front matter.
    const text = `---\ntitle: ${JSON.stringify(paper.title)}\nlayout: paper.njk\n---\n${paper.abstract}\n`;
    fs.writeFileSync(path.join(input, "papers", `${String(index).padStart(6, "0")}.md`), text);
  });
  return { input, output };
}
