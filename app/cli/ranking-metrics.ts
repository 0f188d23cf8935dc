// Ranking quality measures for `npm run eval:similar`, as SemEval-2016 Task 3 computes them.
// Pure functions over ids, so any scorer can check the figures from the --run file.

export interface Judged {
  /** The ranked ids, best first. */
  ranking: string[];
  /** The ids a person judged to be the same question. */
  relevant: ReadonlySet<string>;
}

/** Average precision: the mean of P@k over the ranks k where a relevant id sits, out of all relevant ids. */
export function averagePrecision({ ranking, relevant }: Judged): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranking.forEach((id, index) => {
    if (relevant.has(id)) {
      hits++;
      sum += hits / (index + 1);
    }
  });
  return sum / relevant.size;
}

export function reciprocalRank({ ranking, relevant }: Judged): number {
  const index = ranking.findIndex((id) => relevant.has(id));
  return index === -1 ? 0 : 1 / (index + 1);
}

/** The fraction of the first k results that are relevant (out of k, as the SemEval scorer counts). */
export function precisionAt(k: number, { ranking, relevant }: Judged): number {
  return ranking.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

export interface Figures {
  queries: number;
  map: number;
  mrr: number;
  p1: number;
  p5: number;
}

/**
 * Means over queries, in percent. `official`: a query with no relevant id counts 0 (the SemEval
 * scorer); otherwise ("skip") such queries are left out, as the corpus format's README says.
 */
export function figures(judged: Judged[], convention: "skip" | "official"): Figures {
  const counted = convention === "skip" ? judged.filter((item) => item.relevant.size > 0) : judged;
  const mean = (measure: (item: Judged) => number) =>
    counted.length === 0 ? 0 : (100 * counted.reduce((total, item) => total + measure(item), 0)) / counted.length;
  return {
    queries: counted.length,
    map: mean(averagePrecision),
    mrr: mean(reciprocalRank),
    p1: mean((item) => precisionAt(1, item)),
    p5: mean((item) => precisionAt(5, item)),
  };
}
