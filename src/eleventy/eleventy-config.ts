/**
 * The slice of Eleventy's configuration API this project uses. Eleventy ships
 * JSDoc rather than declarations, so the shape is written down here once.
 */
export interface EleventyConfig {
  addPlugin<Options>(plugin: (config: EleventyConfig, options: Options) => void, options?: Options): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addPassthroughCopy(copy: string | Record<string, string>): void;
  setLibrary(engine: "md", library: unknown): void;
  setQuietMode(quiet: boolean): void;
  setUseGitIgnore(use: boolean): void;
  setDataDeepMerge?(deep: boolean): void;
  addWatchTarget(target: string): void;
  on(event: "eleventy.before" | "eleventy.after", callback: (...args: unknown[]) => unknown): void;
  directories: { input: string; output: string };
}
