// Eleventy 3 ships JSDoc, not declarations: declare the parts this project calls.
declare module "@11ty/eleventy" {
  import type { EleventyConfig } from "../eleventy/eleventy-config.ts";

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    runMode?: "build" | "watch" | "serve";
    config?: (config: EleventyConfig) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    toJSON(): Promise<{ url: string; inputPath: string; outputPath: string; content: string }[]>;
  }

  export const HtmlBasePlugin: (config: EleventyConfig, options?: { baseHref?: string }) => void;
}

declare module "@11ty/eleventy-dev-server" {
  interface DevServer {
    serve(port: number): void;
    reload(event?: Record<string, unknown>): void;
    close(): Promise<void>;
  }
  const EleventyDevServer: {
    getServer(
      name: string,
      dir: string,
      options?: { liveReload?: boolean; domDiff?: boolean; showVersion?: boolean; pathPrefix?: string },
    ): DevServer;
  };
  export default EleventyDevServer;
}
