import { describe, expect, it } from "vitest";
import { BoundedMemo } from "./bounded-memo.ts";

describe("BoundedMemo", () => {
  it("computes a key once and then answers from memory", () => {
    const memo = new BoundedMemo<string, number>(10);
    let calls = 0;
    const length = (text: string) => (calls++, text.length);
    expect(memo.get("abc", length)).toBe(3);
    expect(memo.get("abc", length)).toBe(3);
    expect(calls).toBe(1);
  });

  it("remembers undefined and falsy values as values, not as misses", () => {
    const memo = new BoundedMemo<string, number | undefined>(10);
    let calls = 0;
    memo.get("x", () => (calls++, undefined));
    memo.get("x", () => (calls++, 1));
    expect(calls).toBe(1);
  });

  it("forgets everything when full, so it never holds more than its limit", () => {
    const memo = new BoundedMemo<number, number>(3);
    for (const key of [1, 2, 3]) memo.set(key, key);
    expect(memo.size).toBe(3);
    memo.set(4, 4);
    expect(memo.size).toBe(1);
    expect(memo.has(1)).toBe(false);
    expect(memo.has(4)).toBe(true);
  });

  it("overwrites a key it holds without forgetting the others", () => {
    const memo = new BoundedMemo<number, string>(2);
    memo.set(1, "a");
    memo.set(2, "b");
    memo.set(2, "c");
    expect([memo.has(1), memo.get(2, () => "never")]).toEqual([true, "c"]);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new BoundedMemo(0)).toThrow("positive integer");
  });
});
