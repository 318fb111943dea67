import { describe, expect, it } from "vitest";
import { newestFirstOrder } from "./newest-first-order.ts";

const dates: Record<string, string> = {
  "/papers/a/": "2025-08-20",
  "/papers/b/": "2025-08-22",
  "/papers/c/": "2025-08-20",
  "/papers/d/": "2024-01-05",
};
const dateOfUrl = (url: string) => dates[url];

describe("newestFirstOrder", () => {
  it("lists days newest first with their papers' ids, sorted", () => {
    const order = newestFirstOrder(
      [
        [
          { id: "en_3", url: "/papers/c/" },
          { id: "en_1", url: "/papers/a/" },
          { id: "en_2", url: "/papers/b/" },
        ],
        [{ id: "en_9", url: "/papers/d/" }],
      ],
      dateOfUrl,
    );
    expect(order).toEqual({
      days: [
        ["2025-08-22", "en_2"],
        ["2025-08-20", "en_1 en_3"],
        ["2024-01-05", "en_9"],
      ],
      byUrl: {},
    });
  });

  it("resolves an id two bundles share by URL when the dates differ", () => {
    const order = newestFirstOrder(
      [
        [{ id: "en_1", url: "/papers/b/" }],
        [
          { id: "en_1", url: "/papers/d/" },
          { id: "en_2", url: "/papers/a/" },
        ],
      ],
      dateOfUrl,
    );
    expect(order.days).toEqual([["2025-08-20", "en_2"]]);
    expect(order.byUrl).toEqual({ en_1: { "/papers/b/": "2025-08-22", "/papers/d/": "2024-01-05" } });
  });

  it("keeps a shared id in its day when both papers have the same date", () => {
    const order = newestFirstOrder([[{ id: "en_1", url: "/papers/a/" }], [{ id: "en_1", url: "/papers/c/" }]], dateOfUrl);
    expect(order).toEqual({ days: [["2025-08-20", "en_1"]], byUrl: {} });
  });

  it("refuses a page the archive does not know", () => {
    expect(() => newestFirstOrder([[{ id: "en_1", url: "/papers/zzz/" }]], dateOfUrl)).toThrow("/papers/zzz/");
  });
});
