import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "src/**/*.test.ts", "tools/**/*.test.ts"],
          exclude: ["test/site/**", "test/browser/**", "**/node_modules/**"],
        },
      },
      {
        // Suites that read the built sample site: it is built once, before they start.
        test: {
          name: "site",
          include: ["test/site/**/*.test.ts", "test/browser/**/*.test.ts"],
          globalSetup: ["test/site/build-sample.global.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
