export const CATEGORIES = [
  "library JS",
  "WASM",
  "index chunks",
  "filter files",
  "meta",
  "fragments",
  "newest-first order",
  "other pagefind",
  "page (HTML, CSS, JS)",
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Which part of a search a request path is, by Pagefind's file layout in the
 * primary bundle (/pagefind/) and the older parts (/pagefind-parts/<day>/).
 */
export function categorize(requestPath: string, basePath = "/"): Category {
  const path = requestPath.startsWith(basePath) ? `/${requestPath.slice(basePath.length)}` : requestPath;
  if (path === "/search/newest-first.json") return "newest-first order";
  const bundle = /^\/pagefind\/|^\/pagefind-parts\/[^/]+\//.exec(path);
  if (!bundle) return "page (HTML, CSS, JS)";
  const rest = path.slice(bundle[0].length);
  if (rest.startsWith("index/")) return "index chunks";
  if (rest.startsWith("filter/")) return "filter files";
  if (rest.startsWith("fragment/")) return "fragments";
  if (rest.endsWith(".js")) return "library JS";
  if (/^wasm\.[^/]+\.pagefind$/.test(rest)) return "WASM";
  if (rest === "pagefind-entry.json" || rest.endsWith(".pf_meta")) return "meta";
  return "other pagefind";
}

export interface CategoryTotal {
  category: Category;
  files: number;
  bytes: number;
}

export function summarizeBytes(bytesSent: ReadonlyMap<string, number>, basePath = "/"): CategoryTotal[] {
  const totals = new Map<Category, CategoryTotal>(CATEGORIES.map((category) => [category, { category, files: 0, bytes: 0 }]));
  for (const [requestPath, bytes] of bytesSent) {
    const total = totals.get(categorize(requestPath, basePath))!;
    total.files++;
    total.bytes += bytes;
  }
  return [...totals.values()];
}
