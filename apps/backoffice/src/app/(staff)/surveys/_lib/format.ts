import { formatDateTime } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import type { Translate } from '@tobacco/i18n/translator';

export const STATE_STYLE: Record<string, string> = {
  DRAFT: 'bg-canvas text-ink',
  PENDING_APPROVAL: 'bg-warning-50 text-warning-800',
  APPROVED: 'bg-brand-50 text-brand-800',
  OPEN: 'bg-success-50 text-success-700',
  CLOSED: 'bg-canvas text-ink-muted',
};

export function windowText(opensAt: Date | null, closesAt: Date | null, t: Translate, locale: Locale): string {
  if (!opensAt && !closesAt) return t('surveys.window.none');
  return t('surveys.window.range', {
    from: opensAt ? formatDateTime(opensAt, locale) : '—',
    to: closesAt ? formatDateTime(closesAt, locale) : '—',
  });
}

/** "C-2-B-3" as 城镇 · 中 · 便利店 · 21–30 档 */
export function stratumText(r: { market: string; sizeClass: number; businessForm: string; gradeBand: number }, t: Translate): string {
  return [
    t(`enum.market.${r.market}` as never),
    t(`common.size.${r.sizeClass}` as never),
    t(`enum.form.${r.businessForm}` as never),
    t(`surveys.band.${r.gradeBand}` as never),
  ].join(' · ');
}
