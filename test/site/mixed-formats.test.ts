import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runBuildCli } from "../build-cli.ts";
import { FIXTURES, SAMPLE_DIGEST } from "../paths.ts";
import { listFiles, readPage, text } from "./read-site.ts";

const root = path.join(inject("workRoot"), "mixed-formats");
const site = path.join(root, "_site");
const muvera = "/papers/muvera-multi-vector-retrieval-via-fixed-dimensional-encodings/";

/** The sample text digest (Aug 20) beside a Hugging Face JSON digest (Aug 23) that repeats one of its papers. */
beforeAll(async () => {
  const digests = path.join(root, "digests");
  fs.mkdirSync(digests, { recursive: true });
  fs.copyFileSync(SAMPLE_DIGEST, path.join(digests, "2025-08-20.txt"));
  fs.copyFileSync(path.join(FIXTURES, "hf-json", "2025-08-23.json"), path.join(digests, "2025-08-23.json"));
  const result = await runBuildCli([
    "--input",
    digests,
    "--output",
    site,
    "--work-dir",
    path.join(root, "work"),
    "--site-url",
    "https://papers.example.org",
  ]);
  if (result.code !== 0) throw new Error(`building the mixed-formats site failed:\n${result.stdout}\n${result.stderr}`);
  expect(result.stdout).toMatch(/\[parse\] 2 digests, 70 entries/);
});

describe("a site built from text and JSON digests", () => {
  it("has a page for each paper, counting the one in both formats once", () => {
    expect(listFiles(site).filter((file) => /^papers\/[^/]+\/index\.html$/.test(file))).toHaveLength(67 + 2);
    expect(fs.existsSync(path.join(site, "2025", "08", "23", "index.html"))).toBe(true);
  });

  it("makes the paper in both formats one page listing both days", () => {
    const page = readPage(site, muvera);
    expect(text(page.querySelector("h1"))).toBe("MUVERA: Multi-Vector Retrieval via Fixed Dimensional Encodings");
    const days = page.querySelectorAll(".facts .inline-list a").map((link) => link.getAttribute("href"));
    expect(days).toEqual(
      ["/2025/08/20/", "/2025/08/23/"].map((day) => `${day}#muvera-multi-vector-retrieval-via-fixed-dimensional-encodings`),
    );
  });

  it("shows the authors and links the arXiv abstract and PDF, which only the JSON had", () => {
    const page = readPage(site, muvera);
    expect(text(page.querySelector(".paper__authors"))).toBe("Laxman Dhulipala, Majid Hadian, Rajesh Jayaram, Jason Lee, Vahab Mirrokni");
    const hrefs = page.querySelectorAll(".paper__links a").map((link) => link.getAttribute("href"));
    expect(hrefs).toContain("https://arxiv.org/abs/2405.19504");
    expect(hrefs).toContain("https://arxiv.org/pdf/2405.19504");
  });

  it("shows what the JSON says about a paper only it has", () => {
    const page = readPage(site, "/papers/sparse-mixture-of-depths-routing-for-long-horizon-agents/");
    expect(text(page.querySelector(".paper__authors"))).toBe("Mira Okafor, Tomás Lindqvist, Priya Raman");
    const facts = Object.fromEntries(page.querySelectorAll(".facts dt").map((term) => [text(term), text(term.nextElementSibling)]));
    expect(facts).toMatchObject({ Published: "August 21, 2025", "GitHub stars": "312", "Submitted by": "akhaliq" });
    expect(text(page.querySelector(".paper__org"))).toBe("Example AI Lab");
    // The counts were taken no earlier than the newest timestamp in the API's answer.
    expect(page.querySelectorAll(".paper__counts > span").map(text)).toEqual(["58 upvotes", "4 comments", "as of Aug 23, 2025"]);
  });
});
