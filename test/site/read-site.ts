import fs from "node:fs";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

/** Reads a built page by its site URL ("/papers/x/") as a parsed document. */
export function readPage(site: string, url: string): HTMLElement {
  const file = path.join(site, url.replace(/^\//, ""), url.endsWith("/") ? "index.html" : "");
  return parse(fs.readFileSync(file, "utf8"));
}

export function pageExists(site: string, url: string): boolean {
  return fs.existsSync(path.join(site, url.replace(/^\//, ""), url.endsWith("/") ? "index.html" : ""));
}

/** Every folder under `folder` (relative, sorted), so an empty folder left behind shows. */
export function listFolders(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Every file under a folder, as paths relative to it, sorted. */
export function listFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(folder, full));
    }
  };
  walk(folder);
  return files.sort();
}

/** A moved page's stand-in (layouts/pages/redirect.njk): it only sends the reader on, so page-wide checks skip it. */
export function isRedirectPage(document: HTMLElement): boolean {
  return (
    document.querySelector('meta[http-equiv="refresh"]') !== null &&
    document.querySelector('meta[name="robots"]')?.getAttribute("content") === "noindex"
  );
}

export const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();
