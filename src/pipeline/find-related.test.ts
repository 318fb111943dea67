import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDigest } from "../digest/parse-digest.ts";
import { mergePapers } from "../identity/merge-papers.ts";
import { MathText } from "../math/math-text.ts";
import type { IdentifiedPaper, PaperText } from "../model/types.ts";
import { relatedPapers, type RelatedState } from "../related/related.ts";
import { SAMPLE_DIGEST } from "../../test/paths.ts";
import { findRelated, prepareRelatedWorker, RELATED_COUNT } from "./find-related.ts";
import { parseRelatedState, relatedStateFile, serialiseRelatedState } from "./related-cache.ts";

const mathText = new MathText();
const papers: (IdentifiedPaper & { topics: string[]; text: PaperText })[] = mergePapers([
  parseDigest(fs.readFileSync(SAMPLE_DIGEST, "utf8"), SAMPLE_DIGEST).digest!,
]).map((paper, index) => ({
  ...paper,
  slug: `paper-${String(index).padStart(2, "0")}`,
  topics: [],
  text: mathText.paperText(paper),
}));
/** The papers with paper `index`'s title changed to `title`, its text key made from `keyedBy`. */
const retitled = (index: number, title: string, keyedBy = title) =>
  papers.map((paper, at) =>
    at === index ? { ...paper, title, text: mathText.paperText({ title: keyedBy, abstract: paper.abstract }) } : paper,
  );
const inThisThread = (subset: typeof papers) =>
  relatedPapers(
    subset.map((paper) => ({ id: paper.slug, title: paper.title, abstract: paper.abstract, topics: paper.topics })),
    RELATED_COUNT,
  );
const all = inThisThread(papers);

const workDirs: string[] = [];
function workDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "find-related-"));
  workDirs.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of workDirs) fs.rmSync(folder, { recursive: true, force: true });
});
const stateFile = relatedStateFile;

/** The kept state in `bytes` changed by `edit`, written again as made by `code` (by default the search's own). */
function restate(bytes: Buffer, edit: (state: RelatedState) => RelatedState, code?: string): Buffer {
  const own = searchCode(bytes);
  return serialiseRelatedState(edit(parseRelatedState(bytes, own)!), code ?? own);
}

/** The code version a kept file was made by: its header's. */
function searchCode(bytes: Buffer): string {
  const headerLength = bytes.readUInt32LE(0);
  // After the header length and the checksum (see related-cache.ts).
  return (JSON.parse(bytes.subarray(8, 8 + headerLength).toString("utf8")) as { code: string }).code;
}

