import { describe, expect, it } from 'vitest';
import { limitForGrade } from './allocation.rules';
import { diffPolicies, isoWeekCode, nextPolicyState, publishAtFor, scheduledPublishAt } from './allocation.versions.rules';

describe('scheduledPublishAt', () => {
  it('is Saturday 12:00 China time before the cycle by default', () => {
    expect(scheduledPublishAt('2026-11-23', 6, '12:00').toISOString()).toBe('2026-11-21T04:00:00.000Z');
  });

  it('follows the settings: Sunday 18:30 is the day before; Monday means the Monday a week before', () => {
    expect(scheduledPublishAt('2026-11-23', 7, '18:30').toISOString()).toBe('2026-11-22T10:30:00.000Z');
    expect(scheduledPublishAt('2026-11-23', 1, '09:00').toISOString()).toBe('2026-11-16T01:00:00.000Z');
    expect(() => scheduledPublishAt('2026-11-23', 8, '09:00')).toThrow(RangeError);
  });

  it('publishes at once when the time has passed or a manager asks', () => {
    const scheduled = new Date('2026-11-21T04:00:00Z');
    const before = new Date('2026-11-20T00:00:00Z');
    const after = new Date('2026-11-22T00:00:00Z');
    expect(publishAtFor(scheduled, before, false)).toBe(scheduled);
    expect(publishAtFor(scheduled, after, false)).toBe(after);
    expect(publishAtFor(scheduled, before, true)).toBe(before);
  });
});

describe('diffPolicies', () => {
  const a = [
    { productId: 1, gradeFrom: 1, gradeTo: 10, limitQuantity: 2 },
    { productId: 1, gradeFrom: 11, gradeTo: 30, limitQuantity: 5 },
    { productId: 2, gradeFrom: 1, gradeTo: 30, limitQuantity: 9 },
  ];

  it('is empty for the same limits, however the bands are cut', () => {
    const recut = [
      { productId: 1, gradeFrom: 1, gradeTo: 5, limitQuantity: 2 },
      { productId: 1, gradeFrom: 6, gradeTo: 10, limitQuantity: 2 },
      { productId: 1, gradeFrom: 11, gradeTo: 30, limitQuantity: 5 },
      { productId: 2, gradeFrom: 1, gradeTo: 30, limitQuantity: 9 },
    ];
    expect(diffPolicies(a, recut)).toEqual([]);
  });

  it('lists changed runs of grades, products added and removed (null: unlimited)', () => {
    const b = [
      { productId: 1, gradeFrom: 1, gradeTo: 10, limitQuantity: 2 },
      { productId: 1, gradeFrom: 11, gradeTo: 20, limitQuantity: 6 },
      { productId: 1, gradeFrom: 21, gradeTo: 30, limitQuantity: 8 },
      { productId: 3, gradeFrom: 25, gradeTo: 30, limitQuantity: 1 },
    ];
    expect(diffPolicies(a, b)).toEqual([
      { productId: 1, gradeFrom: 11, gradeTo: 20, before: 5, after: 6 },
      { productId: 1, gradeFrom: 21, gradeTo: 30, before: 5, after: 8 },
      { productId: 2, gradeFrom: 1, gradeTo: 30, before: 9, after: null },
      { productId: 3, gradeFrom: 25, gradeTo: 30, before: null, after: 1 },
    ]);
  });

  it('agrees with the band lookup grade by grade', () => {
    const b = [{ productId: 1, gradeFrom: 5, gradeTo: 25, limitQuantity: 4 }];
    const changes = diffPolicies(a, b);
    for (let grade = 1; grade <= 30; grade += 1) {
      const change = changes.find((c) => c.productId === 1 && c.gradeFrom <= grade && grade <= c.gradeTo);
      const before = limitForGrade(a, 1, grade)?.limitQuantity ?? null;
      const after = limitForGrade(b, 1, grade)?.limitQuantity ?? null;
      expect(change ? [change.before, change.after] : [before, before]).toEqual([before, after]);
    }
  });
});

describe('policy states and cycle codes', () => {
  it('drafts, submits, approves, publishes and supersedes; a rejected version is edited back to a draft', () => {
    expect(nextPolicyState('DRAFT', 'submit')).toBe('PENDING_APPROVAL');
    expect(nextPolicyState('PENDING_APPROVAL', 'approve')).toBe('APPROVED');
    expect(nextPolicyState('APPROVED', 'publish')).toBe('PUBLISHED');
    expect(nextPolicyState('PUBLISHED', 'supersede')).toBe('SUPERSEDED');
    expect(nextPolicyState('REJECTED', 'edit')).toBe('DRAFT');
    expect(nextPolicyState('PUBLISHED', 'edit')).toBeNull();
    expect(nextPolicyState('APPROVED', 'submit')).toBeNull();
  });

  it('names a cycle by its ISO week', () => {
    expect(isoWeekCode('2026-11-23')).toBe('2026-W48');
    expect(isoWeekCode('2026-12-28')).toBe('2026-W53');
    expect(isoWeekCode('2027-01-04')).toBe('2027-W01');
  });
});
