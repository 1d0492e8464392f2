import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_SHARES, SETTINGS } from '../admin/settings.registry';
import {
  assignGrades,
  capGradeForIntegrity,
  DEFAULT_INITIAL_GRADES,
  endedPeriods,
  gradeBoundaries,
  gradeCuts,
  gradingPeriodOf,
  initialGrade,
  initialGradeRows,
  lastEndedPeriod,
  scoreRetailers,
  shareTableOfShape,
  type GradingInput,
} from './grading.rules';

const WEIGHTS = SETTINGS['grading.scoreWeights'].default;

const input = (retailerId: number, volume: number, amountFen: number, distinctProducts: number, premiumVolume: number): GradingInput => ({
  retailerId,
  volume,
  amountFen,
  distinctProducts,
  premiumVolume,
});

/** 30 shares with `n` equal shares at the given grades and 0 elsewhere. */
const sharesAt = (grades: number[]) => Array.from({ length: 30 }, (_, i) => (grades.includes(i + 1) ? 100 / grades.length : 0));

describe('scoreRetailers', () => {
  it('gives the best peer full volume and amount marks and scales the others', () => {
    const [best, half] = scoreRetailers([input(1, 200, 4_000_000, 20, 100), input(2, 100, 2_000_000, 10, 0)], WEIGHTS);
    // mean variety 15: 20/15 × 5 = 6.67, capped at 5; 10/15 × 5 = 3.333. Class share 100/200 × 5 = 2.5.
    expect(best).toMatchObject({ volumeScore: 35, amountScore: 55, varietyScore: 5, classShareScore: 2.5, score: 97.5 });
    expect(half).toMatchObject({ volumeScore: 17.5, amountScore: 27.5, varietyScore: 3.333, classShareScore: 0, score: 48.333 });
  });

  it('gives a shop at exactly the company average the full variety score', () => {
    const [a, b, c] = scoreRetailers([input(1, 10, 100, 4, 0), input(2, 10, 100, 6, 0), input(3, 10, 100, 5, 0)], WEIGHTS);
    expect(c?.varietyScore).toBe(5); // average 5
    expect(a?.varietyScore).toBe(4); // 4/5 × 5
    expect(b?.varietyScore).toBe(5); // 6/5 × 5 = 6, capped
  });

  it('caps class share at its weight', () => {
    const [all] = scoreRetailers([input(1, 10, 100, 1, 10)], WEIGHTS);
    expect(all?.classShareScore).toBe(5);
  });

  it('uses the weights it is given (an administrator can change them)', () => {
    const volumeOnly = { volume: 100, amount: 0, variety: 0, classShare: 0 };
    const [best, half] = scoreRetailers([input(1, 200, 4_000_000, 20, 100), input(2, 100, 2_000_000, 10, 0)], volumeOnly);
    expect(best).toMatchObject({ volumeScore: 100, amountScore: 0, varietyScore: 0, classShareScore: 0, score: 100 });
    expect(half?.score).toBe(50);
  });

  it('scores an empty period at zero without dividing by zero', () => {
    expect(scoreRetailers([input(1, 0, 0, 0, 0), input(2, 0, 0, 0, 0)], WEIGHTS).map((r) => r.score)).toEqual([0, 0]);
    expect(scoreRetailers([], WEIGHTS)).toEqual([]);
  });
});

describe('gradeCuts', () => {
  it('cuts 1,000 retailers by the default pyramid exactly', () => {
    const cuts = gradeCuts(1000, DEFAULT_GRADE_SHARES);
    const size = (g: number) => cuts.find((c) => c.grade === g)!.to - cuts.find((c) => c.grade === g)!.from + 1;
    expect(size(1)).toBe(70); // 7 %
    expect(size(30)).toBe(5); // 0.5 %
    expect(cuts.reduce((s, c) => s + c.to - c.from + 1, 0)).toBe(1000);
  });

  it('divides 7 retailers over 3 equal grades as 2, 3, 2 (cumulative rounding, no grade off by more than one)', () => {
    const cuts = gradeCuts(7, sharesAt([10, 20, 30]));
    // cumulative from the top: 7/3 = 2.33 → 2, 14/3 = 4.67 → 5, 7
    expect(cuts.filter((c) => c.to >= c.from).map((c) => [c.grade, c.from, c.to])).toEqual([
      [30, 1, 2],
      [20, 3, 5],
      [10, 6, 7],
    ]);
  });

  it('gives nobody a grade when the period has no retailers', () => {
    expect(gradeCuts(0, DEFAULT_GRADE_SHARES).every((c) => c.to < c.from)).toBe(true);
  });

  it('refuses a share table without 30 rows or without any share', () => {
    expect(() => gradeCuts(10, [100])).toThrow();
    expect(() => gradeCuts(10, Array(30).fill(0))).toThrow();
  });
});

