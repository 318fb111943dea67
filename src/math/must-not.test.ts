import { describe, expect, test } from "vitest";
import { escapeMarkdown } from "../markdown/escape-markdown.ts";
import { digestTextHasMath, digestTextToMarkdown, digestTextToPlainText } from "./digest-text.ts";

/**
 * Ordinary English (and code, URLs, acronyms) that looks a little like lost
 * TeX. Each must come through untouched: the markdown is exactly the escaped
 * input and the plain text is the input. Most are quoted from the sample.
 */
const UNTOUCHED: string[] = [
  "our PC-based (de)compression algorithm runs 5-40 times faster than neural compression",
  "instead of using projected gradient ascent multiple times.",
  "It will facilitate research in this area",
  "In this paper, we introduce MUVERA",
  "a retrieval mechanism which reduces multi-vector similarity search to single-vector similarity search.",
  "up to logarithmic factors, or a logarithm factor in T.",
  "a simple test-time strategy that searches for a correct answer",
  "the times between arrivals and the time it takes",
  "operating on top of an MIP solver",
  "achieves 25.1% top-1 (7.8% top-5) error",
  "top-k retrieval and top-p sampling",
  "Sim2Real transfer and sim2real gaps",
  "Mixed Integer Linear Programming (MILP) and LLM.int8() with NVIDIA CUDA",
  "available at https://github.com/wqzustc/High-Performance-Tensor-Processing-Engines",
  "The dataset is publicly available at https://sites.google.com/usc.edu/distributional-miplib/home.",
  "at https://github.com/abhibambhaniya/progressive_gradient_flow_nm_sparsity.",
  "openly accessible https://anonymous.4open.science/r/TangleNAS-527C{here}",
  "We present ABC-RL, a meticulously tuned alpha parameter that adeptly adjusts",
  "the beta version of the tool, gamma rays, AWS Lambda and delta debugging",
  "alpha-beta pruning and beta-VAE models",
  "the Omega-3 study, omega-3 fatty acids and Six Sigma processes",
  "Jin et al. [ICML'21] and Lin et al. and Min et al.",
  "all 3 models win 2 of 5 and gain in R&D",
  "an egg, a well, a cell and a bell",
  "the max_new_tokens and top_k settings, and min_p sampling",
  "Our SpGEMM kernel can achieve 9.4x speedup",
  "leading to ~20% overheads and >50% performance loss",
  "by 2.97~25.22x and the energy efficiency by 1.36~3.58x",
  "Jain, Netrapalli and Sanghavi~jns13 showed that if M has incoherent rows",
  "with K arms and T trials",
  "the Q-function of any policy, with o of K, and the k-adaptability algorithm",
  "a 175B parameter 16/32-bit checkpoint and 1.93% (1.98+/-0.07) validation error",
  "mutual information I(x;t) between them",
  "an N:M sparse ratio of 2:8 with rank-k updates",
  "MS-COCO (1.3% for R-FCN and 1.1% for Faster-RCNN)",
  "a time-series task and p-th order derivatives, i.e., 1-Lipschitz maps",
  "The evaluation is conducted on 8 long-context LLMs. https://aka.ms/SCBench.",
  "as a part of XNNPACK library at GitHub.com/google/XNNPACK.",
  "%However, the macro structure of such spaces poses challenges.",
  "a bullet point list and bullet train",
  "it is in the set, and it lies in a ball",
  "so I in turn, and A in B",
];

describe("ordinary text is never repaired", () => {
  test.each(UNTOUCHED)("%s", (text) => {
    expect(digestTextToMarkdown(text)).toBe(escapeMarkdown(text));
    expect(digestTextToPlainText(text)).toBe(text);
    expect(digestTextHasMath(text)).toBe(false);
  });
});

describe("next to a repair, the surrounding words stay words", () => {
  test.each([
    ["the log-barrier regularizer with O(n) memory", "the log\\-barrier regularizer with $O(n)$ memory"],
    ["vectors x in R^d lie in the span", "vectors $x \\in R^d$ lie in the span"],
    ["which lies in R^d per point", "which lies in $R^d$ per point"],
    ["top-k items in time O(k log n).", "top\\-k items in time $O(k \\log n)$\\."],
    ["similar to epsilon-greedy exploration", "similar to $\\epsilon$\\-greedy exploration"],
    ["It runs in O(1) time", "It runs in $O(1)$ time"],
  ])("%s", (text, markdown) => {
    expect(digestTextToMarkdown(text)).toBe(markdown);
  });
});
