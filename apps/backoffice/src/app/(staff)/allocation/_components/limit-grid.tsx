'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useState, type ClipboardEvent } from 'react';
import { limitsToCsv } from '@tobacco/api/allocation/allocation.csv.rules';
import { MAX_GRADE, MIN_GRADE, validateBands, type BandErrorCode } from '@tobacco/api/allocation/allocation.rules';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useToast } from '@tobacco/ui/toast';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../../admin/_components/feedback';

// The policy grid: one row per product, one column per grade band, a limit in 条 in each cell (empty:
// no limit for that band). Many cells change at once by pasting a block from a spreadsheet, or with the
// bulk tool (set, add or scale a band's column for the ticked rows). Saved in one call, checked first.

export type GridProduct = { id: number; code: string; brand: string; name: string; scarce: boolean };
type Band = { from: number; to: number };
type Limit = { productId: number; gradeFrom: number; gradeTo: number; limitQuantity: number };

const bandKey = (b: Band) => `${b.from}-${b.to}`;
const cellKey = (productId: number, b: Band) => `${productId}:${bandKey(b)}`;
const CELL =
  'w-20 min-h-11 rounded-md border border-control bg-surface px-2 text-right text-base aria-invalid:border-2 aria-invalid:border-danger-700';

function bandsOf(limits: readonly Limit[]): Band[] {
  const seen = new Map<string, Band>();
  for (const l of limits) seen.set(`${l.gradeFrom}-${l.gradeTo}`, { from: l.gradeFrom, to: l.gradeTo });
  const bands = [...seen.values()].sort((a, b) => a.from - b.from || a.to - b.to);
  return bands.length > 0 ? bands : [{ from: MIN_GRADE, to: MAX_GRADE }];
}

