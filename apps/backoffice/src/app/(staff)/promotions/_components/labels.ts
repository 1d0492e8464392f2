import type { MessageKey } from '@tobacco/i18n/messages';
import { joinList, type Translate } from '@tobacco/i18n/translator';

// How a promotion's state is shown: its label and the colour of its badge.
export const STATE_TONE = {
  DRAFT: 'muted',
  PENDING_APPROVAL: 'warn',
  APPROVED: 'ok',
  LIVE: 'ok',
  ENDED: 'muted',
  REJECTED: 'bad',
  WITHDRAWN: 'bad',
} as const;

export type PromotionStateName = keyof typeof STATE_TONE;
export const stateLabel = (state: PromotionStateName): MessageKey => `promotions.staff.state.${state}`;

type Target = {
  targetGradeMin: number | null;
  targetGradeMax: number | null;
  targetClassifications: string[];
  targetDistrictIds: number[];
  targetIntegrityLevels: string[];
  targetNamedList: boolean;
};

/** A one-line description of a target, for lists and the detail page. */
export function targetSummary(t: Translate, target: Target, districtNames: string[] = [], listSize?: number): string {
  if (target.targetNamedList) return t('promotions.staff.target.namedListCount', { n: listSize ?? 0 });
  const parts: string[] = [];
  if (target.targetGradeMin !== null || target.targetGradeMax !== null) {
    parts.push(t('promotions.staff.target.grades', { min: target.targetGradeMin ?? 1, max: target.targetGradeMax ?? 30 }));
  }
  if (target.targetClassifications.length > 0)
    parts.push(t('promotions.staff.target.classes', { codes: joinList(t, target.targetClassifications) }));
  if (target.targetDistrictIds.length > 0)
    parts.push(
      districtNames.length > 0
        ? joinList(t, districtNames)
        : t('promotions.staff.target.districtsCount', { n: target.targetDistrictIds.length }),
    );
  if (target.targetIntegrityLevels.length > 0)
    parts.push(t('promotions.staff.target.integrity', { levels: joinList(t, target.targetIntegrityLevels) }));
  return parts.length > 0 ? parts.join(' · ') : t('promotions.staff.target.everyone');
}
