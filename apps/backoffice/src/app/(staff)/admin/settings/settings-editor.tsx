'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { SETTINGS, type SettingGroup, type SettingKey } from '@tobacco/api/admin/settings.registry';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { cn } from '@tobacco/ui/lib/cn';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../_components/feedback';
import { withNote } from '@tobacco/i18n/translator';

type Item = { key: SettingKey; value: unknown; default: unknown; isDefault: boolean; updatedAt: Date | null; updatedBy: string | null };
type Group = { group: SettingGroup; items: Item[] };

// How each setting is edited, read from its default's shape: one number, a time, a weekday, a table of
// 30 grade shares, a few named numbers, or (for lists of records) JSON checked against the same schema.
type Editor = 'number' | 'time' | 'weekday' | 'shares' | 'numbers' | 'json';
function editorOf(key: SettingKey): Editor {
  const definition = SETTINGS[key];
  const value = definition.default as unknown;
  if (definition.unit === 'weekday') return 'weekday';
  if (definition.unit === 'time') return 'time';
  if (typeof value === 'number') return 'number';
  if (key === 'grading.shareTable') return 'shares';
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'number'))
    return 'numbers';
  return 'json';
}

// The form keeps text as typed; it becomes a value only when checked.
function toText(key: SettingKey, value: unknown): unknown {
  const editor = editorOf(key);
  if (editor === 'number' || editor === 'weekday') return String(value);
  if (editor === 'time') return value;
  if (editor === 'shares') return (value as number[]).map(String);
  if (editor === 'numbers') return Object.fromEntries(Object.entries(value as Record<string, number>).map(([k, v]) => [k, String(v)]));
  return JSON.stringify(value, null, 2);
}

function fromText(key: SettingKey, text: unknown): unknown {
  const editor = editorOf(key);
  const num = (s: unknown) => (typeof s === 'string' && s.trim() !== '' ? Number(s) : Number.NaN);
  if (editor === 'number' || editor === 'weekday') return num(text);
  if (editor === 'time') return text;
  if (editor === 'shares') return (text as string[]).map(num);
  if (editor === 'numbers') return Object.fromEntries(Object.entries(text as Record<string, string>).map(([k, v]) => [k, num(v)]));
  try {
    return JSON.parse(text as string);
  } catch {
    return undefined;
  }
}

const unitKey = (unit: string) => `admin.settings.unit.${unit === '%' ? 'percent' : unit.replace(/ /g, '_')}` as MessageKey;
const CONTROL =
  'block w-full min-h-12 rounded-lg border border-control bg-surface px-3 text-base text-ink aria-invalid:border-2 aria-invalid:border-danger-700';

