/**
 * One Eleventy input folder of a sharded build, rendered by the build in its
 * own process: `render-part.ts INPUT OUTPUT BASE_PATH`. Not meant to be run by hand.
 */
import { runEleventy } from "../src/pipeline/run-eleventy.ts";

const [input, output, basePath] = process.argv.slice(2);
if (!input || !output || !basePath) {
  console.error("usage: render-part.ts INPUT OUTPUT BASE_PATH");
  process.exit(2);
}
const pages = await runEleventy(input, output, basePath);
console.log(`pages ${pages}`);
