import { describe, expect, it } from "vitest";
import { averagePrecision, figures, precisionAt, reciprocalRank } from "~/cli/ranking-metrics";

const judged = (ranking: string[], relevant: string[]) => ({ ranking, relevant: new Set(relevant) });

describe("ranking measures, as the SemEval scorer computes them", () => {
  it("average precision: mean of P@k at each relevant rank, over all relevant ids", () => {
    expect(averagePrecision(judged(["a", "b", "c", "d"], ["a", "c"]))).toBeCloseTo((1 / 1 + 2 / 3) / 2);
    expect(averagePrecision(judged(["x", "a"], ["a", "b"]))).toBeCloseTo(1 / 2 / 2);
    expect(averagePrecision(judged(["x"], []))).toBe(0);
  });

  it("reciprocal rank and precision at k", () => {
    expect(reciprocalRank(judged(["x", "y", "a"], ["a"]))).toBeCloseTo(1 / 3);
    expect(reciprocalRank(judged(["x"], ["a"]))).toBe(0);
    expect(precisionAt(5, judged(["a", "x", "b"], ["a", "b"]))).toBeCloseTo(2 / 5);
    expect(precisionAt(1, judged(["a"], ["a"]))).toBe(1);
  });

  it("skips queries without a relevant id, or counts them 0 (official)", () => {
    const runs = [judged(["a", "b"], ["a"]), judged(["c"], [])];
    expect(figures(runs, "skip")).toMatchObject({ queries: 1, map: 100, mrr: 100, p1: 100 });
    expect(figures(runs, "official")).toMatchObject({ queries: 2, map: 50, mrr: 50, p1: 50 });
  });
});
