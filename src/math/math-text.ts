import { BoundedMemo } from "../memo/bounded-memo.ts";
import type { PaperText } from "../model/types.ts";
import { mathSearchWords } from "../search/math-words.ts";
import { segmentsHaveMath, segmentsToMarkdown, segmentsToPlainText } from "./digest-text.ts";
import { repairKey, repairMath, TEXT_AS_IT_IS, type Segment } from "./repair.ts";

/** Large enough to hold every title and abstract of a 100k-paper build, so each is repaired once. */
const MEMO_LIMIT = 250_000;

/**
 * A build's math repairs: each text repaired once, whoever asks (the same
 * title is shown on its page, its days, its topics and related lists). The
 * pipeline makes one per build and passes it on; repairs an earlier build
 * kept (`earlier`, by `repairKey`, TEXT_AS_IT_IS for a text left as it is) or worker threads made (`remember`) are
 * used as they are, since the repair is a pure function of the text.
 */
export class MathText {
  private readonly repairs = new BoundedMemo<string, readonly Segment[]>(MEMO_LIMIT);
  /** Each text's hash, which both the earlier repairs and page keys go by: made once. */
  private readonly keys = new BoundedMemo<string, string>(MEMO_LIMIT);

  constructor(private readonly earlier: ReadonlyMap<string, readonly Segment[]> = new Map()) {}

  segments(text: string): readonly Segment[] {
    return this.repairs.get(text, () => {
      const kept = this.earlier.get(this.key(text));
      if (kept === TEXT_AS_IT_IS) return Object.freeze([Object.freeze({ kind: "text" as const, text })]);
      return kept ?? repairMath(text);
    });
  }

  /** The text's `repairKey`. */
  key(text: string): string {
    return this.keys.get(text, () => repairKey(text));
  }

  markdown(text: string): string {
    return segmentsToMarkdown(this.segments(text));
  }

  plainText(text: string): string {
    return segmentsToPlainText(this.segments(text));
  }

  hasMath(text: string): boolean {
    return segmentsHaveMath(this.segments(text));
  }

  /**
   * A paper's text forms, each made on its first read, once. A daily build keys every page but renders a few
   * hundred, so the forms (escaped markdown, plain text, search words) are made for the pages that render:
   * making them for every paper of a 30,000-paper archive took a second. They are getters of the object itself,
   * so JSON, object spread and deep equality see what a plain object would hold. `sourceKey` is made now:
   * every page's key holds it.
   */
  paperText(paper: { title: string; abstract: string }): PaperText {
    const mathText = this;
    const { title, abstract } = paper;
    let titleMarkdown: string | undefined;
    let titleText: string | undefined;
    let titleHasMath: boolean | undefined;
    let abstractMarkdown: string | undefined;
    let abstractText: string | undefined;
    let abstractHasMath: boolean | undefined;
    let mathWords: string | undefined;
    return {
      get titleMarkdown() {
        return (titleMarkdown ??= segmentsToMarkdown(mathText.segments(title)));
      },
      get titleText() {
        return (titleText ??= segmentsToPlainText(mathText.segments(title)));
      },
      get titleHasMath() {
        return (titleHasMath ??= segmentsHaveMath(mathText.segments(title)));
      },
      get abstractMarkdown() {
        return (abstractMarkdown ??= segmentsToMarkdown(mathText.segments(abstract)));
      },
      get abstractText() {
        return (abstractText ??= segmentsToPlainText(mathText.segments(abstract)));
      },
      get abstractHasMath() {
        return (abstractHasMath ??= segmentsHaveMath(mathText.segments(abstract)));
      },
      get mathWords() {
        return (mathWords ??= mathSearchWords(mathText.segments(title), mathText.segments(abstract)));
      },
      sourceKey: `${this.key(title)}.${this.key(abstract)}`,
    };
  }

  /** The texts among `texts` that are neither repaired here nor handed over by an earlier build, each once. */
  unrepaired(texts: Iterable<string>): string[] {
    const unknown = new Set<string>();
    for (const text of texts) if (!this.repairs.has(text) && !this.earlier.has(this.key(text))) unknown.add(text);
    return [...unknown];
  }

  /** Repairs the same code made elsewhere (on worker threads), used from now on. */
  remember(texts: readonly string[], repairs: readonly (readonly Segment[])[]): void {
    if (texts.length !== repairs.length) throw new Error(`MathText.remember: ${texts.length} texts but ${repairs.length} repairs`);
    texts.forEach((text, index) => this.repairs.set(text, Object.freeze(repairs[index]!.map((segment) => Object.freeze(segment)))));
  }
}
