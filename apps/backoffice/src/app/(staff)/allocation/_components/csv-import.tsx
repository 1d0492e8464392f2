'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { CsvLimitError } from '@tobacco/api/allocation/allocation.csv.rules';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../../admin/_components/feedback';

/** Imports a limits CSV into the version: every row is checked; with any error nothing changes and the report says which rows. */
export function CsvImport({ policyId }: { policyId: number }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const importCsv = useMutation(trpc.allocation.importCsv.mutationOptions());
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ errors: CsvLimitError[]; errorCount: number; rowCount: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = async () => {
    setError(null);
    setDone(null);
    setReport(null);
    if (!file) {
      setError(t('allocation.staff.csv.chooseFile'));
      return;
    }
    if (file.size > 1_000_000) {
      setError(t('allocation.staff.validation.fileTooLarge'));
      return;
    }
    try {
      const result = await importCsv.mutateAsync({ policyId, csv: await file.text() });
      if (result.ok) {
        setDone(t('allocation.staff.csv.imported', { n: result.rowCount, changed: result.changed }));
        router.refresh();
      } else setReport(result);
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const describe = (e: CsvLimitError) =>
    t(`allocation.staff.csv.error.${e.code}` as MessageKey, { value: e.value ?? '', other: e.otherLine ?? '' });

  return (
    <section aria-labelledby="csv-heading" className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      <h2 id="csv-heading" className="text-lg font-bold">
        {t('allocation.staff.csv.title')}
      </h2>
      <p className="text-ink-muted">{t('allocation.staff.csv.hint')}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="limits-csv" className="font-semibold">
            {t('allocation.staff.csv.file')}
          </label>
          <input
            id="limits-csv"
            type="file"
            accept=".csv,text/csv"
            className="min-h-11"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <Button variant="secondary" disabled={importCsv.isPending} onClick={() => void run()}>
          {t('allocation.staff.csv.import')}
        </Button>
      </div>
      {report ? (
        <div role="alert" className="flex flex-col gap-2 rounded-lg border border-danger-200 bg-danger-50 p-3" data-testid="csv-report">
          <p className="font-semibold text-danger-700">
            {t('allocation.staff.csv.rejected', { errors: report.errorCount, rows: report.rowCount })}
          </p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('allocation.staff.csv.reportCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1">
                  {t('allocation.staff.csv.line')}
                </th>
                <th scope="col" className="py-1">
                  {t('allocation.staff.csv.problem')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((e, i) => (
                <tr key={i} className="border-t border-danger-200">
                  <td className="py-1 pr-3">{e.line}</td>
                  <td className="py-1">{describe(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.errorCount > report.errors.length ? (
            <p>{t('allocation.staff.csv.more', { n: report.errorCount - report.errors.length })}</p>
          ) : null}
        </div>
      ) : null}
      <FormMessage error={error} success={done} />
    </section>
  );
}
