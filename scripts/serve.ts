/**
 * `npm start`: build the site, serve it on localhost with live reload, and
 * rebuild when a digest or the topics file changes. `npm start` runs this
 * under `tsx watch`, which restarts the whole process when the code, a
 * layout or the Eleventy config changes: a rebuild in this process would
 * keep serving Node's and Eleventy's cached modules and templates.
 */
import fs from "node:fs";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { readCommandLine } from "../src/cli/read-command-line.ts";
import { BuildError } from "../src/pipeline/build-error.ts";
import { buildSite } from "../src/pipeline/build-site.ts";

const usage = `Usage: npm start -- [--input DIR] [--output DIR] [--port N]

  --input DIR    digests folder (default content/digests)
  --output DIR   where the site is written and served from (default _site)
  --port N       the local port (default 8080)`;

const cli = readCommandLine(
  {
    input: { type: "string", default: "content/digests" },
    output: { type: "string", default: "_site" },
    port: { type: "string", default: "8080" },
  },
  usage,
);
if (cli.exitCode !== undefined) process.exit(cli.exitCode);
const { values } = cli;

const port = Number(values.port);
const build = async () => {
  try {
    await buildSite({
      input: values.input,
      output: values.output,
      siteUrl: `http://localhost:${port}`,
      basePath: "/",
      workDir: ".generated",
    });
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
// Content only: code and layouts restart the process (see above).
const watched = [path.resolve(values.input), path.resolve("content")];
const contentFolders = watched.filter(
  (folder, index) =>
    !watched.some((other, at) => at !== index && folder.startsWith(`${other}${path.sep}`)) && watched.indexOf(folder) === index,
);
for (const target of contentFolders) {
  if (fs.existsSync(target)) fs.watch(target, { recursive: true }, rebuild);
}
console.log(
  `Rebuilding when ${contentFolders.map((folder) => path.relative(process.cwd(), folder) || ".").join(" or ")} changes; restarting when code or layouts change.`,
);
