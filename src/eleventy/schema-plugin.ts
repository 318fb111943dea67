import { paperPageSchema } from "../model/site.ts";
import { describeIssues } from "../model/zod-issues.ts";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * Validates each generated paper's data as Eleventy reads it, so a bad page
 * fails the build instead of rendering wrongly (Eleventy's eleventyDataSchema).
 */
export function schemaPlugin(eleventyConfig: EleventyConfig): void {
  // Global data functions are called for their value: the value here is the validator itself.
  eleventyConfig.addGlobalData("eleventyDataSchema", () => (data: { page?: { inputPath?: string }; paper?: unknown }) => {
    if (!data.page?.inputPath?.includes("/papers/")) return;
    const result = paperPageSchema.safeParse(data.paper);
    if (!result.success) {
      throw new Error(`${data.page.inputPath}: invalid paper front matter: ${describeIssues(result.error)}`);
    }
  });
}
