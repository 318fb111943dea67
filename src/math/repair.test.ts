import { describe, expect, test } from "vitest";
import { digestTextHasMath, digestTextToMarkdown } from "./digest-text.ts";
import { repairMath } from "./repair.ts";

/** The TeX of every formula the repair pass found, in order. */
function formulas(text: string): string[] {
  return repairMath(text).flatMap((segment) => (segment.kind === "math" ? [segment.tex] : []));
}

/**
 * Fragments copied from content/digests/2025-08-20.txt, with the TeX each
 * formula should come back as. The fragment includes prose around the math
 * so the span boundaries are tested too.
 */
const SAMPLE_FRAGMENTS: Array<[fragment: string, tex: string[]]> = [
  ["a single embedding x in R^d per data-point", ["x \\in R^d"]],
  ["give high-quality epsilon-approximations, thus", ["\\epsilon"]],
  ["estimating ell_2 and ell_infty Lipschitz bounds", ["\\ell_2", "\\ell_\\infty"]],
  ["using O(dm^2) precomputation, O(dm) cost for computing", ["O(dm^2)", "O(dm)"]],
  ["with cost O(dm + m^2) for computing the IHVP and O(dm + m^3) for adding", ["O(dm + m^2)", "O(dm + m^3)"]],
  ["Sharper Bounds for ell_p Sensitivity Sampling", ["\\ell_p"]],
  ["the total sensitivity mathfrak S in remarkably general settings", ["\\mathfrak S"]],
  ["this general bound of mathfrak S d are known", ["\\mathfrak S d"]],
  ["subspace embeddings for pneq 2 that improve", ["p\\neq 2"]],
  [
    "a bound of roughly mathfrak S^{2/p} for 1leq p<2 and mathfrak S^{2-2/p} for 2<p<infty.",
    ["\\mathfrak S^{2/p}", "1\\leq p<2", "\\mathfrak S^{2-2/p}", "2<p<\\infty"],
  ],
  ["roughly d^{2/p}mathfrak S^{2-4/p} for 2<p<infty.", ["d^{2/p}\\mathfrak S^{2-4/p}", "2<p<\\infty"]],
  ["where I(cdot;cdot) refers to the mutual information", ["I(\\cdot;\\cdot)"]],
  ["a given m-dimensional space V_m, associated with some feature map varphi, using", ["V_m", "\\varphi"]],
  ["at random points x_1,dots,x_n. After recalling", ["x_1,\\dots,x_n"]],
  ["the selected features varphi(x_i).", ["\\varphi(x_i)"]],
  ["a number of samples n = O(mlog(m)), that means", ["n = O(m\\log(m))"]],
  ["functions from L^infty or reproducing kernel", ["L^\\infty"]],
  ["which involve mgg 1 lower level problems", ["m\\gg 1"]],
  ["three n times d size matrices Q, K, V", ["n \\times d"]],
  [
    "a new n times d size matrix D^{-1} exp(QK^top) V where D = diag( exp(QK^top) {bf 1}_n ).",
    ["n \\times d", "D^{-1} \\exp(QK^\\top) V", "D = \\operatorname{diag}( \\exp(QK^\\top) \\mathbf{1}_n )"],
  ],
  ["bounded above by o(sqrt[3]{log n}) then we show", ["o(\\sqrt[3]{\\log n})"]],
  ["the ``tensor-type'' attention matrix in n^{1+o(1)} time.", ["n^{1+o(1)}"]],
  ["may be as large as Omega(sqrt[3]{log n}), then", ["\\Omega(\\sqrt[3]{\\log n})"]],
  ["with penalty parameter sigma > 0. In particular", ["\\sigma > 0"]],
  ["the two must be O(sigma)-close.", ["O(\\sigma)"]],
  ["by optimizing the penalty formulation with sigma = O(epsilon). When", ["\\sigma = O(\\epsilon)"]],
  ["using in total O(epsilon^{-3}) and O(epsilon^{-7}) accesses", ["O(\\epsilon^{-3})", "O(\\epsilon^{-7})"]],
  ["the latest alpha,!beta-CROWN, the winner", ["\\alpha,\\!\\beta"]],
  ["Our findings show that sub-O(n) memory methods suffer", ["O(n)"]],
  ["a solver whose parameter omega has a strong impact", ["\\omega"]],
  ["Given a matrix Min R^{mtimes n}, the low rank", ["M\\in R^{m\\times n}"]],
  [
    "approximation of M as UV^top for Uin R^{mtimes k} and Vin R^{ntimes k} by only",
    ["UV^\\top", "U\\in R^{m\\times k}", "V\\in R^{n\\times k}"],
  ],
  ["a set of entries Omegasubseteq [m]times [n]. In particular", ["\\Omega\\subseteq [m]\\times [n]"]],
  ["our algorithm runs in time widetilde O(|Omega| k), which", ["\\widetilde O(|\\Omega| k)"]],
  ["is of order mathcal O(K^{2/3}) (omitting all other", ["\\mathcal O(K^{2/3})"]],
  ["improve the regret to mathcal O(sqrt K) in the same setting", ["\\mathcal O(\\sqrt K)"]],
  ["under the standard Word-RAM model with Theta(log n)-bit words.", ["\\Theta(\\log n)"]],
  ["with a slightly higher O(nm(log mloglog m)^{1/4}) running time", ["O(nm(\\log m\\log\\log m)^{1/4})"]],
  ["with running time Obig(n+nk{m}big), removing", ["O\\big(n+nk{m}\\big)"]],
  ["For the (1+epsilon)-approximate version", ["1+\\epsilon"]],
  ["The classical query lower bounds is Omegabig(epsilon^{-1+p{p}}big) regarding", ["\\Omega\\big(\\epsilon^{-1+p{p} }\\big)"]],
  ["Given a matrix Ain R^{ntimes d} and a vector bin R^n, we consider", ["A\\in R^{n\\times d}", "b\\in R^n"]],
  ["finding a vector x'in R^d such that", ["x'\\in R^d"]],
  [
    "such that |x'-x^*|_infty leq epsilon{d}cdot |Ax^*-b|_2cdot |A^dagger| where",
    ["|x'-x^*|_\\infty \\leq \\epsilon{d}\\cdot |Ax^*-b|_2\\cdot |A^\\dagger|"],
  ],
  ["where x^*=argmin_{xin R^d}|Ax-b|_2. One popular", ["x^*=\\operatorname{argmin}_{x\\in R^d}|Ax-b|_2"]],
  ["picking a structured random matrix Sin R^{mtimes n} with mll n and SA can", ["S\\in R^{m\\times n}", "m\\ll n"]],
  ["with m=epsilon^{-2}dlog^3(n/delta) such that", ["m=\\epsilon^{-2}d\\log^3(n/\\delta)"]],
  ["with probability at least 1-delta. Moreover", ["1-\\delta"]],
  ["can be computed in time O(ndlog n). Our row count", ["O(nd\\log n)"]],
  ["for gamma=Theta(frac{loglog n{log d}}) is required.", ["\\gamma=\\Theta(\\frac{\\log\\log n}{\\log d})"]],
  ["have time complexity O (log(D) cdot |p|), where a naive", ["O (\\log(D) \\cdot |p|)"]],
  ["our algorithm requires mathcal{O}(1/epsilon^4) iterations", ["\\mathcal{O}(1/\\epsilon^4)"]],
  ["with a 1{2} -epsilon approximation ratio", ["\\frac{1}{2} -\\epsilon"]],
  ["bounded by poly(log(n),log(k),epsilon^{-1}).", ["\\operatorname{poly}(\\log(n),\\log(k),\\epsilon^{-1})"]],
  ["maintains a (1{2}-epsilon)-approximate solution", ["\\frac{1}{2}-\\epsilon"]],
  ["the previous best regret upper bound is still O(K^{1/3} T^{2/3}log^{1/3}(T)), which", ["O(K^{1/3} T^{2/3}\\log^{1/3}(T))"]],
  ["finding an varepsilon-best arm", ["\\varepsilon"]],
  ["an algorithm with O(log^{*}(n))-memory with the optimal", ["O(\\log^{*}(n))"]],
  ["a regret lower bound of Omega(T^{2/3}) has been proved for any algorithm with o(K) memory", ["\\Omega(T^{2/3})", "o(K)"]],
  [
    "an iteration complexity of O(mepsilon^{-3I(I<m)}{II} + mepsilon^{-3}{IB}) for finding",
    ["O(m\\epsilon^{-3I(I<m)}{II} + m\\epsilon^{-3}{IB})"],
  ],
];

