/**
 * `npm start`: build the site, serve it on localhost with live reload, and
 * rebuild whenever a digest, a layout, the topics file or the code changes.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { BuildError } from "../src/pipeline/build-error.ts";
import { buildSite } from "../src/pipeline/pipeline.ts";

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "content/digests" },
    output: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
  },
});

const port = Number(values.port);
const build = async () => {
  try {
    await buildSite({ input: values.input, output: values.output, siteUrl: `http://localhost:${port}`, basePath: "/", workDir: ".generated" });
    return true;
  } catch (error) {
    console.error(error instanceof BuildError ? `Build failed: ${error.message}` : error);
    return false;
  }
};

if (!(await build())) console.error("Serving the previous output until the digests are fixed.");
const server = EleventyDevServer.getServer("daily-papers-archive", values.output, { liveReload: true, domDiff: false, showVersion: false });
server.serve(port);

let pending: NodeJS.Timeout | undefined;
let building = false;
const rebuild = () => {
  clearTimeout(pending);
  pending = setTimeout(async () => {
    if (building) return rebuild();
    building = true;
    if (await build()) server.reload();
    building = false;
  }, 200);
};
for (const target of [values.input, "content", "layouts", "src"]) {
  if (fs.existsSync(target)) fs.watch(target, { recursive: true }, rebuild);
}
console.log(`Watching ${values.input}, content/, layouts/ and src/ for changes.`);
