/**
 * Minimal declarations for the untyped `stopword` package (v3), covering only
 * what this repo uses. Each language's list is exported under its ISO 639-3 code.
 */
declare module "stopword" {
  /** English stop words, lowercase. */
  export const eng: string[];
}
