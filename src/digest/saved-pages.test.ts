/**
 * Saved Daily Papers pages as they really come: card chrome, organisation
 * cards, site navigation and footer, abstracts that wrap oddly. Every paper is
 * kept, chrome never becomes one, and what is truly ambiguous is refused with
 * its file and line.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../../test/paths.ts";
import { parseDigest } from "./parse-digest.ts";

const abstract = (words: string) =>
  `${words} ${"We evaluate on four benchmarks and release the code and the trained models. ".repeat(3)}`.trim();
const url = (id: string) => `https://huggingface.co/papers/${id}`;
/** One card as the card layout writes it, with `before` lines above the paper URL and `meta` below the title. */
const card = (id: string, title: string, body: string, options: { before?: string[]; meta?: string[]; submitter?: string } = {}) =>
  [
    "Submitted by",
    options.submitter ?? "akhaliq",
    "-",
    `[3 authors](${url(id)}#authors)`,
    ...(options.before ?? []),
    url(id),
    title,
    url(id),
    "·",
    ...(options.meta ?? ["Published on Aug 21, 2025", "12", "Upvote", "arXiv Page"]),
    "",
    body,
    "",
  ].join("\n");
const page = (...cards: string[]) => ["Daily Papers", "", "Aug 22", "", "Daily", "", "Weekly", "", "Monthly", "", ...cards].join("\n");

describe("a saved card-layout page with organisation cards", () => {
  const file = path.join(FIXTURES, "card", "2025-08-25.txt");
  const { digest, problems, warnings } = parseDigest(fs.readFileSync(file, "utf8"), file);

  it("keeps every paper and nothing from the site's navigation or footer", () => {
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(digest?.entries.map((entry) => entry.title)).toEqual([
      "Speculative Decoding with Draft Trees That Learn Their Own Shape",
      "Reward Models That Read the Rubric: Grounding Preference Scores in Written Criteria",
      "Tiny Recurrent Memory for Streaming Speech Recognition",
      "Physically Grounded Video World Models from Simulated Contact",
    ]);
  });

  it("reads the organisation card's name and link, and not its date as the paper's", () => {
    const [first, second, third] = digest!.entries;
    expect(first?.card).toMatchObject({
      organization: "Google",
      organizationUrl: "https://huggingface.co/google",
      publishedOn: "2025-08-23",
      arxivId: "2508.17001",
    });
    expect(second?.card).toMatchObject({
      organization: "Alibaba Qwen",
      organizationUrl: "https://huggingface.co/Qwen",
      publishedOn: "2025-08-22",
      comments: 3,
    });
    expect(third?.card.organization).toBeUndefined();
    expect(third?.card.organizationUrl).toBeUndefined();
  });

  it("keeps an abstract of two paragraphs whole, and one with a line that is just a date", () => {
    const [first, second] = digest!.entries;
    expect(first?.abstract).toMatch(
      /^Speculative decoding accelerates .* over fixed trees\. The policy costs under one percent .* three open model families\.$/,
    );
    expect(second?.abstract).toContain("three benchmarks released on Aug 21, 2025 improves agreement");
    expect(second?.card.upvotes).toBe(41);
    expect(second?.card.submitter).toBe("taesiri");
  });
});