function SettingField({ item, text, error, onChange }: { item: Item; text: unknown; error?: string; onChange: (text: unknown) => void }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const definition = SETTINGS[item.key];
  const editor = editorOf(item.key);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  const shares = editor === 'shares' ? (text as string[]) : [];
  const sum = shares.reduce((s, v) => s + (Number(v) || 0), 0);
  return (
    <div className="flex flex-col gap-1 border-b border-line py-4 last:border-b-0" data-testid={`setting-${item.key}`}>
      <label htmlFor={id} className="font-semibold">
        {definition.label[locale]}
        <span className="ml-2 text-sm font-normal text-ink-subtle">{withNote(t, '', t(unitKey(definition.unit)))}</span>
      </label>
      <p id={`${id}-hint`} className="text-sm text-ink-subtle">
        {t('admin.settings.defaultIs', {
          value: typeof item.default === 'object' ? t('admin.settings.defaultTable') : String(item.default),
        })}
        {item.updatedAt
          ? ` · ${t('admin.settings.changedBy', { name: item.updatedBy ?? '—', at: formatDateTime(item.updatedAt, locale) })}`
          : ''}
      </p>
      {editor === 'number' ? (
        <input
          {...common}
          type="number"
          step="any"
          inputMode="decimal"
          className={cn(CONTROL, 'max-w-48')}
          value={text as string}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : null}
      {editor === 'time' ? (
        <input
          {...common}
          type="time"
          className={cn(CONTROL, 'max-w-48')}
          value={text as string}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : null}
      {editor === 'weekday' ? (
        <select {...common} className={cn(CONTROL, 'max-w-48')} value={text as string} onChange={(e) => onChange(e.target.value)}>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <option key={d} value={d}>
              {t(`enum.weekday.${d}` as MessageKey)}
            </option>
          ))}
        </select>
      ) : null}
      {editor === 'numbers' ? (
        <fieldset {...common} className="grid gap-3 sm:grid-cols-4">
          <legend className="sr-only">{definition.label[locale]}</legend>
          {Object.entries(text as Record<string, string>).map(([sub, value]) => (
            <label key={sub} className="flex flex-col gap-1 text-sm">
              {t(`admin.settings.sub.${sub}` as MessageKey)}
              <input
                type="number"
                step="any"
                className={CONTROL}
                value={value}
                onChange={(e) => onChange({ ...(text as Record<string, string>), [sub]: e.target.value })}
              />
            </label>
          ))}
        </fieldset>
      ) : null}
      {editor === 'shares' ? (
        <fieldset {...common} className="flex flex-col gap-3">
          <legend className="sr-only">{definition.label[locale]}</legend>
          <div className="grid grid-cols-3 gap-2 sm:grid-cols-6 xl:grid-cols-10">
            {shares.map((value, i) => (
              <label key={i} className="flex flex-col text-sm">
                {t('common.gradeValue', { grade: i + 1 })}
                <input
                  type="number"
                  step="0.1"
                  min="0"
                  className={CONTROL}
                  value={value}
                  onChange={(e) => onChange(shares.map((v, j) => (j === i ? e.target.value : v)))}
                />
              </label>
            ))}
          </div>
          <p className={cn('text-sm', Math.abs(sum - 100) < 0.001 ? 'text-success-700' : 'font-semibold text-danger-700')}>
            {t('admin.settings.sharesSum', { sum: Math.round(sum * 100) / 100 })}
          </p>
          {/* The table's shape (pyramid, spindle) as a chart: one bar per grade, grade 30 at the top. */}
          <figure aria-label={t('admin.settings.sharesChart')} className="flex flex-col gap-0.5">
            {[...shares.keys()].reverse().map((i) => (
              <div key={i} className="flex items-center gap-2 text-xs">
                <span className="w-8 text-right tabular-nums text-ink-subtle">{i + 1}</span>
                <span className="h-2 rounded bg-brand-700" style={{ width: `${Math.min(100, (Number(shares[i]) || 0) * 8)}%` }} />
              </div>
            ))}
          </figure>
        </fieldset>
      ) : null}
      {editor === 'json' ? (
        <textarea
          {...common}
          rows={8}
          spellCheck={false}
          className={cn(CONTROL, 'py-2 font-mono text-sm')}
          value={text as string}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
      {!item.isDefault ? (
        <div>
          <Button variant="ghost" onClick={() => onChange(toText(item.key, item.default))}>
            {t('admin.settings.restoreDefault')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function GroupForm({ group }: { group: Group }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const headingId = useId();
  const update = useMutation(trpc.admin.settings.update.mutationOptions());
  const initial = Object.fromEntries(group.items.map((item) => [item.key, toText(item.key, item.value)]));
  const [texts, setTexts] = useState<Record<string, unknown>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = async () => {
    setFormError(null);
    setDone(null);
    const next: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    for (const item of group.items) {
      const value = fromText(item.key, texts[item.key]);
      const parsed = SETTINGS[item.key].schema.safeParse(value);
      if (!parsed.success)
        next[item.key] = item.key === 'grading.shareTable' ? t('admin.settings.sharesInvalid') : t('admin.settings.invalidValue');
      else if (JSON.stringify(parsed.data) !== JSON.stringify(item.value)) values[item.key] = parsed.data;
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setFormError(t('admin.settings.fixErrors'));
      return;
    }
    if (Object.keys(values).length === 0) {
      setDone(t('admin.settings.nothingChanged'));
      return;
    }
    try {
      const result = await update.mutateAsync({ values });
      setDone(t('admin.settings.savedCount', { count: result.changed.length }));
      router.refresh();
    } catch (e) {
      setFormError(errorText(t, e));
    }
  };

  return (
    <section
      aria-labelledby={headingId}
      id={`group-${group.group}`}
      className="scroll-mt-4 rounded-xl border border-line bg-surface p-4 sm:p-6"
    >
      <h2 id={headingId} className="text-xl font-bold">
        {t(`admin.settings.group.${group.group}` as MessageKey)}
      </h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {group.items.map((item) => (
          <SettingField
            key={item.key}
            item={item}
            text={texts[item.key]}
            error={errors[item.key]}
            onChange={(text) => setTexts((prev) => ({ ...prev, [item.key]: text }))}
          />
        ))}
        <div className="mt-4 flex flex-col gap-3">
          <FormMessage error={formError} success={done} />
          <div>
            <Button type="submit" disabled={update.isPending} aria-busy={update.isPending || undefined}>
              {update.isPending ? t('admin.saving') : t('admin.settings.saveGroup')}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}

export function SettingsEditor({ groups }: { groups: Group[] }) {
  const t = useT();
  return (
    <div className="grid gap-6 lg:grid-cols-[12rem_minmax(0,1fr)]">
      <nav aria-label={t('admin.settings.groups')} className="lg:sticky lg:top-4 lg:self-start">
        <ul className="flex flex-wrap gap-2 lg:flex-col">
          {groups.map((group) => (
            <li key={group.group}>
              <a href={`#group-${group.group}`} className="block rounded-lg px-3 py-2 text-brand-700 hover:bg-brand-50">
                {t(`admin.settings.group.${group.group}` as MessageKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex flex-col gap-6">
        {groups.map((group) => (
          <GroupForm key={group.group} group={group} />
        ))}
      </div>
    </div>
  );
}
