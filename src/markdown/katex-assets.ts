/**
 * KaTeX's stylesheet and fonts, served from the site itself rather than a
 * CDN. Only the woff2 fonts are listed: katex.min.css names woff2 first in
 * every @font-face, and every browser that can render the site's CSS reads
 * woff2, so the woff and ttf fallbacks would never be fetched.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Where the stylesheet lands, relative to the site root (fonts go to `fonts/` next to it, as the CSS expects). */
export const KATEX_STYLESHEET_PATH = "assets/katex/katex.min.css";

export interface AssetFile {
  /** Absolute path inside node_modules/katex/dist. */
  from: string;
  /** Path relative to the site root. */
  to: string;
}

function katexDistDirectory(): string {
  // The package's exports hide package.json, but its main entry lives in dist/.
  const entry = createRequire(import.meta.url).resolve("katex");
  return path.dirname(entry);
}

/** The woff2 fonts to copy into the built site. */
export function katexFontFiles(): AssetFile[] {
  const dist = katexDistDirectory();
  const targetDirectory = path.posix.dirname(KATEX_STYLESHEET_PATH);
  return readdirSync(path.join(dist, "fonts"))
    .filter((name) => name.endsWith(".woff2"))
    .sort()
    .map((name) => ({ from: path.join(dist, "fonts", name), to: `${targetDirectory}/fonts/${name}` }));
}

/**
 * KaTeX's stylesheet with only the woff2 sources left in each @font-face, so
 * it names no file the site does not ship (and is smaller).
 */
export function katexStylesheet(): string {
  const css = readFileSync(path.join(katexDistDirectory(), "katex.min.css"), "utf8");
  return css.replace(/,url\(fonts\/[^)]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\)/g, "");
}
