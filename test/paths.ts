import path from "node:path";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..");
export const SAMPLE_DIGEST = path.join(PROJECT_ROOT, "content", "digests", "2025-08-20.txt");
export const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures");
/**
 * 24 real days of the Hugging Face daily papers API (371 papers), kept beside
 * the project rather than in it (2.4 MB); DPA_REAL_HF_DAILY points elsewhere.
 */
export const REAL_HF_DAILY = process.env.DPA_REAL_HF_DAILY ?? path.join(PROJECT_ROOT, "..", "shared", "real", "hf-daily");
