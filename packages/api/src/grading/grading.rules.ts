// Grading (档位) rules of domain.md §2: a 100-point score from a period's orders, ranking, the cut into
// 30 grades by the share table, initial grades, the integrity cap and the period calendar. Pure functions:
// the draft run (grading.run.service.ts) applies the same formulas in one SQL statement and takes the cut,
// the initial-grade table and the cap from here, so the rules live in one place.

import { addDays } from '../schedule/calendar.rules';

export const GRADE_COUNT = 30;

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

/** Scores are kept to three decimals (the columns are numeric(7,3)); the SQL run rounds the same way. */
export const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * Volume and amount against the best peer (the best gets full marks); variety as distinct products ÷ the
 * company average × the weight, capped at the weight (a shop at the average earns the full 5); class share
 * as the share of class-1/2 volume × the weight (100 % earns 5). The peers are the retailers ranked together.
 */
export function scoreRetailers(inputs: readonly GradingInput[], weights: ScoreWeights): ScoredRetailer[] {
  let maxVolume = 0;
  let maxAmount = 0;
  let varietySum = 0;
  for (const i of inputs) {
    maxVolume = Math.max(maxVolume, i.volume);
    maxAmount = Math.max(maxAmount, i.amountFen);
    varietySum += i.distinctProducts;
  }
  const meanVariety = inputs.length ? varietySum / inputs.length : 0;
  return inputs.map((input) => {
    const components = {
      volumeScore: round3(maxVolume ? (input.volume / maxVolume) * weights.volume : 0),
      amountScore: round3(maxAmount ? (input.amountFen / maxAmount) * weights.amount : 0),
      varietyScore: round3(meanVariety ? Math.min(weights.variety, (input.distinctProducts / meanVariety) * weights.variety) : 0),
      classShareScore: round3(input.volume ? Math.min(weights.classShare, (input.premiumVolume / input.volume) * weights.classShare) : 0),
    };
    const score = round3(components.volumeScore + components.amountScore + components.varietyScore + components.classShareScore);
    return { ...input, ...components, score };
  });
}

/** Positions (1 = best) that fall in one grade; an empty grade has `to` = `from` − 1. */
export type GradeCut = { grade: number; from: number; to: number };

/**
 * How many of `total` ranked retailers each grade takes under the share table: cumulative shares from the
 * top grade down, rounded half up, so every retailer gets exactly one grade and no grade is more than one
 * retailer away from its share however unevenly the shares divide the total. Shares need not sum to 100.
 */
export function gradeCuts(total: number, shareTable: readonly number[]): GradeCut[] {
  if (shareTable.length !== GRADE_COUNT) throw new Error('The share table needs 30 shares');
  const totalShare = shareTable.reduce((s, x) => s + x, 0);
  if (!(totalShare > 0)) throw new Error('The share table must have a positive share');
  const cuts: GradeCut[] = [];
  let assigned = 0;
  let cumulative = 0;
  for (let grade = GRADE_COUNT; grade >= 1; grade -= 1) {
    cumulative += shareTable[grade - 1]!;
    const upTo = grade === 1 ? total : Math.min(total, Math.round((cumulative / totalShare) * total));
    cuts.push({ grade, from: assigned + 1, to: upTo });
    assigned = upTo;
  }
  return cuts;
}

/** The grade of a ranking position under the cuts. */
export function gradeAtPosition(cuts: readonly GradeCut[], position: number): number {
  return cuts.find((c) => position >= c.from && position <= c.to)?.grade ?? 1;
}

/**
 * The position a retailer is graded at. Equal scores must not get different grades, so a group of tied
 * retailers occupying positions lo…hi is graded at its middle position ⌊(lo + hi) / 2⌋: a tie neither
 * lifts everybody to the best of the group nor drops them to the worst, and when every score is equal
 * (a period without orders) everybody lands at the share table's median grade.
 */
export const tiePosition = (lo: number, hi: number) => Math.floor((lo + hi) / 2);

export type GradedRetailer = ScoredRetailer & { grade: number; rank: number };