describe("findRelated", () => {
  it("finds on a worker thread what this thread finds", async () => {
    const found = await findRelated(papers, 2, { minPapersForWorker: 1 });
    expect(found.related).toEqual(all);
    expect([...found.related.values()].some((related) => related.length === RELATED_COUNT)).toBe(true);
  });

  it("gives the same answer on this thread, for a small archive or a single core", async () => {
    expect((await findRelated(papers, 2)).related).toEqual(all);
    expect((await findRelated(papers, 1, { minPapersForWorker: 1 })).related).toEqual(all);
  });

  it("keeps nothing without a work folder", async () => {
    const found = await findRelated(papers, 1);
    expect(found.description).toBe(`related papers searched for all ${papers.length} papers`);
  });

  // On this thread and on a worker: the kept state is read and written where the search runs.
  it.each([
    { where: "this thread", minPapersForWorker: Infinity, early: false },
    { where: "a worker thread", minPapersForWorker: 1, early: false },
    { where: "a worker thread that read the state before the papers came", minPapersForWorker: 1, early: true },
  ])("adds a day's papers to the search kept in the work folder, on $where, with a clean search's lists", async (where) => {
    const folder = workDir();
    const earlier = papers.slice(0, 50);
    expect(prepareRelatedWorker(folder, 2, papers.length, 1), "no state kept yet: nothing to prepare").toBeUndefined();
    const first = await findRelated(earlier, 2, { workDir: folder, minPapersForWorker: where.minPapersForWorker });
    expect(first.description).toBe("related papers searched for all 50 papers (none kept)");
    expect(first.related).toEqual(inThisThread(earlier));
    expect(fs.existsSync(stateFile(folder))).toBe(true);

    // An archive too small for a worker, or a single core: none is started.
    expect(prepareRelatedWorker(folder, 2, papers.length, papers.length + 1)).toBeUndefined();
    expect(prepareRelatedWorker(folder, 1, papers.length, 1)).toBeUndefined();
    const prepared = where.early ? prepareRelatedWorker(folder, 2, papers.length, 1) : undefined;
    if (where.early) expect(prepared).toBeDefined();
    const daily = await findRelated(papers, 2, {
      workDir: folder,
      minPapersForWorker: where.minPapersForWorker,
      ...(prepared ? { prepared } : {}),
    });
    expect(daily.description).toMatch(
      new RegExp(`^related papers searched for ${papers.length - 50} papers added to the kept ones, \\d+ papers`),
    );
    expect([...daily.related]).toEqual([...all]);
    // A prepared worker answers before it keeps the state; the build waits for that at its end.
    await prepared?.finished();

    const unchanged = await findRelated(papers, 2, { workDir: folder, ...where });
    expect(unchanged.description).toBe("related papers searched for 0 papers added to the kept ones, 0 papers taking them in");
    expect([...unchanged.related]).toEqual([...all]);
  });

  it("removes the temporary file of a state a killed build was writing", async () => {
    const folder = workDir();
    await findRelated(papers, 1, { workDir: folder });
    const leftover = `${stateFile(folder)}.12345.tmp`;
    fs.writeFileSync(leftover, "half a state");
    expect((await findRelated(papers, 1, { workDir: folder })).description).toMatch(/searched for 0 papers added/);
    expect(fs.existsSync(leftover)).toBe(false);
  });

  it("searches everything when a kept paper changed, and keeps the new search", async () => {
    const folder = workDir();
    await findRelated(papers, 1, { workDir: folder });
    const edited = retitled(3, `${papers[3]!.title} revisited`);
    const found = await findRelated(edited, 1, { workDir: folder });
    expect(found.description).toBe(
      `related papers searched for all ${papers.length} papers (the kept search did not apply: the paper "paper-03" changed)`,
    );
    expect([...found.related]).toEqual([...inThisThread(edited)]);
    expect((await findRelated(edited, 1, { workDir: folder })).description).toMatch(/searched for 0 papers added/);
  });

  it.each([
    { where: "this thread", minPapersForWorker: Infinity },
    { where: "a worker thread", minPapersForWorker: 1 },
  ])("tells a kept paper unchanged by its text key, on $where", async (where) => {
    const folder = workDir();
    await findRelated(papers, 2, { workDir: folder, ...where });
    // Its text key is what the kept state goes by: a text under the old key passes for the old text.
    const sameKey = retitled(3, `${papers[3]!.title} revisited`, papers[3]!.title);
    expect((await findRelated(sameKey, 2, { workDir: folder, ...where })).description).toMatch(/searched for 0 papers added/);
    const newKey = retitled(3, `${papers[3]!.title} revisited`);
    expect((await findRelated(newKey, 2, { workDir: folder, ...where })).description).toMatch(/the paper "paper-03" changed/);
  });

  it.each([
    { name: "a cut-off file", damage: (bytes: Buffer) => bytes.subarray(0, bytes.length / 2) },
    {
      // Still a finite weight in a well-formed file: only the checksum tells.
      name: "a file with one byte of a weight changed",
      damage: (bytes: Buffer) => {
        const changed = Buffer.from(bytes);
        const at = Math.floor(changed.length * 0.75);
        changed.writeUInt8(changed.readUInt8(at) ^ 1, at);
        return changed;
      },
    },
    { name: "a file of another shape", damage: () => Buffer.from(JSON.stringify({ format: 1, ids: [] })) },
    { name: "a file made by other code", damage: (bytes: Buffer) => restate(bytes, (state) => state, "another") },
    {
      name: "a file whose candidates point past its papers",
      damage: (bytes: Buffer) => restate(bytes, (state) => ({ ...state, candidates: [[100000], ...state.candidates.slice(1)] })),
    },
    {
      name: "a file whose vectors name terms it lacks",
      damage: (bytes: Buffer) =>
        restate(bytes, (state) => {
          const terms = state.vectors.terms.slice();
          terms[0] = state.vocabulary.length + 5;
          return { ...state, vectors: { ...state.vectors, terms } };
        }),
    },
    {
      name: "a file whose weights are not numbers",
      damage: (bytes: Buffer) =>
        restate(bytes, (state) => ({
          ...state,
          vectors: { ...state.vectors, weights: state.vectors.weights.map((weight, slot) => (slot === 3 ? NaN : weight)) },
        })),
    },
    {
      name: "a file whose search terms are not its paper's",
      damage: (bytes: Buffer) =>
        restate(bytes, (state) => {
          const ranked = state.vectors.ranked.slice();
          ranked[0] = 10_000;
          return { ...state, vectors: { ...state.vectors, ranked } };
        }),
    },
  ])("ignores $name and searches everything", async ({ damage }) => {
    const folder = workDir();
    await findRelated(papers, 1, { workDir: folder });
    const bytes = fs.readFileSync(stateFile(folder));
    const damaged = damage(bytes);
    expect(damaged.equals(bytes)).toBe(false);
    fs.writeFileSync(stateFile(folder), damaged);
    const found = await findRelated(papers, 1, { workDir: folder });
    expect(found.description).toBe(`related papers searched for all ${papers.length} papers (none kept)`);
    expect([...found.related]).toEqual([...all]);
    // And replaces it with a good one.
    expect((await findRelated(papers, 1, { workDir: folder })).description).toMatch(/searched for 0 papers added/);
  });
});
