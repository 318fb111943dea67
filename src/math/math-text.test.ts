import { describe, expect, test, vi } from "vitest";
import { digestTextHasMath, digestTextToMarkdown, digestTextToPlainText } from "./digest-text.ts";
import { MathText } from "./math-text.ts";
import { mathSearchWords } from "../search/math-words.ts";
import { repairKey, repairMath } from "./repair.ts";

describe("MathText", () => {
  test("repairs each text once and gives the same frozen segments to every caller", () => {
    const mathText = new MathText();
    const first = mathText.segments("a bound of Omega(T^{2/3}) holds");
    expect(mathText.segments("a bound of Omega(T^{2/3}) holds")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toEqual(repairMath("a bound of Omega(T^{2/3}) holds"));
  });

  test("each build's memo is its own", () => {
    const text = "Sharper Bounds for ell_p Sensitivity Sampling";
    expect(new MathText().segments(text)).not.toBe(new MathText().segments(text));
  });

  test("a paper's text forms are what the unmemoised functions give", () => {
    const paper = {
      title: "Sharper Bounds for ell_p Sensitivity Sampling",
      abstract: "We get O(n log n) time and 3times faster, with no math elsewhere.",
    };
    expect(new MathText().paperText(paper)).toEqual({
      titleMarkdown: digestTextToMarkdown(paper.title),
      titleText: digestTextToPlainText(paper.title),
      titleHasMath: digestTextHasMath(paper.title),
      abstractMarkdown: digestTextToMarkdown(paper.abstract),
      abstractText: digestTextToPlainText(paper.abstract),
      abstractHasMath: digestTextHasMath(paper.abstract),
      mathWords: mathSearchWords(repairMath(paper.title), repairMath(paper.abstract)),
      sourceKey: `${repairKey(paper.title)}.${repairKey(paper.abstract)}`,
    });
  });

  test("makes a paper's text forms when they are first read, each once, and reads as a plain object", () => {
    const mathText = new MathText();
    const segments = vi.spyOn(mathText, "segments");
    const paper = { title: "Bounds for ell_p", abstract: "In O(n log n) time." };
    const text = mathText.paperText(paper);
    expect(segments).not.toHaveBeenCalled();
    expect(text.titleText).toBe(digestTextToPlainText(paper.title));
    expect(text.titleText).toBe(digestTextToPlainText(paper.title));
    expect(text.abstractHasMath).toBe(true);
    expect(text.abstractHasMath).toBe(true);
    expect(segments.mock.calls).toEqual([[paper.title], [paper.abstract]]);
    const plain = { ...text };
    expect(Object.getOwnPropertyDescriptor(plain, "abstractMarkdown")).toHaveProperty("value", text.abstractMarkdown);
    expect(JSON.parse(JSON.stringify(text))).toEqual(plain);
    // The order JSON writes them in, as a plain object made them.
    expect(Object.keys(text)).toEqual([
      "titleMarkdown",
      "titleText",
      "titleHasMath",
      "abstractMarkdown",
      "abstractText",
      "abstractHasMath",
      "mathWords",
      "sourceKey",
    ]);
  });

  test("keys a paper's text by its raw title and abstract, each part of the key changing with its own", () => {
    const mathText = new MathText();
    const key = (title: string, abstract: string) => mathText.paperText({ title, abstract }).sourceKey;
    const base = key("A title", "An abstract.");
    expect(key("A title", "An abstract.")).toBe(base);
    expect(key("A title!", "An abstract.")).not.toBe(base);
    expect(key("A title", "An abstract!")).not.toBe(base);
    // Not the same as moving text from one to the other.
    expect(key("A title An", "abstract.")).not.toBe(key("A title", "An abstract."));
  });

  test("uses an earlier build's repair as it is, and says which texts it has not seen", () => {
    const kept = "A text repaired by an earlier build.";
    const mathText = new MathText(new Map([[repairKey(kept), [{ kind: "text", text: "as kept" }]]]));
    expect(mathText.plainText(kept)).toBe("as kept");
    expect(mathText.unrepaired([kept, "new text", "new text"])).toEqual(["new text"]);
  });

  test("remembers repairs made elsewhere, and refuses a mismatched hand-over", () => {
    const mathText = new MathText();
    mathText.remember(["x"], [[{ kind: "text", text: "from a worker" }]]);
    expect(mathText.plainText("x")).toBe("from a worker");
    expect(() => mathText.remember(["a", "b"], [[]])).toThrow("2 texts but 1 repairs");
  });
});
