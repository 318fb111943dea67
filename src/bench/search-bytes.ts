export const CATEGORIES = ["library JS", "WASM", "index chunks", "filter files", "meta", "fragments", "other pagefind", "page (HTML, CSS, JS)"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Which part of a first search a request path is, by Pagefind's file layout under /pagefind/. */
export function categorize(requestPath: string, basePath = "/"): Category {
  const path = requestPath.startsWith(basePath) ? `/${requestPath.slice(basePath.length)}` : requestPath;
  if (!path.startsWith("/pagefind/")) return "page (HTML, CSS, JS)";
  const rest = path.slice("/pagefind/".length);
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
