'use client';

import { useLocale, useT } from '@tobacco/ui/i18n';

export type AssignPreview = {
  count: number;
  byDistrict: { district: { name: string; nameEn: string } | null; count: number }[];
  byManager: { manager: { name: string } | null; count: number }[];
  sample: { id: number; licenceNo: string; shopName: string }[];
};

/** What a bulk assignment or a move would change, before it is saved. */
export function AssignPreviewView({ preview }: { preview: AssignPreview }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-brand-200 bg-brand-50 p-4" data-testid="assign-preview">
      <p className="font-semibold">{t('admin.assign.previewCount', { count: preview.count })}</p>
      {preview.count > 0 ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <div>
            <p className="text-sm font-semibold text-ink-muted">{t('admin.assign.byDistrict')}</p>
            <ul>
              {preview.byDistrict.map((row, i) => (
                <li key={i}>
                  {t('common.labelValue', {
                    label: row.district ? (locale === 'en' ? row.district.nameEn : row.district.name) : '—',
                    value: row.count,
                  })}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <p className="text-sm font-semibold text-ink-muted">{t('admin.assign.byManager')}</p>
            <ul>
              {preview.byManager.map((row, i) => (
                <li key={i}>{t('common.labelValue', { label: row.manager?.name ?? t('common.notAssigned'), value: row.count })}</li>
              ))}
            </ul>
          </div>
          <div>
            <p className="text-sm font-semibold text-ink-muted">{t('admin.assign.sample')}</p>
            <ul>
              {preview.sample.map((r) => (
                <li key={r.id}>
                  <span className="font-mono">{r.licenceNo}</span> {r.shopName}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}