describe("repairMath on fragments of the sample digest", () => {
  test("the table is large enough to mean something", () => {
    expect(SAMPLE_FRAGMENTS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(SAMPLE_FRAGMENTS)("%s", (fragment, expected) => {
    expect(formulas(fragment)).toEqual(expected);
  });
});

describe("segments", () => {
  test("text, math and emphasis come out in order, without losing the prose around them", () => {
    expect(repairMath("we find that FDEs need 2-5times fewer and x in R^d is {it misaligned} now")).toEqual([
      { kind: "text", text: "we find that FDEs need 2-5× fewer and " },
      { kind: "math", tex: "x \\in R^d", origin: "repaired" },
      { kind: "text", text: " is " },
      { kind: "emphasis", text: "misaligned" },
      { kind: "text", text: " now" },
    ]);
  });

  test("existing $...$ math is kept as math", () => {
    expect(repairMath("a bound $O(\\sqrt{T})$ holds")).toEqual([
      { kind: "text", text: "a bound " },
      { kind: "math", tex: "O(\\sqrt{T})", origin: "delimited" },
      { kind: "text", text: " holds" },
    ]);
  });

  test("$$...$$ is kept as (inline) math", () => {
    expect(formulas("so $$x^2$$ holds")).toEqual(["x^2"]);
  });

  test("a delimited formula KaTeX rejects stays text, dollars included", () => {
    expect(repairMath("see $\\frac{1}$ here")).toEqual([{ kind: "text", text: "see $\\frac{1}$ here" }]);
  });

  test("a repaired span KaTeX rejects stays text", () => {
    // `mathfrak` with nothing after it has no argument.
    expect(repairMath("the mathfrak.")).toEqual([{ kind: "text", text: "the mathfrak." }]);
  });

  test("a closing dollar followed by a digit is not a formula (Pandoc's rule), so `$x$2` stays text", () => {
    expect(repairMath("so $x$2 holds")).toEqual([{ kind: "text", text: "so $x$2 holds" }]);
    expect(repairMath("so $x^2$ 2")).toEqual([
      { kind: "text", text: "so " },
      { kind: "math", tex: "x^2", origin: "delimited" },
      { kind: "text", text: " 2" },
    ]);
  });

  test("template syntax never appears inside a formula", () => {
    const [formula] = formulas("$x^{{2}}$ and $a_{#}$");
    expect(formula).toBe("x^{ {2} }");
  });

  test("whitespace, newlines included, collapses to single spaces", () => {
    expect(digestTextToMarkdown("first line\n  second\tline")).toBe("first line second line");
  });

  test("results are frozen", () => {
    const first = repairMath("a bound of Omega(T^{2/3}) holds");
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.every((segment) => Object.isFrozen(segment))).toBe(true);
  });
});

describe("digestTextHasMath", () => {
  test.each([
    ["Sharper Bounds for ell_p Sensitivity Sampling", true],
    ["a bound $x$ here", true],
    ["retrieving 2-5times fewer candidates", false],
    ['a na\\"ive approach that is {it misaligned}', false],
    ["Scaling Laws for Floating Point Quantization Training", false],
    ["see $\\frac{1}$ here", false],
  ])("%s → %s", (text, expected) => {
    expect(digestTextHasMath(text)).toBe(expected);
  });
});
