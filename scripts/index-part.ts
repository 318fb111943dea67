/**
 * One search index part, indexed by the build in its own process so that
 * parts index side by side and each Pagefind holds one part:
 * `index-part.ts PAGES_FILE OUTPUT CONFIG_JSON`. Not meant to be run by hand.
 */
import { indexPartPages } from "../src/pipeline/pagefind-part.ts";

const [pagesFile, outputPath, config] = process.argv.slice(2);
if (!pagesFile || !outputPath || !config) {
  console.error("usage: index-part.ts PAGES_FILE OUTPUT CONFIG_JSON");
  process.exit(2);
}
const pages = await indexPartPages(pagesFile, outputPath, JSON.parse(config));
console.log(`pages ${pages}`);
