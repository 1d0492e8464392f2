import type { IntegrityLevel } from '@tobacco/db/enums';

// Promotion targeting of domain.md §6, with no I/O: does a retailer match a promotion's target, and
// which parts of the target they match ("why you see this"). Every non-empty criterion must match (AND);
// an empty criterion matches everyone; a named-list promotion targets its list members only.
// The same rule is written as SQL where promotions are listed or counted in bulk (promotionTargetsRetailerSql in
// promotions.target-sql.ts); the integration test keeps the two in step on the same cases.

export type PromotionTarget = {
  targetGradeMin: number | null;
  targetGradeMax: number | null;
  targetClassifications: readonly string[];
  targetDistrictIds: readonly number[];
  targetIntegrityLevels: readonly IntegrityLevel[];
  targetNamedList: boolean;
};

export type TargetedRetailer = {
  grade: number | null;
  classificationCode: string;
  districtId: number;
  integrityLevel: IntegrityLevel;
  /** Whether the retailer is on the promotion's named list (only read when targetNamedList). */
  onNamedList: boolean;
};

/** One matched criterion, for the retailer's "why you see this". */
export type TargetReason =
  | { kind: 'NAMED_LIST' }
  | { kind: 'EVERYONE' }
  | { kind: 'GRADE'; min: number | null; max: number | null; grade: number }
  | { kind: 'CLASSIFICATION'; codes: readonly string[]; code: string }
  | { kind: 'DISTRICT'; districtId: number }
  | { kind: 'INTEGRITY'; levels: readonly IntegrityLevel[]; level: IntegrityLevel };

export type TargetMatch = { matches: boolean; reasons: TargetReason[] };

export function hasGradeCriterion(target: PromotionTarget): boolean {
  return target.targetGradeMin !== null || target.targetGradeMax !== null;
}

/** Whether the retailer is targeted and, when they are, every criterion they meet. */
export function matchPromotionTarget(target: PromotionTarget, retailer: TargetedRetailer): TargetMatch {
  if (target.targetNamedList) {
    return retailer.onNamedList ? { matches: true, reasons: [{ kind: 'NAMED_LIST' }] } : { matches: false, reasons: [] };
  }
  const reasons: TargetReason[] = [];
  if (hasGradeCriterion(target)) {
    const grade = retailer.grade;
    if (grade === null) return { matches: false, reasons: [] };
    if (target.targetGradeMin !== null && grade < target.targetGradeMin) return { matches: false, reasons: [] };
    if (target.targetGradeMax !== null && grade > target.targetGradeMax) return { matches: false, reasons: [] };
    reasons.push({ kind: 'GRADE', min: target.targetGradeMin, max: target.targetGradeMax, grade });
  }
  if (target.targetClassifications.length > 0) {
    if (!target.targetClassifications.includes(retailer.classificationCode)) return { matches: false, reasons: [] };
    reasons.push({ kind: 'CLASSIFICATION', codes: target.targetClassifications, code: retailer.classificationCode });
  }
  if (target.targetDistrictIds.length > 0) {
    if (!target.targetDistrictIds.includes(retailer.districtId)) return { matches: false, reasons: [] };
    reasons.push({ kind: 'DISTRICT', districtId: retailer.districtId });
  }
  if (target.targetIntegrityLevels.length > 0) {
    if (!target.targetIntegrityLevels.includes(retailer.integrityLevel)) return { matches: false, reasons: [] };
    reasons.push({ kind: 'INTEGRITY', levels: target.targetIntegrityLevels, level: retailer.integrityLevel });
  }
  if (reasons.length === 0) reasons.push({ kind: 'EVERYONE' });
  return { matches: true, reasons };
}

/** Shorthand when the reasons are not needed. */
export function isTargeted(target: PromotionTarget, retailer: TargetedRetailer): boolean {
  return matchPromotionTarget(target, retailer).matches;
}
