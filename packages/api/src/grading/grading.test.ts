import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_SHARES } from '../admin/settings.registry';
import { SETTINGS } from '../admin/settings.registry';
import { assignGrades, capGradeForIntegrity, gradeBoundaries, initialGrade, scoreRetailers, type GradingInput } from './grading.rules';

const WEIGHTS = SETTINGS['grading.scoreWeights'].default;

const input = (retailerId: number, volume: number, amountFen: number, distinctProducts: number, premiumVolume: number): GradingInput => ({
  retailerId,
  volume,
  amountFen,
  distinctProducts,
  premiumVolume,
});

describe('scoreRetailers', () => {
  it('gives the best peer full volume and amount marks and scales the others', () => {
    const [best, half] = scoreRetailers([input(1, 200, 4_000_000, 20, 100), input(2, 100, 2_000_000, 10, 0)], WEIGHTS);
    // mean variety 15: 20/15 × 2.5 = 3.333; 10/15 × 2.5 = 1.667
    expect(best).toMatchObject({ volumeScore: 35, amountScore: 55, varietyScore: 3.333, classShareScore: 2.5, score: 95.833 });
    expect(half).toMatchObject({ volumeScore: 17.5, amountScore: 27.5, varietyScore: 1.667, classShareScore: 0, score: 46.667 });
  });

  it('caps variety and class share at 5 points each', () => {
    const [wide] = scoreRetailers([input(1, 10, 100, 100, 10), input(2, 10, 100, 1, 0), input(3, 10, 100, 1, 0)], WEIGHTS);
    expect(wide?.varietyScore).toBe(5);
    expect(wide?.classShareScore).toBe(5);
  });

  it('uses the weights it is given (an administrator can change them)', () => {
    const volumeOnly = { volume: 100, amount: 0, variety: 0, classShare: 0 };
    const [best, half] = scoreRetailers([input(1, 200, 4_000_000, 20, 100), input(2, 100, 2_000_000, 10, 0)], volumeOnly);
    expect(best).toMatchObject({ volumeScore: 100, amountScore: 0, varietyScore: 0, classShareScore: 0, score: 100 });
    expect(half?.score).toBe(50);
  });

  it('scores a retailer without orders at zero without dividing by zero', () => {
    expect(scoreRetailers([input(1, 0, 0, 0, 0)], WEIGHTS)[0]?.score).toBe(0);
  });
});

describe('assignGrades', () => {
  it('puts everyone in grade 30 … 1 by the share table and the top scorer in grade 30', () => {
    const scored = scoreRetailers(Array.from({ length: 1000 }, (_, i) => input(i + 1, i + 1, (i + 1) * 1000, 5, 0)), WEIGHTS);
    const graded = assignGrades(scored, DEFAULT_GRADE_SHARES);
    expect(graded).toHaveLength(1000);
    expect(graded[0]).toMatchObject({ retailerId: 1000, grade: 30, rank: 1 });
    expect(graded.at(-1)).toMatchObject({ retailerId: 1, grade: 1, rank: 1000 });
    const perGrade = (g: number) => graded.filter((r) => r.grade === g).length;
    expect(perGrade(1)).toBe(70); // 7 %
    expect(perGrade(30)).toBe(5); // 0.5 %
  });

  it('never gives a lower score a higher grade', () => {
    const scored = scoreRetailers(Array.from({ length: 97 }, (_, i) => input(i + 1, (i * 37) % 97, ((i * 53) % 97) * 100, 3, 1)), WEIGHTS);
    const graded = assignGrades(scored, DEFAULT_GRADE_SHARES);
    for (let i = 1; i < graded.length; i += 1) expect(graded[i]!.grade).toBeLessThanOrEqual(graded[i - 1]!.grade);
  });

  it('refuses a share table without 30 rows', () => {
    expect(() => assignGrades([], [100])).toThrow();
  });
});

describe('gradeBoundaries', () => {
  it('gives the score range and count of each grade', () => {
    const scored = scoreRetailers([input(1, 100, 100, 1, 0), input(2, 50, 50, 1, 0)], WEIGHTS);
    const shares = Array.from({ length: 30 }, (_, i) => (i === 0 || i === 29 ? 50 : 0));
    const bounds = gradeBoundaries(assignGrades(scored, shares));
    expect(bounds).toEqual([
      { grade: 1, minScore: 47.5, maxScore: 47.5, retailerCount: 1 }, // 17.5 + 27.5 + 2.5
      { grade: 30, minScore: 92.5, maxScore: 92.5, retailerCount: 1 }, // 35 + 55 + 2.5
    ]);
  });
});

describe('integrity cap and initial grade', () => {
  it('caps C and D at the configured grade and leaves others alone', () => {
    expect(capGradeForIntegrity(22, 'C', 10)).toEqual({ grade: 10, capped: true });
    expect(capGradeForIntegrity(22, 'D', 10)).toEqual({ grade: 10, capped: true });
    expect(capGradeForIntegrity(8, 'D', 10)).toEqual({ grade: 8, capped: false });
    expect(capGradeForIntegrity(22, 'B', 10)).toEqual({ grade: 22, capped: false });
  });

  it('starts a new shop from its form, market and area', () => {
    expect(initialGrade('S', 'C', 250)).toBe(18);
    expect(initialGrade('Z', 'X', 20)).toBe(6);
    expect(initialGrade('B', 'C', null)).toBe(12);
  });
});
