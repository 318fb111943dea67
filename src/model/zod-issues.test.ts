import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeIssues } from "./zod-issues.ts";

describe("describeIssues", () => {
  it("gives each issue's path and message, in order, on one line", () => {
    const result = z.object({ title: z.string(), dates: z.array(z.string()) }).safeParse({ title: 1, dates: ["x", 2] });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toBe(
      "title: Invalid input: expected string, received number; dates.1: Invalid input: expected string, received number",
    );
  });
});
