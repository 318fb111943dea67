import { describe, expect, it } from "vitest";
import { categorize, summarizeBytes } from "./search-bytes.ts";

describe("categorize", () => {
  it("sorts Pagefind's files by what they are", () => {
    expect(categorize("/pagefind/pagefind.js")).toBe("library JS");
    expect(categorize("/pagefind/pagefind-worker.js")).toBe("library JS");
    expect(categorize("/pagefind/wasm.en.pagefind")).toBe("WASM");
    expect(categorize("/pagefind/wasm.unknown.pagefind")).toBe("WASM");
    expect(categorize("/pagefind/index/en_a1b2c3.pf_index")).toBe("index chunks");
    expect(categorize("/pagefind/filter/en_d4e5.pf_filter")).toBe("filter files");
    expect(categorize("/pagefind/pagefind-entry.json")).toBe("meta");
    expect(categorize("/pagefind/pagefind.en_f6a7.pf_meta")).toBe("meta");
    expect(categorize("/pagefind/fragment/en_0011.pf_fragment")).toBe("fragments");
    expect(categorize("/search/")).toBe("page (HTML, CSS, JS)");
    expect(categorize("/papers/pagefind/x.js", "/papers/")).toBe("library JS");
    expect(categorize("/pagefind-parts/2024-01-01/pagefind.en_f6a7.pf_meta")).toBe("meta");
    expect(categorize("/pagefind-parts/2024-01-01/index/en_a1.pf_index")).toBe("index chunks");
    expect(categorize("/papers/pagefind-parts/2024-01-01/fragment/en_1.pf_fragment", "/papers/")).toBe("fragments");
    expect(categorize("/search/newest-first.json")).toBe("newest-first order");
    expect(categorize("/pagefind-parts/index.html")).toBe("page (HTML, CSS, JS)");
  });

  it("adds up bytes and files per category", () => {
    const totals = summarizeBytes(
      new Map([
        ["/pagefind/fragment/a.pf_fragment", 100],
        ["/pagefind/fragment/b.pf_fragment", 50],
        ["/search/", 7],
      ]),
    );
    expect(totals.find((total) => total.category === "fragments")).toEqual({ category: "fragments", files: 2, bytes: 150 });
    expect(totals.find((total) => total.category === "page (HTML, CSS, JS)")).toEqual({
      category: "page (HTML, CSS, JS)",
      files: 1,
      bytes: 7,
    });
  });
});
