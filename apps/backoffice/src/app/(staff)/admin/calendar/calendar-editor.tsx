'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { MessageKey } from '@tobacco/i18n/messages';
import { formatDateTime } from '@tobacco/i18n/format';
import { withNote } from '@tobacco/i18n/translator';
import { Button, buttonClass } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { cn } from '@tobacco/ui/lib/cn';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { useTRPC } from '@/trpc/react';
import { ConfirmButton, errorText, FormMessage } from '../_components/feedback';

type Kind = 'HOLIDAY' | 'MAKEUP_WORKDAY';
type Day = { date: string; kind: Kind; name: string };
type YearData = {
  year: number;
  today: string;
  confirmed: boolean;
  source: string | null;
  days: Day[];
  publishedDays: number;
  unconfirmedYears: number[];
};

const pad = (n: number) => String(n).padStart(2, '0');
const weekdayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

type Preview = {
  dates: string[];
  orderDays: {
    orderWeekday: number;
    cycleStart: string;
    scheduled: string;
    before: string;
    after: string;
    deliveryBefore: string;
    deliveryAfter: string;
    retailers: number;
  }[];
  affectedRetailers: number;
  caseCount: number;
  deadlines: {
    id: number;
    caseNo: string;
    subject: string;
    field: 'acceptDueAt' | 'resolveDueAt' | 'followUpDueAt';
    before: Date;
    after: Date;
  }[];
};