describe("card layout, table of hard cases", () => {
  const cases: { name: string; text: string; titles: string[]; warned?: { line: number; message: RegExp }[] }[] = [
    {
      name: "an abstract in two paragraphs",
      text: page(
        card("2508.00001", "First Paper", `${abstract("One.")}\n\n${abstract("Two.")}`),
        card("2508.00002", "Second Paper", abstract("Three.")),
      ),
      titles: ["First Paper", "Second Paper"],
    },
    {
      name: "an abstract wrapped so one line is exactly a date",
      text: page(
        card("2508.00001", "First Paper", `${abstract("Released on")}\nAug 21, 2025\n${abstract("and more.")}`),
        card("2508.00002", "Second Paper", abstract("Three.")),
      ),
      titles: ["First Paper", "Second Paper"],
    },
    {
      name: "an abstract wrapped so one line is a bare number",
      text: page(
        card("2508.00001", "First Paper", `${abstract("We train")}\n42\n${abstract("models.")}`),
        card("2508.00002", "Second Paper", abstract("Three.")),
      ),
      titles: ["First Paper", "Second Paper"],
    },
    {
      name: "short abstracts in cards without paper URLs",
      text: [
        "Aug 22",
        "",
        ...["First Paper", "Second Paper", "Third Paper"].flatMap((title) => [
          "Submitted by",
          "akhaliq",
          "-",
          title,
          "·",
          "Published on Aug 21, 2025",
          "",
          `A short abstract of ${title}.`,
          "",
        ]),
      ].join("\n"),
      titles: ["First Paper", "Second Paper", "Third Paper"],
    },
    {
      name: "short abstracts in cards without paper URLs or dates",
      text: [
        "Aug 22",
        "",
        ...["First Paper", "Second Paper"].flatMap((title) => [
          "Submitted by",
          "akhaliq",
          "",
          title,
          "",
          `A short abstract of ${title}.`,
          "",
        ]),
      ].join("\n"),
      titles: ["First Paper", "Second Paper"],
    },
    {
      name: "unknown chrome between a card's links and its abstract",
      text: page(
        card("2508.00001", "First Paper", abstract("One."), { meta: ["Published on Aug 21, 2025", "Open in Colab", "arXiv Page"] }),
      ),
      titles: ["First Paper"],
      warned: [{ line: 20, message: /skipped "Open in Colab": not a title, an abstract or card chrome/ }],
    },
    {
      name: "unknown chrome alone on a line before the abstract",
      text: page(
        card("2508.00001", "First Paper", abstract("One."), { meta: ["Published on Aug 21, 2025", "arXiv Page", "", "Watch the video"] }),
      ),
      titles: ["First Paper"],
      warned: [{ line: 22, message: /skipped "Watch the video": not a title, an abstract or card chrome/ }],
    },
    {
      name: "unknown chrome after the last abstract",
      text: `${page(card("2508.00001", "First Paper", abstract("One.")))}\nSee all papers\n`,
      titles: ["First Paper"],
      warned: [{ line: 26, message: /skipped "See all papers"/ }],
    },
    {
      name: "an organisation card after the previous abstract",
      text: page(
        card("2508.00001", "First Paper", abstract("One.")),
        " Meta\nhttps://huggingface.co/facebook\n·\nAug 20, 2025\n",
        card("2508.00002", "Second Paper", abstract("Two.")),
      ),
      titles: ["First Paper", "Second Paper"],
    },
    {
      name: "a title of 350 characters between the paper URLs",
      text: page(card("2508.00001", `A ${"very ".repeat(68)}Long Title`, abstract("One."))),
      titles: [`A ${"very ".repeat(68)}Long Title`],
    },
  ];

  it.each(cases)("$name", ({ text, titles, warned = [] }) => {
    const { digest, problems, warnings } = parseDigest(text, "2025-08-22.txt");
    expect(problems).toEqual([]);
    expect(digest?.entries.map((entry) => entry.title)).toEqual(titles);
    for (const entry of digest!.entries) expect(entry.abstract.length).toBeGreaterThan(20);
    expect(warnings.map(({ line, message }) => ({ line, message }))).toEqual(
      warned.map(({ line, message }) => ({ line, message: expect.stringMatching(message) })),
    );
  });

  it("gives each card its own arXiv id, upvotes and submitter when an abstract has two paragraphs", () => {
    const text = page(
      card("2508.00001", "First Paper", `${abstract("One.")}\n\n${abstract("Two.")}`, { submitter: "first" }),
      card("2508.00002", "Second Paper", abstract("Three."), {
        submitter: "second",
        meta: ["Published on Aug 22, 2025", "7", "Upvote", "arXiv Page"],
      }),
    );
    const entries = parseDigest(text, "2025-08-22.txt").digest!.entries;
    expect(entries.map((entry) => [entry.card.arxivId, entry.card.submitter, entry.card.upvotes])).toEqual([
      ["2508.00001", "first", 12],
      ["2508.00002", "second", 7],
    ]);
  });

  it("refuses one arXiv id given to two different titles, naming both lines", () => {
    const text = page(card("2508.00001", "First Paper", abstract("One.")), card("2508.00001", "Another Paper Entirely", abstract("Two.")));
    const { digest, problems } = parseDigest(text, "2025-08-22.txt");
    expect(digest).toBeUndefined();
    expect(problems).toEqual([
      {
        file: "2025-08-22.txt",
        line: 31,
        message: expect.stringMatching(
          /arXiv 2508\.00001 is also the id of "First Paper" \(line 16\), but this entry's title is "Another Paper Entirely"/,
        ),
      },
    ]);
  });

  it("lets the same paper appear twice under one id (the build shows it once)", () => {
    const text = page(card("2508.00001", "First Paper", abstract("One.")), card("2508.00001", "First paper", abstract("One.")));
    expect(parseDigest(text, "2025-08-22.txt").problems).toEqual([]);
  });
});

