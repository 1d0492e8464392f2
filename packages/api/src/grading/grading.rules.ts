// Grading (档位) rules of domain.md §2: a 100-point score from a period's orders, ranking, and a cut into
// 30 grades by the share table. Pure functions: the SQL that gathers each retailer's totals feeds them.

export type GradingInput = {
  retailerId: number;
  /** 条 ordered in the period */
  volume: number;
  /** fen ordered in the period */
  amountFen: number;
  distinctProducts: number;
  /** 条 of class-1 and class-2 products (一类、二类: "class 2 and above") */
  premiumVolume: number;
};

export type ScoreComponents = { volumeScore: number; amountScore: number; varietyScore: number; classShareScore: number };
export type ScoredRetailer = GradingInput & ScoreComponents & { score: number };

/** Points of each component out of 100 (setting grading.scoreWeights). */
export type ScoreWeights = { volume: number; amount: number; variety: number; classShare: number };

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Volume and amount score against the best peer (the best gets full marks); variety against the average
 * number of distinct products (the average earns 2.5 of 5, capped at 5); class share as the share of
 * premium volume (100 % earns 5).
 */
export function scoreRetailers(inputs: readonly GradingInput[], weights: ScoreWeights): ScoredRetailer[] {
  const maxVolume = Math.max(0, ...inputs.map((i) => i.volume));
  const maxAmount = Math.max(0, ...inputs.map((i) => i.amountFen));
  const meanVariety = inputs.length ? inputs.reduce((s, i) => s + i.distinctProducts, 0) / inputs.length : 0;
  return inputs.map((input) => {
    const volumeScore = maxVolume ? (input.volume / maxVolume) * weights.volume : 0;
    const amountScore = maxAmount ? (input.amountFen / maxAmount) * weights.amount : 0;
    const varietyScore = meanVariety ? Math.min(weights.variety, (input.distinctProducts / meanVariety) * (weights.variety / 2)) : 0;
    const classShareScore = input.volume ? Math.min(weights.classShare, (input.premiumVolume / input.volume) * weights.classShare) : 0;
    const components = {
      volumeScore: round3(volumeScore),
      amountScore: round3(amountScore),
      varietyScore: round3(varietyScore),
      classShareScore: round3(classShareScore),
    };
    const score = round3(components.volumeScore + components.amountScore + components.varietyScore + components.classShareScore);
    return { ...input, ...components, score };
  });
}

export type GradedRetailer = ScoredRetailer & { grade: number; rank: number };

/**
 * Ranks by score (ties broken by volume, then id, so the result is stable) and cuts the ranking into grades:
 * the share table gives the percentage of retailers in grade 1 … 30; grade 30 takes the top of the ranking.
 */
export function assignGrades(scored: readonly ScoredRetailer[], shareTable: readonly number[]): GradedRetailer[] {
  if (shareTable.length !== 30) throw new Error('The share table needs 30 shares');
  const ranked = [...scored].sort((a, b) => b.score - a.score || b.volume - a.volume || a.retailerId - b.retailerId);
  const total = ranked.length;
  const totalShare = shareTable.reduce((s, x) => s + x, 0);
  // Cumulative cut-offs from the top grade down, rounded so every retailer gets exactly one grade.
  const counts: number[] = [];
  let assigned = 0;
  let cumulative = 0;
  for (let grade = 30; grade >= 1; grade -= 1) {
    cumulative += shareTable[grade - 1] ?? 0;
    const upTo = grade === 1 ? total : Math.round((cumulative / totalShare) * total);
    counts.push(upTo - assigned);
    assigned = upTo;
  }
  const out: GradedRetailer[] = [];
  let index = 0;
  counts.forEach((count, i) => {
    const grade = 30 - i;
    for (let k = 0; k < count; k += 1, index += 1) {
      const retailer = ranked[index];
      if (retailer) out.push({ ...retailer, grade, rank: index + 1 });
    }
  });
  return out;
}

export type GradeBoundary = { grade: number; minScore: number; maxScore: number; retailerCount: number };

/** The lowest and highest score in each grade: explains a grade and what the next one up needs. */
export function gradeBoundaries(graded: readonly GradedRetailer[]): GradeBoundary[] {
  const byGrade = new Map<number, GradeBoundary>();
  for (const r of graded) {
    const b = byGrade.get(r.grade);
    if (!b) byGrade.set(r.grade, { grade: r.grade, minScore: r.score, maxScore: r.score, retailerCount: 1 });
    else {
      b.minScore = Math.min(b.minScore, r.score);
      b.maxScore = Math.max(b.maxScore, r.score);
      b.retailerCount += 1;
    }
  }
  return [...byGrade.values()].sort((a, b) => a.grade - b.grade);
}

/** A retailer with a serious violation (integrity C or D) is capped at the configured grade at once. */
export function capGradeForIntegrity(grade: number, integrity: string, capGrade: number): { grade: number; capped: boolean } {
  if ((integrity === 'C' || integrity === 'D') && grade > capGrade) return { grade: capGrade, capped: true };
  return { grade, capped: false };
}

const FORM_BASE: Record<string, number> = { N: 14, S: 12, Y: 12, B: 10, F: 8, Z: 6, Q: 5 };

/** A new retailer's grade until it has a full period of orders: from its form, market and shop area. */
export function initialGrade(form: string, market: string, areaM2: number | null): number {
  const base = FORM_BASE[form] ?? 5;
  const marketBonus = market === 'C' ? 2 : 0;
  const areaBonus = areaM2 === null ? 0 : areaM2 >= 200 ? 4 : areaM2 >= 80 ? 2 : areaM2 >= 30 ? 1 : 0;
  return Math.max(1, Math.min(30, base + marketBonus + areaBonus));
}