export function LimitGrid({
  policyId,
  editable,
  limits,
  products,
  note,
  fileName,
}: {
  policyId: number;
  editable: boolean;
  limits: Limit[];
  products: GridProduct[];
  note: string | null;
  fileName: string;
}) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.allocation.saveLimits.mutationOptions());

  const [bands, setBands] = useState<Band[]>(() => bandsOf(limits));
  const [rows, setRows] = useState<GridProduct[]>(() => {
    const byId = new Map(products.map((p) => [p.id, p]));
    return [...new Set(limits.map((l) => l.productId))].map((id) => byId.get(id)!).filter(Boolean);
  });
  const [cells, setCells] = useState<Map<string, string>>(
    () => new Map(limits.map((l) => [cellKey(l.productId, { from: l.gradeFrom, to: l.gradeTo }), String(l.limitQuantity)])),
  );
  const [noteText, setNoteText] = useState(note ?? '');
  const [dirty, setDirty] = useState(false);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setCell = (key: string, value: string) => {
    setCells((map) => new Map(map).set(key, value));
    setDirty(true);
  };

  /** The grid as limit rows, with the cells that are not whole numbers ≥ 0. */
  const built = useMemo(() => {
    const out: Limit[] = [];
    const bad = new Set<string>();
    for (const row of rows) {
      for (const band of bands) {
        const key = cellKey(row.id, band);
        const text = (cells.get(key) ?? '').trim();
        if (text === '') continue;
        if (!/^\d{1,7}$/.test(text)) {
          bad.add(key);
          continue;
        }
        out.push({ productId: row.id, gradeFrom: band.from, gradeTo: band.to, limitQuantity: Number(text) });
      }
    }
    return { limits: out, bad };
  }, [rows, bands, cells]);
  const bandErrors = useMemo(() => validateBands(built.limits), [built.limits]);
  const overlapping = useMemo(
    () =>
      new Set(
        bandErrors.map((e) =>
          cellKey(built.limits[e.row]!.productId, { from: built.limits[e.row]!.gradeFrom, to: built.limits[e.row]!.gradeTo }),
        ),
      ),
    [bandErrors, built.limits],
  );

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, rowIndex: number, bandIndex: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return;
    event.preventDefault();
    const block = text
      .replace(/\r/g, '')
      .replace(/\n$/, '')
      .split('\n')
      .map((line) => line.split('\t'));
    setCells((map) => {
      const next = new Map(map);
      block.forEach((values, r) =>
        values.forEach((value, c) => {
          const row = rows[rowIndex + r];
          const band = bands[bandIndex + c];
          if (row && band) next.set(cellKey(row.id, band), value.trim());
        }),
      );
      return next;
    });
    setDirty(true);
  };

  // Bulk tool
  const [bulkBand, setBulkBand] = useState('all');
  const [bulkOp, setBulkOp] = useState<'set' | 'add' | 'scale'>('set');
  const [bulkValue, setBulkValue] = useState('');
  const [bulkError, setBulkError] = useState<string>();
  const applyBulk = () => {
    const n = Number(bulkValue);
    if (
      bulkValue.trim() === '' ||
      !Number.isFinite(n) ||
      (bulkOp === 'set' && (n < 0 || !Number.isInteger(n))) ||
      (bulkOp === 'add' && !Number.isInteger(n)) ||
      (bulkOp === 'scale' && n < 0)
    ) {
      setBulkError(t('allocation.staff.grid.bulkInvalid'));
      return;
    }
    setBulkError(undefined);
    const targetRows = ticked.size > 0 ? rows.filter((r) => ticked.has(r.id)) : rows;
    const targetBands = bulkBand === 'all' ? bands : bands.filter((b) => bandKey(b) === bulkBand);
    setCells((map) => {
      const next = new Map(map);
      for (const row of targetRows) {
        for (const band of targetBands) {
          const key = cellKey(row.id, band);
          const current = (map.get(key) ?? '').trim();
          if (bulkOp === 'set') next.set(key, String(n));
          else if (current !== '' && /^\d+$/.test(current)) {
            const value = bulkOp === 'add' ? Number(current) + n : Math.round((Number(current) * n) / 100);
            next.set(key, String(Math.max(0, value)));
          }
        }
      }
      return next;
    });
    setDirty(true);
  };

  // Bands (columns)
  const [newFrom, setNewFrom] = useState('');
  const [newTo, setNewTo] = useState('');
  const [bandError, setBandError] = useState<string>();
  const addBand = () => {
    const from = Number(newFrom);
    const to = Number(newTo);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < MIN_GRADE || to > MAX_GRADE || from > to) {
      setBandError(t('allocation.staff.grid.bandInvalid'));
      return;
    }
    if (bands.some((b) => b.from === from && b.to === to)) {
      setBandError(t('allocation.staff.grid.bandExists'));
      return;
    }
    setBandError(undefined);
    setBands((list) => [...list, { from, to }].sort((a, b) => a.from - b.from || a.to - b.to));
    setNewFrom('');
    setNewTo('');
    setDirty(true);
  };
  const removeBand = (band: Band) => {
    setBands((list) => list.filter((b) => bandKey(b) !== bandKey(band)));
    setDirty(true);
  };

  // Products (rows)
  const [query, setQuery] = useState('');
  const found = useQuery({ ...trpc.allocation.products.queryOptions({ q: query.trim() }), enabled: editable && query.trim().length > 0 });
  const addRow = (product: GridProduct) => {
    if (rows.some((r) => r.id === product.id)) return;
    setRows((list) => [...list, product]);
    setDirty(true);
  };
  const removeRow = (id: number) => {
    setRows((list) => list.filter((r) => r.id !== id));
    setDirty(true);
  };

  const onSave = async () => {
    setError(null);
    if (built.bad.size > 0) {
      setError(t('allocation.staff.grid.badCells', { n: built.bad.size }));
      return;
    }
    if (bandErrors.length > 0) {
      setError(t('allocation.staff.grid.overlaps', { n: bandErrors.length }));
      return;
    }
    try {
      await save.mutateAsync({ policyId, note: noteText, limits: built.limits });
      setDirty(false);
      toast(t('allocation.staff.grid.saved', { n: built.limits.length }));
      router.refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const download = () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const csv = limitsToCsv(
      built.limits.map((l) => ({
        productCode: byId.get(l.productId)!.code,
        gradeFrom: l.gradeFrom,
        gradeTo: l.gradeTo,
        limitQuantity: l.limitQuantity,
      })),
    );
    const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  };

  const bandLabel = (b: Band) => t('allocation.staff.grid.band', { from: b.from, to: b.to });
  const cellError = (key: string): MessageKey | null =>
    built.bad.has(key) ? 'allocation.staff.grid.cellInvalid' : overlapping.has(key) ? 'allocation.staff.grid.cellOverlap' : null;
  const overlapCodes = new Set<BandErrorCode>(bandErrors.map((e) => e.code));

  return (
    <section aria-labelledby="grid-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="grid-heading" className="text-lg font-bold">
          {t('allocation.staff.grid.title')}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={download}>
            {t('allocation.staff.grid.download')}
          </Button>
        </div>
      </div>
      {editable ? (
        <>
          <p className="text-ink-muted">{t('allocation.staff.grid.hint')}</p>
          <div
            className="grid gap-3 rounded-xl border border-line bg-surface p-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
            role="group"
            aria-label={t('allocation.staff.grid.bulk')}
          >
            <SelectField
              label={t('allocation.staff.grid.bulkBand')}
              value={bulkBand}
              onChange={(e) => setBulkBand(e.target.value)}
              options={[
                { value: 'all', label: t('allocation.staff.grid.allBands') },
                ...bands.map((b) => ({ value: bandKey(b), label: bandLabel(b) })),
              ]}
            />
            <SelectField
              label={t('allocation.staff.grid.bulkOp')}
              value={bulkOp}
              onChange={(e) => setBulkOp(e.target.value as 'set' | 'add' | 'scale')}
              options={(['set', 'add', 'scale'] as const).map((op) => ({ value: op, label: t(`allocation.staff.grid.op.${op}`) }))}
            />
            <TextField
              label={t('allocation.staff.grid.bulkValue')}
              inputMode="numeric"
              value={bulkValue}
              error={bulkError}
              onChange={(e) => setBulkValue(e.target.value)}
            />
            <p className="self-end pb-3 text-sm text-ink-muted">
              {ticked.size > 0 ? t('allocation.staff.grid.tickedRows', { n: ticked.size }) : t('allocation.staff.grid.allRows')}
            </p>
            <Button className="self-end" onClick={applyBulk}>
              {t('allocation.staff.grid.apply')}
            </Button>
          </div>
        </>
      ) : null}

      {rows.length === 0 ? (
        <p className="rounded-xl border border-line bg-surface p-4 text-ink-muted">{t('allocation.staff.grid.empty')}</p>
      ) : (
        <div
          role="region"
          aria-label={t('allocation.staff.grid.scroll')}
          tabIndex={0}
          className="overflow-x-auto rounded-xl border border-line bg-surface"
        >
          <table className="w-full border-collapse text-left" data-testid="limit-grid">
            <caption className="sr-only">{t('allocation.staff.grid.caption')}</caption>
            <thead>
              <tr>
                {editable ? (
                  <th scope="col" className="border-b border-line bg-canvas px-2 py-2">
                    <span className="sr-only">{t('allocation.staff.grid.tick')}</span>
                  </th>
                ) : null}
                <th scope="col" className="border-b border-line bg-canvas px-3 py-2 text-sm font-semibold">
                  {t('allocation.staff.grid.product')}
                </th>
                {bands.map((b) => (
                  <th
                    key={bandKey(b)}
                    scope="col"
                    className="border-b border-line bg-canvas px-2 py-2 text-sm font-semibold whitespace-nowrap"
                  >
                    {bandLabel(b)}
                    {editable ? (
                      <button
                        type="button"
                        onClick={() => removeBand(b)}
                        className="ml-1 min-h-9 min-w-9 rounded hover:bg-danger-50"
                        aria-label={t('allocation.staff.grid.removeBand', { band: bandLabel(b) })}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    ) : null}
                  </th>
                ))}
                {editable ? (
                  <th scope="col" className="border-b border-line bg-canvas px-2 py-2">
                    <span className="sr-only">{t('allocation.staff.grid.rowActions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rowIndex) => (
                <tr key={row.id} data-testid="limit-row" data-product-code={row.code}>
                  {editable ? (
                    <td className="border-b border-line px-2">
                      <input
                        type="checkbox"
                        className="size-5"
                        aria-label={t('allocation.staff.grid.tickRow', { product: `${row.brand} ${row.name}` })}
                        checked={ticked.has(row.id)}
                        onChange={(e) =>
                          setTicked((set) => {
                            const next = new Set(set);
                            if (e.target.checked) next.add(row.id);
                            else next.delete(row.id);
                            return next;
                          })
                        }
                      />
                    </td>
                  ) : null}
                  <th scope="row" className="border-b border-line px-3 py-1 text-left font-normal whitespace-nowrap">
                    <span className="font-semibold">
                      {row.brand} {row.name}
                    </span>{' '}
                    <span className="text-sm text-ink-muted">{row.code}</span>
                    {row.scarce ? (
                      <span className="ml-1 rounded-full bg-danger-50 px-2 text-sm text-danger-700">{t('allocation.staff.scarce')}</span>
                    ) : null}
                  </th>
                  {bands.map((b, bandIndex) => {
                    const key = cellKey(row.id, b);
                    const problem = cellError(key);
                    return (
                      <td key={key} className="border-b border-line px-2 py-1">
                        {editable ? (
                          <input
                            className={CELL}
                            inputMode="numeric"
                            aria-label={t('allocation.staff.grid.cell', { product: `${row.brand} ${row.name}`, band: bandLabel(b) })}
                            aria-invalid={problem ? true : undefined}
                            title={problem ? t(problem) : undefined}
                            value={cells.get(key) ?? ''}
                            onChange={(e) => setCell(key, e.target.value)}
                            onPaste={(e) => onPaste(e, rowIndex, bandIndex)}
                          />
                        ) : (
                          <span className="block text-right">{cells.get(key) || '—'}</span>
                        )}
                      </td>
                    );
                  })}
                  {editable ? (
                    <td className="border-b border-line px-2">
                      <Button
                        variant="ghost"
                        onClick={() => removeRow(row.id)}
                        aria-label={t('allocation.staff.grid.removeRow', { product: `${row.brand} ${row.name}` })}
                      >
                        {t('allocation.staff.grid.remove')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {overlapCodes.size > 0 ? (
        <p role="alert" className="text-danger-700">
          {t('allocation.staff.grid.overlaps', { n: bandErrors.length })}
        </p>
      ) : null}

      {editable ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-3">
            <h3 className="font-semibold">{t('allocation.staff.grid.addProduct')}</h3>
            <TextField
              type="search"
              label={t('allocation.staff.grid.findProduct')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            {found.data && found.data.length > 0 ? (
              <ul className="flex max-h-48 flex-col overflow-y-auto" aria-label={t('allocation.staff.grid.results')}>
                {found.data.map((p) => (
                  <li key={p.id} className="flex items-center justify-between gap-2 border-b border-line py-1 last:border-b-0">
                    <span>
                      {p.brand} {p.name} <span className="text-sm text-ink-muted">{p.code}</span>
                    </span>
                    <Button variant="ghost" disabled={rows.some((r) => r.id === p.id)} onClick={() => addRow(p)}>
                      {t('allocation.staff.grid.add')}
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="flex flex-col gap-2 rounded-xl border border-line bg-surface p-3">
            <h3 className="font-semibold">{t('allocation.staff.grid.addBand')}</h3>
            <div className="grid grid-cols-[1fr_1fr_auto] gap-2">
              <TextField
                label={t('allocation.staff.grid.from')}
                inputMode="numeric"
                value={newFrom}
                onChange={(e) => setNewFrom(e.target.value)}
              />
              <TextField
                label={t('allocation.staff.grid.to')}
                inputMode="numeric"
                value={newTo}
                onChange={(e) => setNewTo(e.target.value)}
              />
              <Button className="self-end" variant="secondary" onClick={addBand}>
                {t('allocation.staff.grid.add')}
              </Button>
            </div>
            {bandError ? <p className="text-sm font-medium text-danger-700">{bandError}</p> : null}
          </div>
          <TextField
            className="lg:col-span-2"
            label={t('allocation.staff.grid.note')}
            value={noteText}
            maxLength={200}
            onChange={(e) => {
              setNoteText(e.target.value);
              setDirty(true);
            }}
          />
          <div className="flex flex-wrap items-center gap-3 lg:col-span-2">
            <Button size="lg" disabled={save.isPending} onClick={() => void onSave()}>
              {t('allocation.staff.grid.save')}
            </Button>
            {dirty ? <span className="text-warning-800">{t('allocation.staff.grid.unsaved')}</span> : null}
          </div>
          <div className="lg:col-span-2">
            <FormMessage error={error} />
          </div>
        </div>
      ) : null}
    </section>
  );
}
