import { describe, expect, test } from "vitest";
import { digestTextToPlainText } from "./digest-text.ts";
import { texToUnicode } from "./tex-to-unicode.ts";

describe("digestTextToPlainText", () => {
  test.each([
    ["Sharper Bounds for ell_p Sensitivity Sampling", "Sharper Bounds for ℓp Sensitivity Sampling"],
    ["high-quality epsilon-approximations", "high-quality ε-approximations"],
    ["a single embedding x in R^d per data-point", "a single embedding x ∈ R^d per data-point"],
    ["retrieving 2-5times fewer candidates", "retrieving 2-5× fewer candidates"],
    ["NeuPIMs achieves 3times, 2.4times and 1.6times throughput", "NeuPIMs achieves 3×, 2.4× and 1.6× throughput"],
    ["up to 2.4\\times speedup", "up to 2.4× speedup"],
    ['a na\\"ive NPU+PIM integrated approach', "a naïve NPU+PIM integrated approach"],
    ["[Gawrychowski and Uzna\\'{n}ski, ICALP 2018]", "[Gawrychowski and Uznański, ICALP 2018]"],
    ["can be {it misaligned} with pass@N", "can be misaligned with pass@N"],
    ["in a fully {\\it single-loop} manner", "in a fully single-loop manner"],
    ["Lion (Evo\\textbf{Lved Sign Momentum})", "Lion (EvoLved Sign Momentum)"],
    ["low-sparsity regions (sim50\\%).", "low-sparsity regions (~50%)."],
    ["regions (>80\\%). It is 30\\% faster", "regions (>80%). It is 30% faster"],
    ["for ell_2 and ell_infty", "for ℓ2 and ℓ∞"],
    ["requires mathcal{O}(1/epsilon^4) iterations", "requires O(1/ε^4) iterations"],
    ["is O(K^{1/3} T^{2/3}log^{1/3}(T)), which", "is O(K^(1/3) T^(2/3) log^(1/3)(T)), which"],
    ["a lower bound of Omega(epsilon^{-4})", "a lower bound of Ω(ε^(-4))"],
    ["finding an varepsilon-best arm", "finding an ε-best arm"],
    ["runs in time widetilde O(|Omega| k), which", "runs in time Õ(|Ω| k), which"],
    ["as UV^top for", "as UV^⊤ for"],
    ["bounded above by o(sqrt[3]{log n}) then", "bounded above by o(∛(log n)) then"],
    ["latest alpha,!beta-CROWN, the winner", "latest α,β-CROWN, the winner"],
    ["for pneq 2 that", "for p ≠ 2 that"],
    ["with mgg 1 lower level problems", "with m ≫ 1 lower level problems"],
    ["where I(cdot;cdot) refers", "where I(·;·) refers"],
    ["points x_1,dots,x_n. After", "points x1,…,xn. After"],
    ["with a 1{2} -epsilon approximation ratio", "with a 1/2 -ε approximation ratio"],
    ["for gamma=Theta(frac{loglog n{log d}}) is required", "for γ=Θ((log log n)/(log d)) is required"],
    ["samples n = O(mlog(m)), that", "samples n = O(m log(m)), that"],
    ["computations: bullet On the positive side", "computations: • On the positive side"],
    ["an existing formula $\\mathbb{R}^n \\to \\mathbb{R}$ here", "an existing formula ℝ^n → ℝ here"],
    ["prices like $5 and $10", "prices like $5 and $10"],
  ])("%s", (text, plain) => {
    expect(digestTextToPlainText(text)).toBe(plain);
  });
});

describe("texToUnicode", () => {
  test.each([
    ["\\frac{a}{b}", "a/b"],
    ["\\frac{1+p}{p}", "(1+p)/p"],
    ["\\sqrt{x}", "√x"],
    ["\\sqrt{x+1}", "√(x+1)"],
    ["\\mathbb{R}^{m\\times n}", "ℝ^(m×n)"],
    ["\\mathfrak S^{2/p}", "S^(2/p)"],
    ["|Ax-b|_2", "|Ax-b|_2"],
    ["\\operatorname*{argmin}_{x}", "argminx"],
    ["\\unknowncommand{x}", "unknowncommandx"],
    ["a\\,b\\!c\\quad d", "abc d"],
    ["\\{x\\}\\%", "{x}%"],
  ])("%s → %s", (tex, plain) => {
    expect(texToUnicode(tex)).toBe(plain);
  });

  test("deep nesting does not overflow", () => {
    const nested = `${"{".repeat(5000)}x${"}".repeat(5000)}`;
    expect(texToUnicode(nested)).toBe("x");
  });
});
