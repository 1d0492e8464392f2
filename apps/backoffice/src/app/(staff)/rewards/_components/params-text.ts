import type { RewardRuleKind } from '@tobacco/api/rewards/rewards.run.rules';
import { formatPercent } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import { joinList, type Translate } from '@tobacco/i18n/translator';

/** A rule's condition in words, from its kind and parameters. */
export function paramsText(t: Translate, locale: Locale, kind: RewardRuleKind, params: unknown): string {
  const p = (params ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'SETTLEMENT_RATE':
      return t('rewards.staff.params.minRate', { rate: formatPercent(Number(p.minRate ?? 0), locale) });
    case 'INTEGRITY':
      return t('rewards.staff.params.levels', { levels: joinList(t, (p.levels as string[] | undefined) ?? []) });
    case 'CONTRIBUTION':
      return [
        p.minShare !== undefined ? t('rewards.staff.params.minShare', { share: formatPercent(Number(p.minShare), locale, 2) }) : '',
        p.minGrade !== undefined ? t('rewards.staff.params.minGrade', { grade: Number(p.minGrade) }) : '',
      ]
        .filter(Boolean)
        .join(t('common.clauseSeparator'));
    case 'GROWTH':
      return t('rewards.staff.params.minGrowth', { growth: formatPercent(Number(p.minGrowth ?? 0), locale) });
    case 'SURVEY_COMPLETE':
      return t('rewards.staff.params.survey');
    case 'PRICE_COMPLIANCE':
      return t('rewards.staff.params.price');
  }
}
