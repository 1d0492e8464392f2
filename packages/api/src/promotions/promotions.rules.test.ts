import { describe, expect, it } from 'vitest';
import { isTargeted, matchPromotionTarget, type PromotionTarget, type TargetedRetailer } from './promotions.rules';

const everyone: PromotionTarget = {
  targetGradeMin: null,
  targetGradeMax: null,
  targetClassifications: [],
  targetDistrictIds: [],
  targetIntegrityLevels: [],
  targetNamedList: false,
};
const shop: TargetedRetailer = { grade: 24, classificationCode: 'CB2', districtId: 1, integrityLevel: 'AA', onNamedList: false };

describe('matchPromotionTarget', () => {
  it('an empty target matches everyone', () => {
    expect(matchPromotionTarget(everyone, shop)).toEqual({ matches: true, reasons: [{ kind: 'EVERYONE' }] });
  });

  it('every non-empty criterion must match, and each match is a reason', () => {
    const target = { ...everyone, targetGradeMin: 20, targetDistrictIds: [1, 2], targetIntegrityLevels: ['AAA', 'AA'] as const };
    expect(
      matchPromotionTarget({ ...target, targetIntegrityLevels: [...target.targetIntegrityLevels] }, shop).reasons.map((r) => r.kind),
    ).toEqual(['GRADE', 'DISTRICT', 'INTEGRITY']);
    expect(isTargeted({ ...target, targetIntegrityLevels: ['AAA'] }, shop)).toBe(false);
    expect(isTargeted({ ...everyone, targetDistrictIds: [2] }, shop)).toBe(false);
    expect(isTargeted({ ...everyone, targetClassifications: ['CB2', 'CZ1'] }, shop)).toBe(true);
    expect(isTargeted({ ...everyone, targetClassifications: ['XZ3'] }, shop)).toBe(false);
  });

  it('grade bounds are inclusive, either may be open, and an ungraded shop misses a grade target', () => {
    expect(isTargeted({ ...everyone, targetGradeMin: 24, targetGradeMax: 24 }, shop)).toBe(true);
    expect(isTargeted({ ...everyone, targetGradeMax: 23 }, shop)).toBe(false);
    expect(isTargeted({ ...everyone, targetGradeMin: 25 }, shop)).toBe(false);
    expect(isTargeted({ ...everyone, targetGradeMin: 1 }, { ...shop, grade: null })).toBe(false);
    expect(isTargeted(everyone, { ...shop, grade: null })).toBe(true);
  });

  it('a named list targets its members only, whatever the other criteria', () => {
    const named = { ...everyone, targetNamedList: true, targetGradeMin: 30 };
    expect(matchPromotionTarget(named, { ...shop, onNamedList: true })).toEqual({ matches: true, reasons: [{ kind: 'NAMED_LIST' }] });
    expect(isTargeted(named, shop)).toBe(false);
  });
});
