import { describe, expect, test } from "vitest";
import { decomposeLetterRun, isGluedMathRun } from "./letter-runs.ts";

function spelled(run: string): string | null {
  const pieces = decomposeLetterRun(run);
  return pieces ? pieces.map((piece) => ("command" in piece ? `\\${piece.command}` : piece.letters)).join(" ") : null;
}

describe("decomposeLetterRun", () => {
  test.each([
    ["epsilon", "\\epsilon"],
    ["pneq", "p \\neq"],
    ["mloglog", "m \\log \\log"],
    ["ndlog", "nd \\log"],
    ["Omegasubseteq", "\\Omega \\subseteq"],
    ["Omegabig", "\\Omega \\big"],
    ["mepsilon", "m \\epsilon"],
    ["mtimes", "m \\times"],
    ["Min", "M \\in"],
    ["mgg", "m \\gg"],
    ["sqrtK", "\\sqrt K"],
    ["subseteq", "\\subseteq"],
    ["dm", null],
    ["SAx", null],
    ["well", null],
    ["cells", null],
    ["start", null],
    ["similar", null],
    ["simple", null],
    ["logarithm", null],
    ["into", null],
  ])("%s → %s", (run, expected) => {
    expect(spelled(run)).toBe(expected);
  });
});

describe("isGluedMathRun", () => {
  test.each([
    ["pneq", true],
    ["mepsilon", true],
    ["Omegabig", true],
    ["Omegasubseteq", true],
    // Glued, but only with commands English also spells: needs context.
    ["Min", false],
    ["bin", false],
    ["login", false],
    ["mgg", false],
    // A whole command is not "glued".
    ["epsilon", false],
  ])("%s → %s", (run, expected) => {
    expect(isGluedMathRun(run)).toBe(expected);
  });
});
