import type { Translate } from '@tobacco/i18n/translator';

/** A countdown in words: days and hours, or hours and minutes, or minutes. */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('schedule.duration.days', { d, h });
  if (h > 0) return t('schedule.duration.hours', { h, m });
  return t('schedule.duration.minutes', { m: Math.max(1, m) });
}