/** What an edit would move: upcoming order days (per order weekday, with how many shops) and open cases' deadlines. */
function PreviewView({ preview }: { preview: Preview }) {
  const t = useT();
  const locale = useLocale();
  if (preview.dates.length === 0) return <p role="status">{t('admin.calendar.noChange')}</p>;
  return (
    <div className="flex flex-col gap-3" data-testid="calendar-preview">
      <p role="status" className="font-semibold">
        {t('admin.calendar.previewSummary', {
          orderDays: preview.orderDays.length,
          retailers: preview.affectedRetailers,
          cases: preview.caseCount,
        })}
      </p>
      {preview.orderDays.length > 0 ? (
        <DataTable
          caption={t('admin.calendar.orderDaysCaption')}
          scrollLabel={t('common.tableScroll', { name: t('admin.calendar.orderDaysCaption') })}
        >
          <thead>
            <tr>
              <Th>{t('admin.calendar.col.weekday')}</Th>
              <Th>{t('admin.calendar.col.scheduled')}</Th>
              <Th>{t('admin.calendar.col.orderBefore')}</Th>
              <Th>{t('admin.calendar.col.orderAfter')}</Th>
              <Th>{t('admin.calendar.col.deliveryBefore')}</Th>
              <Th>{t('admin.calendar.col.deliveryAfter')}</Th>
              <Th className="text-right">{t('admin.calendar.col.retailers')}</Th>
            </tr>
          </thead>
          <tbody>
            {preview.orderDays.map((m) => (
              <tr key={`${m.cycleStart}-${m.orderWeekday}`} data-testid="moved-order-day">
                <Td>{t(`enum.weekday.${m.orderWeekday}` as MessageKey)}</Td>
                <Td className="font-mono">{m.scheduled}</Td>
                <Td className="font-mono">{m.before}</Td>
                <Td className={cn('font-mono', m.after !== m.before && 'font-bold text-warning-800')}>{m.after}</Td>
                <Td className="font-mono">{m.deliveryBefore}</Td>
                <Td className={cn('font-mono', m.deliveryAfter !== m.deliveryBefore && 'font-bold text-warning-800')}>{m.deliveryAfter}</Td>
                <Td className="text-right tabular-nums">{m.retailers}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {preview.deadlines.length > 0 ? (
        <DataTable
          caption={t('admin.calendar.deadlinesCaption')}
          scrollLabel={t('common.tableScroll', { name: t('admin.calendar.deadlinesCaption') })}
        >
          <thead>
            <tr>
              <Th>{t('admin.calendar.col.case')}</Th>
              <Th>{t('admin.calendar.col.deadline')}</Th>
              <Th>{t('admin.calendar.col.before')}</Th>
              <Th>{t('admin.calendar.col.after')}</Th>
            </tr>
          </thead>
          <tbody>
            {preview.deadlines.map((d) => (
              <tr key={`${d.id}-${d.field}`} data-testid="moved-deadline">
                <Td>
                  <span className="font-mono">{d.caseNo}</span> {d.subject}
                </Td>
                <Td>{t(`admin.calendar.field.${d.field}`)}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(d.before, locale)}</Td>
                <Td className="font-semibold whitespace-nowrap">{formatDateTime(d.after, locale)}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {preview.caseCount > preview.deadlines.length ? <p>{t('admin.calendar.moreCases', { count: preview.caseCount })}</p> : null}
    </div>
  );
}

function DayEditor({ date, day, onSaved }: { date: string; day: Day | undefined; onSaved: () => void }) {
  const t = useT();
  const trpc = useTRPC();
  const headingId = useId();
  const [kind, setKind] = useState<'' | Kind>(day?.kind ?? '');
  const [name, setName] = useState(day?.name ?? '');
  const [asked, setAsked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | undefined>();
  const input = { date, kind: kind === '' ? null : kind, name: kind === '' ? '' : name };
  const preview = useQuery({ ...trpc.admin.calendar.previewDay.queryOptions(input), enabled: asked });
  const save = useMutation(trpc.admin.calendar.saveDay.mutationOptions());
  const changed = (kind === '' ? undefined : kind) !== day?.kind || (kind !== '' && name !== (day?.name ?? ''));
  const edit = () => {
    setAsked(false);
    setError(null);
  };
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-xl border border-brand-700 bg-surface p-4"
      data-testid="day-editor"
    >
      <h2 id={headingId} className="text-lg font-bold">
        {t('admin.calendar.editDay', { date, weekday: t(`enum.weekday.${weekdayOf(date)}` as MessageKey) })}
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t('admin.calendar.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as '' | Kind);
            edit();
          }}
          options={[
            { value: '', label: t('admin.calendar.kinds.ORDINARY') },
            { value: 'HOLIDAY', label: t('admin.calendar.kinds.HOLIDAY') },
            { value: 'MAKEUP_WORKDAY', label: t('admin.calendar.kinds.MAKEUP_WORKDAY') },
          ]}
        />
        {kind !== '' ? (
          <TextField
            label={t('admin.calendar.name')}
            value={name}
            error={nameError}
            onChange={(e) => {
              setName(e.target.value);
              edit();
            }}
          />
        ) : null}
      </div>
      <div>
        <Button
          variant="secondary"
          disabled={!changed}
          onClick={() => {
            if (kind !== '' && !name.trim()) {
              setNameError(t('admin.validation.required'));
              return;
            }
            setNameError(undefined);
            setAsked(true);
          }}
        >
          {t('admin.calendar.preview')}
        </Button>
      </div>
      {asked && preview.isFetching ? <p role="status">{t('common.loading')}</p> : null}
      {preview.isError ? <FormMessage error={errorText(t, preview.error)} /> : null}
      {asked && preview.data && !preview.isFetching ? (
        <>
          <PreviewView preview={preview.data} />
          <div>
            <Button
              disabled={save.isPending || preview.data.dates.length === 0}
              onClick={async () => {
                setError(null);
                try {
                  await save.mutateAsync(input);
                  onSaved();
                } catch (e) {
                  setError(errorText(t, e));
                }
              }}
            >
              {t('admin.calendar.save')}
            </Button>
          </div>
        </>
      ) : null}
      <FormMessage error={error} />
    </section>
  );
}

/** A year of the working-day calendar; pick a day to change it, see what moves, then save. */
export function CalendarEditor({ data }: { data: YearData }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const [selected, setSelected] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [askImport, setAskImport] = useState(false);
  const byDate = new Map(data.days.map((d) => [d.date, d]));
  const importPreview = useQuery({ ...trpc.admin.calendar.previewImport.queryOptions({ year: data.year }), enabled: askImport });
  const importYear = useMutation(trpc.admin.calendar.importYear.mutationOptions());
  const confirmYear = useMutation(trpc.admin.calendar.confirmYear.mutationOptions());

  const after = async (action: () => Promise<unknown>, message: string) => {
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      setAskImport(false);
      router.refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <div className="flex flex-col gap-5">
      <nav aria-label={t('admin.calendar.years')} className="flex flex-wrap items-center gap-3">
        <Link href={`/admin/calendar?year=${data.year - 1}`} className={buttonClass('secondary')}>
          ← {data.year - 1}
        </Link>
        <p className="text-2xl font-bold tabular-nums" aria-current="page">
          {t('admin.calendar.yearTitle', { year: data.year })}
        </p>
        <Link href={`/admin/calendar?year=${data.year + 1}`} className={buttonClass('secondary')}>
          {data.year + 1} →
        </Link>
      </nav>

      {data.confirmed ? (
        <p className="rounded-lg border border-success-700/30 bg-success-50 px-4 py-3 text-success-700" data-testid="year-confirmed">
          {t('admin.calendar.confirmed', { source: data.source === 'admin.calendar.sourceManual' ? t(data.source) : (data.source ?? '—') })}
        </p>
      ) : (
        <p
          role="status"
          className="rounded-lg border border-warning-800/30 bg-warning-50 px-4 py-3 text-warning-800"
          data-testid="year-unconfirmed"
        >
          {t('admin.calendar.unconfirmed', { year: data.year })}
        </p>
      )}

      <div className="flex flex-wrap gap-3">
        {data.publishedDays > 0 ? (
          <Button variant="secondary" onClick={() => setAskImport(true)}>
            {t('admin.calendar.importButton', { count: data.publishedDays })}
          </Button>
        ) : (
          <p className="text-ink-muted">{t('admin.calendar.notPublished', { year: data.year })}</p>
        )}
        {data.confirmed ? (
          <ConfirmButton
            label={t('admin.calendar.unconfirm')}
            confirmLabel={t('common.confirm')}
            question={t('admin.calendar.unconfirmQuestion')}
            onConfirm={() => void after(() => confirmYear.mutateAsync({ year: data.year, confirmed: false }), t('admin.saved'))}
          />
        ) : (
          <ConfirmButton
            label={t('admin.calendar.confirm')}
            confirmLabel={t('common.confirm')}
            question={t('admin.calendar.confirmQuestion', { year: data.year })}
            onConfirm={() => void after(() => confirmYear.mutateAsync({ year: data.year, confirmed: true }), t('admin.saved'))}
          />
        )}
      </div>
      {askImport ? (
        <section className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-4" aria-label={t('admin.calendar.importTitle')}>
          {importPreview.isFetching ? <p role="status">{t('common.loading')}</p> : null}
          {importPreview.isError ? <FormMessage error={errorText(t, importPreview.error)} /> : null}
          {importPreview.data && !importPreview.isFetching ? (
            <>
              <PreviewView preview={importPreview.data} />
              <div className="flex gap-3">
                <Button
                  disabled={importYear.isPending}
                  onClick={() => void after(() => importYear.mutateAsync({ year: data.year }), t('admin.calendar.imported'))}
                >
                  {t('admin.calendar.importConfirm')}
                </Button>
                <Button variant="ghost" onClick={() => setAskImport(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            </>
          ) : null}
        </section>
      ) : null}
      <FormMessage error={error} success={done} />

      <ul className="flex flex-wrap gap-4 text-sm" aria-label={t('admin.calendar.legend')}>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="size-4 rounded bg-danger-50 ring-1 ring-danger-700" />
          {t('admin.calendar.kinds.HOLIDAY')}
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="size-4 rounded bg-brand-100 ring-1 ring-brand-700" />
          {t('admin.calendar.kinds.MAKEUP_WORKDAY')}
        </li>
        <li className="flex items-center gap-2">
          <span aria-hidden="true" className="size-4 rounded bg-canvas ring-1 ring-line" />
          {t('admin.calendar.weekend')}
        </li>
      </ul>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_30rem]">
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => {
            const first = `${data.year}-${pad(month)}-01`;
            const blanks = weekdayOf(first) - 1;
            return (
              <section
                key={month}
                aria-label={t('admin.calendar.month', { year: data.year, month })}
                className="rounded-xl border border-line bg-surface p-3"
              >
                <h3 className="mb-2 font-semibold">{t('admin.calendar.month', { year: data.year, month })}</h3>
                <div className="grid grid-cols-7 gap-1 text-center text-sm">
                  {[1, 2, 3, 4, 5, 6, 7].map((w) => (
                    <span key={w} aria-hidden="true" className="text-ink-subtle">
                      {t(`admin.calendar.weekdayShort.${w}` as MessageKey)}
                    </span>
                  ))}
                  {Array.from({ length: blanks }, (_, i) => (
                    <span key={`b${i}`} />
                  ))}
                  {Array.from({ length: daysIn(data.year, month) }, (_, i) => {
                    const date = `${data.year}-${pad(month)}-${pad(i + 1)}`;
                    const special = byDate.get(date);
                    const weekend = weekdayOf(date) >= 6;
                    // The visible day number comes first in the accessible name, then what a sighted user reads from the grid.
                    const detail = ` ${date} ${t(`enum.weekday.${weekdayOf(date)}` as MessageKey)}${special ? ` ${withNote(t, special.name, t(`admin.calendar.kinds.${special.kind}`))}` : ''}`;
                    return (
                      <button
                        key={date}
                        type="button"
                        data-date={date}
                        aria-pressed={selected === date}
                        title={special?.name}
                        onClick={() => {
                          setSelected(date);
                          setDone(null);
                        }}
                        className={cn(
                          'min-h-9 rounded tabular-nums hover:outline hover:outline-2 hover:outline-brand-700',
                          special?.kind === 'HOLIDAY' && 'bg-danger-50 font-semibold text-danger-700 ring-1 ring-danger-700',
                          special?.kind === 'MAKEUP_WORKDAY' && 'bg-brand-100 font-semibold text-brand-800 ring-1 ring-brand-700',
                          !special && weekend && 'bg-canvas text-ink-subtle',
                          date === data.today && 'underline decoration-2',
                          selected === date && 'outline outline-2 outline-focus',
                        )}
                      >
                        {i + 1}
                        <span className="sr-only">{detail}</span>
                      </button>
                    );
                  })}
                </div>
              </section>
            );
          })}
        </div>
        <div className="lg:sticky lg:top-4 lg:self-start">
          {selected ? (
            <DayEditor
              key={selected}
              date={selected}
              day={byDate.get(selected)}
              onSaved={() => {
                setDone(t('admin.calendar.saved', { date: selected }));
                setSelected(null);
                router.refresh();
              }}
            />
          ) : (
            <p className="rounded-xl border border-dashed border-line p-4 text-ink-muted">{t('admin.calendar.pickDay')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