describe("plain layout with the page's chrome", () => {
  const body = (title: string) => [title, "", abstract(`The abstract of ${title}.`), ""];
  const footer = [
    "System theme",
    "Company",
    "TOS",
    "Privacy",
    "About",
    "Jobs",
    "Website",
    "Models",
    "Datasets",
    "Spaces",
    "Pricing",
    "Docs",
  ];

  it.each([
    [
      "the Daily/Weekly/Monthly tabs and the site footer",
      [
        "Daily Papers",
        "",
        "Aug 22",
        "",
        "Daily",
        "",
        "Weekly",
        "",
        "Monthly",
        "",
        ...body("A Paper"),
        ...footer.flatMap((line) => [line, ""]),
      ],
    ],
    [
      "the site's navigation above the date line",
      [
        "Hugging Face",
        "",
        "Models",
        "",
        "Datasets",
        "",
        "Spaces",
        "",
        "Pricing",
        "",
        "Log In",
        "",
        "Sign Up",
        "",
        "Aug 22",
        "",
        ...body("A Paper"),
      ],
    ],
  ])("never takes %s for papers", (_name, lines) => {
    const { digest, problems } = parseDigest(lines.join("\n"), "2025-08-22.txt");
    expect(problems).toEqual([]);
    expect(digest?.entries.map((entry) => entry.title)).toEqual(["A Paper"]);
  });

  it("skips unknown short lines above the date line with a warning naming each", () => {
    const { digest, warnings } = parseDigest(
      ["Hugging Face", "", "Careers at HF", "", "Aug 22", "", ...body("A Paper")].join("\n"),
      "2025-08-22.txt",
    );
    expect(digest?.entries.map((entry) => entry.title)).toEqual(["A Paper"]);
    expect(warnings).toEqual([
      { file: "2025-08-22.txt", line: 3, message: expect.stringMatching(/skipped "Careers at HF" above the date line/) },
    ]);
  });
});

describe("long titles", () => {
  const longTitle = `Towards ${"Scalable, Robust and Efficient ".repeat(11)}Learning (NeurIPS 2025 Spotlight)`;
  const plainDay = (title: string) => ["Aug 22", "", title, "", abstract("An abstract."), ""].join("\n");

  it("reads a title of over 300 characters followed by its abstract as a title", () => {
    expect(longTitle.length).toBeGreaterThan(340);
    const { digest, problems } = parseDigest(plainDay(longTitle), "2025-08-22.txt");
    expect(problems).toEqual([]);
    expect(digest?.entries[0]?.title).toBe(longTitle);
  });

  it("still refuses a long paragraph of prose in a title's place", () => {
    const prose = "This paragraph has sentences. It reads as an abstract. ".repeat(7);
    const { problems } = parseDigest(["Aug 22", "", prose, "", abstract("An abstract."), ""].join("\n"), "2025-08-22.txt");
    expect(problems[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(/expected a title but found a paragraph of \d+ characters/),
    });
  });
});

describe("characters that are not text", () => {
  it("removes control characters (a terminal escape in a title) with a warning naming the line", () => {
    const text = ["Aug 22", "", "A \u001b[31mRed\u001b[0m Title\u0007", "", abstract("An abstract."), ""].join("\n");
    const { digest, warnings } = parseDigest(text, "2025-08-22.txt");
    expect(digest?.entries[0]?.title).toBe("A [31mRed[0m Title");
    expect(warnings).toEqual([{ file: "2025-08-22.txt", line: 3, message: "removed 3 control characters, which are not text" }]);
  });
});
