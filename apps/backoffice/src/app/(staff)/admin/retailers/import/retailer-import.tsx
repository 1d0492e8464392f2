'use client';

import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { IMPORT_CHUNK_ROWS, IMPORT_MAX_ROWS } from '@tobacco/api/admin/retailer-accounts.schema';
import { CSV_HEADERS, duplicateLicenceErrors, IMPORT_FIELDS, parseCsv, type ImportError } from '@tobacco/api/admin/retailer-import.rules';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../../_components/feedback';

type Parsed = { fileName: string; header: string[]; rows: string[][] };
type Phase = 'idle' | 'checking' | 'checked' | 'saving' | 'saved';

const REPORT_SHOWN = 200;

/**
 * The file is read in the browser, checked on the server chunk by chunk (the bar shows progress), and saved
 * whole only when the report is empty: the server checks every row again and saves all or nothing.
 */
export function RetailerImport() {
  const t = useT();
  const trpc = useTRPC();
  const fileId = useId();
  const check = useMutation(trpc.admin.retailers.checkImport.mutationOptions());
  const commit = useMutation(trpc.admin.retailers.commitImport.mutationOptions());
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [errors, setErrors] = useState<ImportError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState(0);

  const reset = () => {
    setPhase('idle');
    setProgress(0);
    setErrors([]);
    setFailure(null);
  };

  const onFile = async (file: File | undefined) => {
    reset();
    setParsed(null);
    if (!file) return;
    const rows = parseCsv(await file.text());
    const [header, ...body] = rows;
    if (!header || body.length === 0) {
      setFailure(t('admin.import.emptyFile'));
      return;
    }
    if (body.length > IMPORT_MAX_ROWS) {
      setFailure(t('admin.import.tooMany', { max: IMPORT_MAX_ROWS }));
      return;
    }
    setParsed({ fileName: file.name, header, rows: body });
  };

  const runCheck = async () => {
    if (!parsed) return;
    reset();
    setPhase('checking');
    const found: ImportError[] = [];
    try {
      for (let start = 0; start < parsed.rows.length; start += IMPORT_CHUNK_ROWS) {
        const rows = parsed.rows.slice(start, start + IMPORT_CHUNK_ROWS);
        const result = await check.mutateAsync({ header: parsed.header, rows, firstLine: start + 2 });
        found.push(...result.errors);
        setProgress(Math.min(parsed.rows.length, start + rows.length));
        if (result.errors.some((e) => e.code === 'missingColumn')) break;
      }
    } catch (e) {
      setFailure(errorText(t, e));
      setPhase('idle');
      return;
    }
    // Duplicates across chunks are seen only with the whole file at hand.
    const seen = new Set(found.map((e) => `${e.line}:${e.code}`));
    for (const duplicate of duplicateLicenceErrors(parsed.header, parsed.rows)) {
      if (!seen.has(`${duplicate.line}:${duplicate.code}`)) found.push(duplicate);
    }
    found.sort((a, b) => a.line - b.line);
    setErrors(found);
    setPhase('checked');
  };

  const runCommit = async () => {
    if (!parsed) return;
    setPhase('saving');
    setFailure(null);
    try {
      const result = await commit.mutateAsync({ header: parsed.header, rows: parsed.rows });
      if (!result.ok) {
        setErrors(result.errors);
        setPhase('checked');
        return;
      }
      setCreated(result.created);
      setPhase('saved');
    } catch (e) {
      setFailure(errorText(t, e));
      setPhase('checked');
    }
  };

  const total = parsed?.rows.length ?? 0;
  const template = `\uFEFF${IMPORT_FIELDS.map((f) => CSV_HEADERS[f]).join(',')}\n`;

  return (
    <div className="flex flex-col gap-5">
      <section className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
        <p>{t('admin.import.columns', { columns: IMPORT_FIELDS.map((f) => CSV_HEADERS[f]).join('、') })}</p>
        <p className="text-sm text-ink-muted">{t('admin.import.rules')}</p>
        <p>
          <a
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(template)}`}
            download="retailers-template.csv"
            className="text-brand-700 underline"
          >
            {t('admin.import.template')}
          </a>
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor={fileId} className="font-semibold">
            {t('admin.import.file')}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            className="min-h-12"
            onChange={(e) => void onFile(e.target.files?.[0])}
            disabled={phase === 'checking' || phase === 'saving'}
          />
        </div>
        {parsed ? <p>{t('admin.import.fileSummary', { name: parsed.fileName, rows: total })}</p> : null}
        <div className="flex flex-wrap gap-3">
          <Button disabled={!parsed || phase === 'checking' || phase === 'saving' || phase === 'saved'} onClick={() => void runCheck()}>
            {t('admin.import.check')}
          </Button>
          {phase === 'checked' && errors.length === 0 ? (
            <Button onClick={() => void runCommit()} data-testid="import-commit">
              {t('admin.import.commit', { rows: total })}
            </Button>
          ) : null}
        </div>
        {phase === 'checking' || phase === 'saving' ? (
          <div className="flex flex-col gap-1">
            <progress
              className="h-3 w-full"
              max={total}
              value={phase === 'saving' ? undefined : progress}
              aria-label={t('admin.import.progressLabel')}
            />
            <p role="status" aria-live="polite">
              {phase === 'saving' ? t('admin.import.saving') : t('admin.import.progress', { done: progress, total })}
            </p>
          </div>
        ) : null}
        <FormMessage
          error={failure}
          success={
            phase === 'saved'
              ? t('admin.import.saved', { rows: created })
              : phase === 'checked' && errors.length === 0
                ? t('admin.import.allValid', { rows: total })
                : null
          }
        />
      </section>

      {phase === 'checked' && errors.length > 0 ? (
        <section aria-labelledby="import-report" className="flex flex-col gap-3">
          <h2 id="import-report" className="text-xl font-bold text-danger-700" role="alert">
            {t('admin.import.reportTitle', { count: errors.length, lines: new Set(errors.map((e) => e.line)).size })}
          </h2>
          <p>{t('admin.import.nothingSaved')}</p>
          <DataTable
            caption={t('admin.import.reportCaption')}
            captionHidden
            scrollLabel={t('common.tableScroll', { name: t('admin.import.reportCaption') })}
          >
            <thead>
              <tr>
                <Th>{t('admin.import.col.line')}</Th>
                <Th>{t('admin.import.col.column')}</Th>
                <Th>{t('admin.import.col.value')}</Th>
                <Th>{t('admin.import.col.problem')}</Th>
              </tr>
            </thead>
            <tbody>
              {errors.slice(0, REPORT_SHOWN).map((error, i) => (
                <tr key={i} data-testid="import-error">
                  <Td className="text-right tabular-nums">{error.line}</Td>
                  <Td>{error.field ? CSV_HEADERS[error.field] : '—'}</Td>
                  <Td className="font-mono">{error.value ?? ''}</Td>
                  <Td>{t(`admin.import.error.${error.code}` as MessageKey)}</Td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {errors.length > REPORT_SHOWN ? <p>{t('admin.import.moreErrors', { count: errors.length - REPORT_SHOWN })}</p> : null}
        </section>
      ) : null}
    </div>
  );
}
