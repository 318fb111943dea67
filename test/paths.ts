import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
export const SAMPLE_DIGEST = path.join(PROJECT_ROOT, "content", "digests", "2025-08-20.txt");
export const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures");