describe('assignGrades', () => {
  it('puts the top scorer in grade 30 and the lowest in grade 1', () => {
    const scored = scoreRetailers(
      Array.from({ length: 1000 }, (_, i) => input(i + 1, i + 1, (i + 1) * 1000, 5, 0)),
      WEIGHTS,
    );
    const graded = assignGrades(scored, DEFAULT_GRADE_SHARES);
    expect(graded).toHaveLength(1000);
    expect(graded[0]).toMatchObject({ retailerId: 1000, grade: 30, rank: 1 });
    expect(graded.at(-1)).toMatchObject({ retailerId: 1, grade: 1, rank: 1000 });
  });

  it('never gives a lower score a higher grade', () => {
    const scored = scoreRetailers(
      Array.from({ length: 97 }, (_, i) => input(i + 1, (i * 37) % 97, ((i * 53) % 97) * 100, 3, 1)),
      WEIGHTS,
    );
    const graded = assignGrades(scored, DEFAULT_GRADE_SHARES);
    for (let i = 1; i < graded.length; i += 1) expect(graded[i]!.grade).toBeLessThanOrEqual(graded[i - 1]!.grade);
  });

  it('gives tied scores one grade: the grade of the middle of the tie', () => {
    // Six retailers, two grades of three each; ranks 2–5 tie. Middle position ⌊(2+5)/2⌋ = 3 → grade 30.
    const scored = scoreRetailers(
      [
        input(1, 100, 100, 1, 0),
        input(2, 50, 50, 1, 0),
        input(3, 50, 50, 1, 0),
        input(4, 50, 50, 1, 0),
        input(5, 50, 50, 1, 0),
        input(6, 10, 10, 1, 0),
      ],
      WEIGHTS,
    );
    const graded = assignGrades(scored, sharesAt([1, 30]));
    expect(graded.map((r) => [r.retailerId, r.grade])).toEqual([
      [1, 30],
      [2, 30],
      [3, 30],
      [4, 30],
      [5, 30],
      [6, 1],
    ]);
    expect(graded.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('puts everybody at the median grade when every score is equal (an empty period)', () => {
    const scored = scoreRetailers(
      Array.from({ length: 10 }, (_, i) => input(i + 1, 0, 0, 0, 0)),
      WEIGHTS,
    );
    const graded = assignGrades(scored, sharesAt([5, 15, 25]));
    // positions 1…10, middle 5; cuts from the top: 25 → 1–3, 15 → 4–7, 5 → 8–10
    expect(new Set(graded.map((r) => r.grade))).toEqual(new Set([15]));
  });

  it('grades nobody in a period without retailers', () => {
    expect(assignGrades([], DEFAULT_GRADE_SHARES)).toEqual([]);
  });
});

describe('gradeBoundaries', () => {
  it('gives the score range and count of each grade', () => {
    const scored = scoreRetailers([input(1, 100, 100, 1, 0), input(2, 50, 50, 1, 0)], WEIGHTS);
    const bounds = gradeBoundaries(assignGrades(scored, sharesAt([1, 30])));
    expect(bounds).toEqual([
      { grade: 1, minScore: 50, maxScore: 50, retailerCount: 1 }, // 17.5 + 27.5 + 5 (at the average)
      { grade: 30, minScore: 95, maxScore: 95, retailerCount: 1 }, // 35 + 55 + 5
    ]);
  });
});

describe('integrity cap', () => {
  it('caps C and D at the configured grade and leaves others alone', () => {
    expect(capGradeForIntegrity(22, 'C', 10)).toEqual({ grade: 10, capped: true });
    expect(capGradeForIntegrity(22, 'D', 10)).toEqual({ grade: 10, capped: true });
    expect(capGradeForIntegrity(8, 'D', 10)).toEqual({ grade: 8, capped: false });
    expect(capGradeForIntegrity(22, 'B', 10)).toEqual({ grade: 22, capped: false });
  });

  it('lifts at the next publish once the level has improved', () => {
    const computed = 22;
    const whileC = capGradeForIntegrity(computed, 'C', 10);
    const afterImprovement = capGradeForIntegrity(computed, 'A', 10);
    expect(whileC.grade).toBe(10);
    expect(afterImprovement).toEqual({ grade: 22, capped: false });
  });
});

describe('initial grades', () => {
  it('starts a new shop from its form, market and area', () => {
    expect(initialGrade(DEFAULT_INITIAL_GRADES, 'S', 'C', 250)).toBe(18); // 12 + 2 + 4
    expect(initialGrade(DEFAULT_INITIAL_GRADES, 'Z', 'X', 20)).toBe(6);
    expect(initialGrade(DEFAULT_INITIAL_GRADES, 'B', 'C', null)).toBe(12);
    expect(initialGrade(DEFAULT_INITIAL_GRADES, 'B', 'C', 80)).toBe(14); // the minimum itself counts
  });

  it('follows the table in settings and stays within 1–30', () => {
    const table = { ...DEFAULT_INITIAL_GRADES, formBase: { ...DEFAULT_INITIAL_GRADES.formBase, N: 29 }, marketBonus: { C: 5, X: -9 } };
    expect(initialGrade(table, 'N', 'C', 500)).toBe(30);
    expect(initialGrade(table, 'Q', 'X', null)).toBe(1);
  });

  it('lists every form × market × area step for the SQL run, agreeing with initialGrade', () => {
    const rows = initialGradeRows(DEFAULT_INITIAL_GRADES);
    expect(rows).toHaveLength(7 * 2 * 4);
    expect(rows.find((r) => r.form === 'S' && r.market === 'C' && r.step === 3)?.grade).toBe(
      initialGrade(DEFAULT_INITIAL_GRADES, 'S', 'C', 250),
    );
  });
});

describe('the period calendar', () => {
  it('finds the quarter of a date and the next quarter it is in force', () => {
    expect(gradingPeriodOf('2026-11-15', 3)).toEqual({
      code: '2026Q4',
      ordersFrom: '2026-10-01',
      ordersTo: '2026-12-31',
      effectiveFrom: '2027-01-01',
      effectiveTo: '2027-03-31',
    });
    expect(gradingPeriodOf('2028-02-29', 1)).toMatchObject({
      code: '2028M02',
      ordersTo: '2028-02-29',
      effectiveFrom: '2028-03-01',
      effectiveTo: '2028-03-31',
    });
    expect(gradingPeriodOf('2026-07-01', 6)).toMatchObject({
      code: '2026H2',
      ordersFrom: '2026-07-01',
      ordersTo: '2026-12-31',
      effectiveTo: '2027-06-30',
    });
    expect(gradingPeriodOf('2026-07-01', 12)).toMatchObject({ code: '2026', effectiveFrom: '2027-01-01', effectiveTo: '2027-12-31' });
  });

  it('gives the last ended period and those before it', () => {
    expect(lastEndedPeriod('2027-01-01', 3).code).toBe('2026Q4');
    expect(endedPeriods('2026-05-20', 3, 3).map((p) => p.code)).toEqual(['2026Q1', '2025Q4', '2025Q3']);
  });

  it('refuses a period length that does not divide the year', () => {
    expect(() => gradingPeriodOf('2026-01-01', 5)).toThrow();
  });
});

describe('share table shapes', () => {
  it.each(['pyramid', 'spindle'] as const)('gives 30 shares of at least 0.1 %% summing to exactly 100 (%s)', (shape) => {
    const shares = shareTableOfShape(shape);
    expect(shares).toHaveLength(30);
    expect(Math.round(shares.reduce((s, x) => s + x, 0) * 10)).toBe(1000);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(0.1);
    expect(SETTINGS['grading.shareTable'].schema.safeParse(shares).success).toBe(true);
  });

  it('shapes a pyramid widest at grade 1 and a spindle widest in the middle', () => {
    const pyramid = shareTableOfShape('pyramid');
    expect(pyramid[0]).toBe(Math.max(...pyramid));
    expect(pyramid[29]).toBe(Math.min(...pyramid));
    const spindle = shareTableOfShape('spindle');
    const widest = spindle.indexOf(Math.max(...spindle)) + 1;
    expect(widest).toBeGreaterThan(8);
    expect(widest).toBeLessThan(18);
    expect(spindle[0]).toBeLessThan(spindle[widest - 1]!);
  });
});
