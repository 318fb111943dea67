import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTaxonomy } from "../topics/taxonomy.ts";
import { openTopicCache, saveTopicCache, topicKey } from "./topic-cache.ts";
import { tempFolder } from "../../test/temp-folder.ts";

const taxonomy = loadTaxonomy();
const paper = { title: "Speech tokenizers", abstract: "We compare audio codecs.", keywords: ["audio codec"] };

describe("topicKey", () => {
  it.each([
    ["a changed title", { ...paper, title: "Speech tokenisers" }],
    ["a changed abstract", { ...paper, abstract: "We compare audio codecs!" }],
    ["changed keywords", { ...paper, keywords: ["audio", "codec"] }],
    ["no keywords", { title: paper.title, abstract: paper.abstract }],
    ["text moved between title and abstract", { ...paper, title: "Speech", abstract: "tokenizers We compare audio codecs." }],
  ])("changes with %s", (_case, changed) => {
    expect(topicKey(changed)).not.toBe(topicKey(paper));
  });

  it("is the same for the same text", () => {
    expect(topicKey({ ...paper, keywords: [...paper.keywords] })).toBe(topicKey(paper));
  });
});

describe("the topic cache", () => {
  it("starts empty, then gives the next build the topics it kept, and only this build's", async () => {
    const workDir = await tempFolder("dpa-topics-");
    const first = await openTopicCache(workDir, taxonomy);
    expect(first.earlier.size).toBe(0);
    await saveTopicCache(
      first,
      new Map([
        ["a", ["speech-audio"]],
        ["b", ["robotics", "agents"]],
      ]),
    );

    const second = await openTopicCache(workDir, taxonomy);
    expect([...second.earlier]).toEqual([
      ["a", ["speech-audio"]],
      ["b", ["robotics", "agents"]],
    ]);
    await saveTopicCache(second, new Map([["b", ["robotics", "agents"]]]));
    expect([...(await openTopicCache(workDir, taxonomy)).earlier.keys()]).toEqual(["b"]);
  });

  it("is not shared with another taxonomy", async () => {
    const workDir = await tempFolder("dpa-topics-");
    await saveTopicCache(await openTopicCache(workDir, taxonomy), new Map([["a", ["speech-audio"]]]));
    const edited = { ...taxonomy, min_score: taxonomy.min_score + 1 };
    expect((await openTopicCache(workDir, edited)).earlier.size).toBe(0);
  });

  it.each([
    ["not JSON", "{"],
    ["not entries", JSON.stringify({ a: 1 })],
    ["an entry without topics", JSON.stringify([["a", []]])],
  ])("ignores a file that is %s", async (_case, content) => {
    const workDir = await tempFolder("dpa-topics-");
    const cache = await openTopicCache(workDir, taxonomy);
    await fs.mkdir(path.dirname(cache.file), { recursive: true });
    await fs.writeFile(cache.file, content);
    expect((await openTopicCache(workDir, taxonomy)).earlier.size).toBe(0);
  });
});
