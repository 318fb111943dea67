import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runBuildCli } from "../build-cli.ts";
import { readPage } from "./read-site.ts";

const root = path.join(inject("workRoot"), "permalinks");
const abstract = (topic: string) =>
  `We study ${topic} with a new method and show that it beats strong baselines on three benchmarks, with a proof of convergence and open code for every experiment.`;

function archive(name: string, titles: string[]) {
  const digests = path.join(root, name, "digests");
  fs.mkdirSync(digests, { recursive: true });
  const body = titles
    .map((title, index) => `${title}\n\n${abstract(["sparse attention", "protein folding", "streaming bandits"][index]!)}`)
    .join("\n\n");
  fs.writeFileSync(path.join(digests, "2025-08-20.txt"), `Aug 20\n\n${body}\n`);
  return digests;
}

const build = (name: string, extra: string[] = []) =>
  runBuildCli([
    "--input",
    path.join(root, name, "digests"),
    "--output",
    path.join(root, name, "_site"),
    "--work-dir",
    path.join(root, name, "work"),
    ...extra,
  ]);

describe("permalinks that cannot break", () => {
  it("keeps a URL working as a redirect when a typo in a title is fixed", async () => {
    archive("typo", ["Stochastic Gradeint Descent for Sparse Attention", "Protein Folding at Scale"]);
    expect((await build("typo")).code).toBe(0);
    const site = path.join(root, "typo", "_site");
    expect(fs.existsSync(path.join(site, "papers", "stochastic-gradeint-descent-for-sparse-attention", "index.html"))).toBe(true);

    archive("typo", ["Stochastic Gradient Descent for Sparse Attention", "Protein Folding at Scale"]);
    const fixed = await build("typo");
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain("1 URL moved (the old ones redirect)");
    const old = readPage(site, "/papers/stochastic-gradeint-descent-for-sparse-attention/");
    expect(old.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(
      "0; url=http://localhost:8080/papers/stochastic-gradient-descent-for-sparse-attention/",
    );
    expect(old.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      "http://localhost:8080/papers/stochastic-gradient-descent-for-sparse-attention/",
    );
    expect(readPage(site, "/papers/stochastic-gradient-descent-for-sparse-attention/").querySelector("h1")?.textContent).toContain(
      "Stochastic Gradient Descent",
    );
    const registry = JSON.parse(fs.readFileSync(path.join(root, "typo", "permalinks.json"), "utf8"));
    expect(registry.papers["stochastic-gradeint-descent-for-sparse-attention"].redirectTo).toBe(
      "stochastic-gradient-descent-for-sparse-attention",
    );
    // Redirects are not papers: neither in the sitemap nor in the search index's order file.
    expect(fs.readFileSync(path.join(site, "sitemap.xml"), "utf8")).not.toContain("gradeint");
    expect(fs.readFileSync(path.join(site, "search", "newest-first.json"), "utf8")).not.toContain("gradeint");
  });

  it("recovers a deleted registry from the site, so no URL is handed to another paper", async () => {
    archive("lost", ["Sparse Attention Revisited", "Protein Folding at Scale"]);
    expect((await build("lost")).code).toBe(0);
    const registryFile = path.join(root, "lost", "permalinks.json");
    const before = fs.readFileSync(registryFile, "utf8");
    fs.rmSync(registryFile);
    const again = await build("lost");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`[permalinks] ${registryFile} is missing: recovered it from`);
    expect(fs.readFileSync(registryFile, "utf8")).toBe(before);
  });

  it("refuses to build without the registry when the output holds a site that carries no copy of it", async () => {
    archive("refuse", ["Sparse Attention Revisited", "Protein Folding at Scale"]);
    expect((await build("refuse")).code).toBe(0);
    const site = path.join(root, "refuse", "_site");
    const before = fs.readFileSync(path.join(site, "index.html"));
    fs.rmSync(path.join(root, "refuse", "permalinks.json"));
    fs.rmSync(path.join(fs.realpathSync(site), "permalinks.json"));
    const refused = await build("refuse");
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain("the permalink registry is missing, but");
    expect(refused.stderr).toContain("Restore the registry from version control");
    expect(fs.readFileSync(path.join(site, "index.html")).equals(before)).toBe(true);
  });
});