/** Ranks by score (ties listed by volume, then id, so the listing is stable) and cuts the ranking into grades. */
export function assignGrades(scored: readonly ScoredRetailer[], shareTable: readonly number[]): GradedRetailer[] {
  const cuts = gradeCuts(scored.length, shareTable);
  const ranked = [...scored].sort((a, b) => b.score - a.score || b.volume - a.volume || a.retailerId - b.retailerId);
  const out: GradedRetailer[] = [];
  let lo = 0;
  while (lo < ranked.length) {
    let hi = lo;
    while (hi + 1 < ranked.length && ranked[hi + 1]!.score === ranked[lo]!.score) hi += 1;
    const grade = gradeAtPosition(cuts, tiePosition(lo + 1, hi + 1));
    for (let k = lo; k <= hi; k += 1) out.push({ ...ranked[k]!, grade, rank: k + 1 });
    lo = hi + 1;
  }
  return out;
}

export type GradeBoundary = { grade: number; minScore: number; maxScore: number; retailerCount: number };

/** The lowest and highest score in each grade: explains a grade and what the next one up needs. */
export function gradeBoundaries(graded: readonly { grade: number; score: number }[]): GradeBoundary[] {
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

// ---------------------------------------------------------------- integrity cap

/** Integrity levels of a serious violation (domain.md §2–§3): the grade is capped while the level holds. */
export const CAPPED_INTEGRITY_LEVELS = ['C', 'D'] as const;
export const isCappedLevel = (level: string) => (CAPPED_INTEGRITY_LEVELS as readonly string[]).includes(level);

/**
 * The cap applies at once when a level drops to C or D, and at every publish for a level that is still C
 * or D then. A level that has improved is not capped at the next publish: that is how the cap lifts (the
 * grade in force is not raised in between, as grades only change at a publish).
 */
export function capGradeForIntegrity(grade: number, integrity: string, capGrade: number): { grade: number; capped: boolean } {
  if (isCappedLevel(integrity) && grade > capGrade) return { grade: capGrade, capped: true };
  return { grade, capped: false };
}

// ---------------------------------------------------------------- initial grades

/** Setting grading.initialGrades: a base per business form, a bonus per market, and bonuses by shop area. */
export type InitialGradeTable = {
  formBase: Record<'Z' | 'B' | 'S' | 'N' | 'Y' | 'F' | 'Q', number>;
  marketBonus: Record<'C' | 'X', number>;
  /** Ascending minimum areas in m²; a shop gets the bonus of the largest minimum it reaches. */
  areaBonus: { minM2: number; bonus: number }[];
};

export const DEFAULT_INITIAL_GRADES: InitialGradeTable = {
  formBase: { N: 14, S: 12, Y: 12, B: 10, F: 8, Z: 6, Q: 5 },
  marketBonus: { C: 2, X: 0 },
  areaBonus: [
    { minM2: 30, bonus: 1 },
    { minM2: 80, bonus: 2 },
    { minM2: 200, bonus: 4 },
  ],
};

/** Which area step a shop reaches: 0 below the first (or unknown area), k for the k-th minimum. */
export function areaStep(table: InitialGradeTable, areaM2: number | null): number {
  if (areaM2 === null) return 0;
  return table.areaBonus.filter((s) => areaM2 >= s.minM2).length;
}

/** A new retailer's grade until it has a full period of orders: from its form, market and shop area. */
export function initialGrade(table: InitialGradeTable, form: string, market: string, areaM2: number | null): number {
  return initialGradeOfStep(table, form, market, areaStep(table, areaM2));
}

function initialGradeOfStep(table: InitialGradeTable, form: string, market: string, step: number): number {
  const base = table.formBase[form as keyof InitialGradeTable['formBase']] ?? 1;
  const marketBonus = table.marketBonus[market as keyof InitialGradeTable['marketBonus']] ?? 0;
  const sorted = [...table.areaBonus].sort((a, b) => a.minM2 - b.minM2);
  const areaBonus = step > 0 ? (sorted[step - 1]?.bonus ?? 0) : 0;
  return Math.max(1, Math.min(GRADE_COUNT, base + marketBonus + areaBonus));
}

/**
 * Every (form, market, area step) with its initial grade: a small table the SQL run joins, so the rule
 * is written once, here.
 */
export function initialGradeRows(table: InitialGradeTable): { form: string; market: string; step: number; grade: number }[] {
  const rows = [];
  for (const form of Object.keys(table.formBase))
    for (const market of Object.keys(table.marketBonus))
      for (let step = 0; step <= table.areaBonus.length; step += 1)
        rows.push({ form, market, step, grade: initialGradeOfStep(table, form, market, step) });
  return rows;
}

// ---------------------------------------------------------------- the period calendar

export type GradingPeriod = {
  code: string;
  /** The orders it is graded on */
  ordersFrom: string;
  ordersTo: string;
  /** When its grades are in force: the next period */
  effectiveFrom: string;
  effectiveTo: string;
};

/** Period lengths that divide the year, so every year starts a period on 1 January. */
export const PERIOD_MONTHS = [1, 2, 3, 4, 6, 12] as const;

function periodBounds(year: number, index: number, months: number): { from: string; to: string } {
  const startMonth = index * months; // 0-based
  const from = `${year}-${String(startMonth + 1).padStart(2, '0')}-01`;
  const endYear = startMonth + months >= 12 ? year + 1 : year;
  const endMonth = (startMonth + months) % 12;
  return { from, to: addDays(`${endYear}-${String(endMonth + 1).padStart(2, '0')}-01`, -1) };
}

function periodCode(year: number, index: number, months: number): string {
  if (months === 12) return `${year}`;
  if (months === 6) return `${year}H${index + 1}`;
  if (months === 3) return `${year}Q${index + 1}`;
  if (months === 1) return `${year}M${String(index + 1).padStart(2, '0')}`;
  return `${year}P${index + 1}`;
}

/** The grading period a date falls in, with the window its grades are in force. */
export function gradingPeriodOf(date: string, months: number): GradingPeriod {
  if (!(PERIOD_MONTHS as readonly number[]).includes(months))
    throw new Error(`A grading period of ${months} months does not divide the year`);
  const year = Number(date.slice(0, 4));
  const index = Math.floor((Number(date.slice(5, 7)) - 1) / months);
  const own = periodBounds(year, index, months);
  const nextYear = (index + 1) * months >= 12 ? year + 1 : year;
  const nextIndex = (index + 1) % (12 / months);
  const next = periodBounds(nextYear, nextIndex, months);
  return { code: periodCode(year, index, months), ordersFrom: own.from, ordersTo: own.to, effectiveFrom: next.from, effectiveTo: next.to };
}

/** The last period that has ended before `today`: the one a run is normally started for. */
export function lastEndedPeriod(today: string, months: number): GradingPeriod {
  return gradingPeriodOf(addDays(gradingPeriodOf(today, months).ordersFrom, -1), months);
}

/** The periods that ended before `today`, latest first. */
export function endedPeriods(today: string, months: number, count: number): GradingPeriod[] {
  const out: GradingPeriod[] = [];
  let period = lastEndedPeriod(today, months);
  for (let i = 0; i < count; i += 1) {
    out.push(period);
    period = gradingPeriodOf(addDays(period.ordersFrom, -1), months);
  }
  return out;
}

// ---------------------------------------------------------------- share table shapes

export const SHARE_SHAPES = ['pyramid', 'spindle'] as const;
export type ShareShape = (typeof SHARE_SHAPES)[number];

/**
 * A share table of a named shape, 30 shares in steps of 0.1 % summing to exactly 100: a pyramid (most
 * retailers at the bottom, fewer at each grade up) or a spindle (most in the middle grades, few at both
 * ends). A starting point for the editor; any 30 shares summing to 100 are a valid "custom" table.
 */
export function shareTableOfShape(shape: ShareShape): number[] {
  const weights = Array.from({ length: GRADE_COUNT }, (_, i) => {
    const grade = i + 1;
    return shape === 'pyramid' ? GRADE_COUNT + 1 - grade : Math.exp(-((grade - 13) ** 2) / (2 * 6 ** 2));
  });
  const total = weights.reduce((s, w) => s + w, 0);
  const tenths = weights.map((w) => Math.max(1, Math.round((w / total) * 1000)));
  // Rounding leaves the sum a few tenths off: settle the difference on the largest share.
  const largest = tenths.indexOf(Math.max(...tenths));
  tenths[largest]! += 1000 - tenths.reduce((s, x) => s + x, 0);
  return tenths.map((x) => x / 10);
}
