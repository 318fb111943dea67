/**
 * One part of a sharded build, run by the build in its own process:
 * `render-part.ts INPUT OUTPUT BASE_PATH papers|all`. Not meant to be run by hand.
 */
import { runEleventy } from "../src/pipeline/run-eleventy.ts";

const [input, output, basePath, mode] = process.argv.slice(2);
if (!input || !output || !basePath || (mode !== "papers" && mode !== "all")) {
  console.error("usage: render-part.ts INPUT OUTPUT BASE_PATH papers|all");
  process.exit(2);
}
const pages = await runEleventy(input, output, basePath, { papersOnly: mode === "papers" });
console.log(`pages ${pages}`);
