'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNumber } from '@tobacco/i18n/format';
import { Button } from '@tobacco/ui/button';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../../admin/_components/feedback';
import { ShareBars } from './lazy-charts';

type Shape = 'pyramid' | 'spindle' | 'custom';

/** 30 shares with a running total, a chart, a preview on the last published period, and saving (administrators). */
export function ShareEditor({
  current,
  shapes,
  maySave,
}: {
  current: number[];
  shapes: Record<'pyramid' | 'spindle', number[]>;
  maySave: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [shares, setShares] = useState<number[]>(current);
  const [shape, setShape] = useState<Shape>('custom');
  const [previewOf, setPreviewOf] = useState<number[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const sum = Math.round(shares.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0) * 100) / 100;
  const valid = Math.abs(sum - 100) < 0.001 && shares.every((x) => Number.isFinite(x) && x >= 0 && x <= 100);
  const preview = useQuery({ ...trpc.grading.previewShares.queryOptions({ shares: previewOf ?? current }), enabled: previewOf !== null });
  const save = useMutation(trpc.admin.settings.update.mutationOptions());
  const choose = (next: Shape) => {
    setShape(next);
    if (next !== 'custom') setShares(shapes[next]);
    setSuccess(null);
  };
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="font-semibold">{t('grading.staff.shares.shape')}</legend>
        {(['pyramid', 'spindle', 'custom'] as const).map((s) => (
          <label key={s} className="flex min-h-11 items-center gap-2">
            <input type="radio" name="shape" checked={shape === s} onChange={() => choose(s)} />
            {t(`grading.staff.shares.${s}`)}
          </label>
        ))}
        <Button
          variant="ghost"
          onClick={() => {
            setShares(current);
            setShape('custom');
          }}
        >
          {t('grading.staff.shares.current')}
        </Button>
      </fieldset>
      <ShareBars data={shares.map((share, i) => ({ grade: i + 1, share }))} label={t('grading.staff.shares.chart')} />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-5 lg:grid-cols-10">
        {shares.map((share, i) => (
          <label key={i} className="flex flex-col text-sm">
            {t('grading.staff.shares.grade', { grade: i + 1 })}
            <input
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step={0.1}
              value={Number.isFinite(share) ? share : ''}
              className="min-h-11 rounded-lg border border-line px-2"
              onChange={(e) => {
                const next = [...shares];
                next[i] = e.target.value === '' ? Number.NaN : Number(e.target.value);
                setShares(next);
                setShape('custom');
                setSuccess(null);
              }}
            />
          </label>
        ))}
      </div>
      <p role="status" aria-live="polite" className={valid ? 'font-semibold' : 'font-semibold text-danger-700'}>
        {t('grading.staff.shares.sum', { sum: formatNumber(sum, locale) })}
        {valid ? '' : ` · ${t('grading.errors.sharesSum', { sum: formatNumber(sum, locale) })}`}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={!valid} onClick={() => setPreviewOf([...shares])}>
          {t('grading.staff.shares.preview')}
        </Button>
        {maySave ? (
          <Button
            variant="primary"
            disabled={!valid || save.isPending}
            onClick={() => {
              setError(null);
              save.mutateAsync({ values: { 'grading.shareTable': shares } }).then(
                () => setSuccess(t('grading.staff.shares.saved')),
                (e: unknown) => setError(errorText(t, e)),
              );
            }}
          >
            {t('grading.staff.shares.save')}
          </Button>
        ) : null}
      </div>
      <FormMessage error={error ?? (preview.error ? errorText(t, preview.error) : null)} success={success} />
      {previewOf && preview.data === null ? <p>{t('grading.staff.shares.noPeriod')}</p> : null}
      {previewOf && preview.data ? (
        <DataTable
          caption={t('grading.staff.shares.previewTitle', {
            code: preview.data.periodCode,
            ranked: preview.data.ranked,
            up: preview.data.up,
            down: preview.data.down,
          })}
          scrollLabel={t('grading.staff.review.scroll')}
        >
          <thead>
            <tr>
              <Th>{t('grading.staff.review.gradeAxis')}</Th>
              <Th className="text-right">{t('grading.staff.shares.now')}</Th>
              <Th className="text-right">{t('grading.staff.shares.proposed')}</Th>
            </tr>
          </thead>
          <tbody>
            {[...preview.data.grades].reverse().map((g) => (
              <tr key={g.grade}>
                <Th scope="row" className="bg-surface">
                  {g.grade}
                </Th>
                <Td className="text-right">{formatNumber(g.current, locale)}</Td>
                <Td className="text-right">{formatNumber(g.proposed, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}
