'use client';

import { useState } from 'react';
import type { ExportTable, TAnalyticsFilter } from '@tobacco/api/surveys/surveys.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';

type Progress = { name: string; bytes: number; rows: number | null; done: boolean; error?: string };

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** The export query string: the screen's filters, the table and the format. */
export function exportHref(filter: TAnalyticsFilter, table: ExportTable, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== null) params.set(key, String(value));
  params.set('table', table);
  params.set('format', format);
  return `/api/surveys/export?${params.toString()}`;
}

/**
 * Downloads an export while it streams, showing how much has arrived; the file is assembled in the browser
 * only at the end (the server never holds it whole).
 */
export function ExportPanel({ filter, tables }: { filter: TAnalyticsFilter; tables: readonly ExportTable[] }) {
  const t = useT();
  const [progress, setProgress] = useState<Progress | null>(null);

  const run = async (table: ExportTable, format: 'csv' | 'xlsx') => {
    const name = `${t(`surveys.export.table.${table}` as MessageKey)} (${format === 'csv' ? 'CSV' : 'Excel'})`;
    setProgress({ name, bytes: 0, rows: null, done: false });
    try {
      const response = await fetch(exportHref(filter, table, format));
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? response.statusText);
      }
      const rows = Number(response.headers.get('X-Export-Rows') ?? '') || null;
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        setProgress({ name, bytes, rows, done: false });
      }
      const disposition = response.headers.get('Content-Disposition') ?? '';
      const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `export.${format}`;
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ name, bytes, rows, done: true });
    } catch (error) {
      setProgress({ name, bytes: 0, rows: null, done: true, error: (error as Error).message });
    }
  };

  const busy = progress !== null && !progress.done;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-ink-muted">{t('surveys.analytics.exportsBody')}</p>
      <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {tables.map((table) => (
          <li key={table} className="flex items-center justify-between gap-2 rounded-lg border border-line bg-surface px-3 py-2">
            <span>{t(`surveys.export.table.${table}` as MessageKey)}</span>
            <span className="flex gap-2">
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => void run(table, 'csv')}
                aria-label={`${t(`surveys.export.table.${table}` as MessageKey)} ${t('surveys.analytics.exportCsv')}`}
              >
                {t('surveys.analytics.exportCsv')}
              </Button>
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => void run(table, 'xlsx')}
                aria-label={`${t(`surveys.export.table.${table}` as MessageKey)} ${t('surveys.analytics.exportXlsx')}`}
              >
                {t('surveys.analytics.exportXlsx')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" data-testid="export-status" className="min-h-6">
        {progress ? (
          progress.error ? (
            <span className="font-medium text-danger-700">{t('surveys.analytics.exportFailed', { message: progress.error })}</span>
          ) : progress.done ? (
            <span className="font-medium text-success-700">
              {t('surveys.analytics.exportDone', { name: progress.name, size: size(progress.bytes) })}
            </span>
          ) : (
            <span className="flex items-center gap-3">
              <progress aria-label={progress.name} className="w-40" />
              {t('surveys.analytics.exporting', { name: progress.name, size: size(progress.bytes) })}
              {progress.rows !== null ? ` · ${t('surveys.analytics.exportRows', { rows: progress.rows })}` : ''}
            </span>
          )
        ) : null}
      </div>
    </div>
  );
}
