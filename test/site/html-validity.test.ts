/**
 * Every page of the built sites validates with html-validate under the
 * project's `.htmlvalidate.json` (html-validate:recommended, with the few
 * exceptions documented in docs/quality.md).
 */
import fs from "node:fs";
import path from "node:path";
import { FileSystemConfigLoader, HtmlValidate, type ConfigData } from "html-validate";
import { parse } from "node-html-parser";
import { describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../paths.ts";
import { listFiles } from "./read-site.ts";

const config = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData & { $schema?: string };
delete config.$schema;
// The built sites live in a temporary folder, outside the repository, so the
// configuration is handed to the loader rather than found beside the files.
const validator = new HtmlValidate(new FileSystemConfigLoader(config));

const sites = [
  { name: "sample", dir: inject("sampleSite") },
  { name: "archive", dir: inject("archiveSite") },
  { name: "base-path", dir: inject("basePathSite") },
];

const pagesOf = (dir: string) => listFiles(dir).filter((file) => file.endsWith(".html") && !file.startsWith("pagefind/"));

describe("html-validate", () => {
  for (const site of sites) {
    it(`finds no errors in any page of the ${site.name} site`, async () => {
      const pages = pagesOf(site.dir);
      expect(pages.length).toBeGreaterThan(10);
      const errors: string[] = [];
      const byRule = new Map<string, number>();
      for (const file of pages) {
        const report = await validator.validateFile(path.join(site.dir, file));
        for (const result of report.results) {
          for (const message of result.messages) {
            errors.push(
              `${site.name}/${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}${message.selector ? ` (${message.selector})` : ""}`,
            );
            byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
          }
        }
      }
      console.log(`html-validate: ${site.name} site, ${pages.length} pages, ${errors.length} errors`);
      const summary = [...byRule].map(([rule, count]) => `${rule}: ${count}`).join(", ");
      expect(errors.length, `${errors.length} errors (${summary}):\n${errors.join("\n")}\n`).toBe(0);
    });
  }

  it("allows inline styles only inside KaTeX output (the one reason no-inline-style is off)", () => {
    const offenders: string[] = [];
    for (const site of sites) {
      for (const file of pagesOf(site.dir)) {
        const document = parse(fs.readFileSync(path.join(site.dir, file), "utf8"));
        for (const element of document.querySelectorAll("[style]")) {
          if (!element.closest(".katex, .katex-display"))
            offenders.push(`${site.name}/${file}: <${element.tagName.toLowerCase()} style="${element.getAttribute("style")}">`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("documents every rule that .htmlvalidate.json turns off or relaxes in docs/quality.md", () => {
    const docs = fs.readFileSync(path.join(PROJECT_ROOT, "docs", "quality.md"), "utf8");
    const changed = Object.keys(config.rules ?? {});
    expect(changed.length).toBeGreaterThan(0);
    for (const rule of changed) expect(docs, `docs/quality.md explains ${rule}`).toContain(`\`${rule}\``);
    expect(config.extends).toEqual(["html-validate:recommended"]);
  });

  it("still catches invalid markup with this configuration", async () => {
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main><p id="a">a</p><p id="a">b<div></div></p><img src="x.png"><button>go</button><nav></nav><nav></nav></main></body></html>',
      "planted.html",
    );
    const rules = new Set(report.results.flatMap((result) => result.messages.map((message) => message.ruleId)));
    for (const rule of ["no-dup-id", "wcag/h37", "no-implicit-button-type", "unique-landmark", "no-implicit-close"])
      expect([...rules]).toContain(rule);
  });
});
