'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { REWARD_RULE_KINDS, type RewardRuleKind } from '@tobacco/api/rewards/rewards.run.rules';
import { ZSaveRuleInput } from '@tobacco/api/rewards/rewards.staff.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../../admin/_components/feedback';

type Rule = { kind: RewardRuleKind; name: string; nameEn: string; params: unknown; points: number; active: boolean };
const LEVELS = ['AAA', 'AA', 'A', 'B', 'C', 'D'] as const;

/**
 * Changes a rule from a period on: a new version (the earlier one keeps applying to earlier periods), or
 * the same period's version if it has granted nothing yet.
 */
export function RuleForm({ current, nextPeriod }: { current: Partial<Record<RewardRuleKind, Rule>>; nextPeriod: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const save = useMutation(trpc.rewards.saveRule.mutationOptions());
  const [kind, setKind] = useState<RewardRuleKind>('SETTLEMENT_RATE');
  const start = (k: RewardRuleKind) => {
    const rule = current[k];
    const params = (rule?.params ?? {}) as Record<string, unknown>;
    return {
      name: rule?.name ?? '',
      nameEn: rule?.nameEn ?? '',
      points: String(rule?.points ?? ''),
      active: rule?.active ?? true,
      effectiveFrom: nextPeriod,
      minRate: params.minRate !== undefined ? String(Number(params.minRate) * 100) : '98',
      levels: (params.levels as string[] | undefined) ?? ['AAA', 'AA'],
      minShare: params.minShare !== undefined ? String(Number(params.minShare) * 100) : '',
      minGrade: params.minGrade !== undefined ? String(params.minGrade) : '',
      minGrowth: params.minGrowth !== undefined ? String(Number(params.minGrowth) * 100) : '5',
    };
  };
  const [form, setForm] = useState(() => start('SETTLEMENT_RATE'));
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));

  const params = (): Record<string, unknown> => {
    const pct = (v: string) => Number(v) / 100;
    switch (kind) {
      case 'SETTLEMENT_RATE':
        return { minRate: pct(form.minRate) };
      case 'INTEGRITY':
        return { levels: form.levels };
      case 'CONTRIBUTION':
        return {
          ...(form.minShare ? { minShare: pct(form.minShare) } : {}),
          ...(form.minGrade ? { minGrade: Number(form.minGrade) } : {}),
        };
      case 'GROWTH':
        return { minGrowth: pct(form.minGrowth) };
      default:
        return {};
    }
  };

  const onSave = async () => {
    setError(null);
    setDone(null);
    const input = {
      kind,
      name: form.name,
      nameEn: form.nameEn,
      params: params(),
      points: Number(form.points),
      active: form.active,
      effectiveFrom: form.effectiveFrom,
    };
    const parsed = ZSaveRuleInput.safeParse(input);
    if (!parsed.success) {
      setError(t(parsed.error.issues[0]!.message.includes('.') ? (parsed.error.issues[0]!.message as MessageKey) : 'errors.VALIDATION'));
      return;
    }
    try {
      const result = await save.mutateAsync(parsed.data);
      setDone(t(result.created ? 'rewards.staff.rules.created' : 'rewards.staff.rules.updated', { period: form.effectiveFrom }));
      router.refresh();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return (
    <section aria-labelledby="rule-form-heading" className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4">
      <h2 id="rule-form-heading" className="text-lg font-bold">
        {t('rewards.staff.rules.edit')}
      </h2>
      <p className="text-ink-muted">{t('rewards.staff.rules.editHint')}</p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          label={t('rewards.staff.rules.kind')}
          value={kind}
          onChange={(e) => {
            const k = e.target.value as RewardRuleKind;
            setKind(k);
            setForm(start(k));
          }}
          options={REWARD_RULE_KINDS.map((k) => ({ value: k, label: t(`rewards.staff.kind.${k}` as MessageKey) }))}
        />
        <TextField
          label={t('rewards.staff.rules.effectiveFrom')}
          hint={t('rewards.staff.validation.period')}
          value={form.effectiveFrom}
          onChange={(e) => set({ effectiveFrom: e.target.value })}
        />
        <TextField
          label={t('rewards.staff.rules.points')}
          inputMode="numeric"
          value={form.points}
          onChange={(e) => set({ points: e.target.value })}
        />
        <TextField label={t('rewards.staff.rules.name')} value={form.name} onChange={(e) => set({ name: e.target.value })} />
        <TextField label={t('rewards.staff.rules.nameEn')} value={form.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
        <label className="flex min-h-11 items-center gap-2 self-end font-semibold">
          <input type="checkbox" className="size-5" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />
          {t('rewards.staff.rules.active')}
        </label>
        {kind === 'SETTLEMENT_RATE' ? (
          <TextField
            label={t('rewards.staff.rules.minRate')}
            inputMode="decimal"
            value={form.minRate}
            onChange={(e) => set({ minRate: e.target.value })}
          />
        ) : null}
        {kind === 'CONTRIBUTION' ? (
          <>
            <TextField
              label={t('rewards.staff.rules.minShare')}
              hint={t('rewards.staff.rules.eitherOrBoth')}
              inputMode="decimal"
              value={form.minShare}
              onChange={(e) => set({ minShare: e.target.value })}
            />
            <TextField
              label={t('rewards.staff.rules.minGrade')}
              inputMode="numeric"
              value={form.minGrade}
              onChange={(e) => set({ minGrade: e.target.value })}
            />
          </>
        ) : null}
        {kind === 'GROWTH' ? (
          <TextField
            label={t('rewards.staff.rules.minGrowth')}
            inputMode="decimal"
            value={form.minGrowth}
            onChange={(e) => set({ minGrowth: e.target.value })}
          />
        ) : null}
        {kind === 'INTEGRITY' ? (
          <fieldset className="flex flex-col gap-1 sm:col-span-2">
            <legend className="font-semibold">{t('rewards.staff.rules.levels')}</legend>
            <div className="flex flex-wrap gap-4">
              {LEVELS.map((level) => (
                <label key={level} className="flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-5"
                    checked={form.levels.includes(level)}
                    onChange={(e) => set({ levels: e.target.checked ? [...form.levels, level] : form.levels.filter((l) => l !== level) })}
                  />
                  {level}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
      </div>
      <div>
        <Button disabled={save.isPending} onClick={() => void onSave()}>
          {t('rewards.staff.rules.save')}
        </Button>
      </div>
      <FormMessage error={error} success={done} />
    </section>
  );
}
