'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { useHydrated } from '@tobacco/ui/lib/use-hydrated';
import { TextAreaField } from '@tobacco/ui/text-area';
import { useTRPC } from '@/trpc/react';
import { KnowledgeReplyPicker } from '../../knowledge/_components/reply-picker';

type Can = { steps: string[]; reply: boolean; note: boolean; reassign: boolean; followUp: boolean };
type Props = {
  id: number;
  version: number;
  state: string;
  can: Can;
  departmentId: number;
  ownerId: number | null;
  assign: { departments: { id: number; name: string }[]; staff: { id: number; name: string; departmentId: number | null }[] } | null;
};

type ActionKey =
  'accept' | 'start' | 'reply' | 'requestInfo' | 'retailerRespond' | 'resolve' | 'close' | 'reopen' | 'note' | 'followUp' | 'reassign';

/** Text each action asks for; null: a plain button (an optional note is not asked for). */
const TEXT: Partial<Record<ActionKey, { label: MessageKey; required: boolean }>> = {
  reply: { label: 'complaints.case.replyLabel', required: true },
  requestInfo: { label: 'complaints.case.requestInfoLabel', required: true },
  retailerRespond: { label: 'complaints.case.recordResponseLabel', required: true },
  resolve: { label: 'complaints.case.resolveLabel', required: true },
  reopen: { label: 'complaints.case.reopenLabel', required: true },
  note: { label: 'complaints.case.noteLabel', required: true },
};

/**
 * Every action the person may take on the case now, each submitted with the version the page was rendered
 * at: if a colleague changed the case meanwhile, the API refuses it with "changed by someone else" and the
 * page offers a reload; nothing typed is lost (the text stays in the form).
 */
export function CaseActions({ id, version, state, can, departmentId, ownerId, assign }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const hydrated = useHydrated();
  const [active, setActive] = useState<ActionKey | null>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string>();
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [reached, setReached] = useState<'yes' | 'no'>('yes');
  const [satisfied, setSatisfied] = useState<'yes' | 'no' | 'unknown'>('yes');
  const [department, setDepartment] = useState(String(departmentId));
  const [owner, setOwner] = useState(ownerId ? String(ownerId) : '');

  const m = {
    accept: useMutation(trpc.complaints.accept.mutationOptions()),
    start: useMutation(trpc.complaints.start.mutationOptions()),
    close: useMutation(trpc.complaints.close.mutationOptions()),
    reply: useMutation(trpc.complaints.reply.mutationOptions()),
    requestInfo: useMutation(trpc.complaints.requestInfo.mutationOptions()),
    retailerRespond: useMutation(trpc.complaints.recordResponse.mutationOptions()),
    resolve: useMutation(trpc.complaints.resolve.mutationOptions()),
    reopen: useMutation(trpc.complaints.reopen.mutationOptions()),
    note: useMutation(trpc.complaints.note.mutationOptions()),
    followUp: useMutation(trpc.complaints.followUp.mutationOptions()),
    reassign: useMutation(trpc.complaints.reassign.mutationOptions()),
  };
  const busy = Object.values(m).some((x) => x.isPending);

  const buttons: { key: ActionKey; label: MessageKey; primary?: boolean }[] = [];
  if (can.steps.includes('accept')) buttons.push({ key: 'accept', label: 'complaints.case.accept', primary: true });
  if (can.steps.includes('start')) buttons.push({ key: 'start', label: 'complaints.case.start' });
  if (can.reply) buttons.push({ key: 'reply', label: 'complaints.case.reply', primary: state !== 'SUBMITTED' });
  if (can.steps.includes('requestInfo')) buttons.push({ key: 'requestInfo', label: 'complaints.case.requestInfo' });
  if (can.steps.includes('retailerRespond')) buttons.push({ key: 'retailerRespond', label: 'complaints.case.recordResponse' });
  if (can.steps.includes('resolve')) buttons.push({ key: 'resolve', label: 'complaints.case.resolve' });
  if (can.followUp) buttons.push({ key: 'followUp', label: 'complaints.case.followUp' });
  if (can.steps.includes('close')) buttons.push({ key: 'close', label: 'complaints.case.close' });
  if (can.steps.includes('reopen')) buttons.push({ key: 'reopen', label: 'complaints.case.reopen' });
  if (can.note) buttons.push({ key: 'note', label: 'complaints.case.note' });
  if (can.reassign && assign) buttons.push({ key: 'reassign', label: 'complaints.case.reassign' });
  if (buttons.length === 0) return null;

  const run = async (call: () => Promise<unknown>, success: MessageKey) => {
    setError(null);
    setDone(null);
    try {
      await call();
      setDone(t(success));
      setActive(null);
      setText('');
      router.refresh();
    } catch (e) {
      const message = errorMessageOf(e);
      const conflict = (e as { data?: { code?: string } }).data?.code === 'CONFLICT';
      setError({ message: t(message.key, message.params), conflict });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!active) return;
    const spec = TEXT[active];
    if (spec?.required && !text.trim()) {
      setTextError(t('complaints.validation.body'));
      return;
    }
    setTextError(undefined);
    const body = text.trim();
    switch (active) {
      case 'reply':
        return void run(() => m.reply.mutateAsync({ id, version, body }), 'complaints.case.done.reply');
      case 'requestInfo':
        return void run(() => m.requestInfo.mutateAsync({ id, version, body }), 'complaints.case.done.requestInfo');
      case 'retailerRespond':
        return void run(() => m.retailerRespond.mutateAsync({ id, version, body }), 'complaints.case.done.recordResponse');
      case 'resolve':
        return void run(() => m.resolve.mutateAsync({ id, version, body }), 'complaints.case.done.resolve');
      case 'reopen':
        return void run(() => m.reopen.mutateAsync({ id, version, body }), 'complaints.case.done.reopen');
      case 'note':
        return void run(() => m.note.mutateAsync({ id, body }), 'complaints.case.done.note');
      case 'followUp':
        return void run(
          () =>
            m.followUp.mutateAsync({
              id,
              version,
              reached: reached === 'yes',
              satisfied: reached === 'yes' && satisfied !== 'unknown' ? satisfied === 'yes' : null,
              note: body || undefined,
            }),
          'complaints.case.done.followUp',
        );
      case 'reassign':
        return void run(
          () =>
            m.reassign.mutateAsync({
              id,
              version,
              departmentId: Number(department),
              ownerId: owner ? Number(owner) : null,
              note: body || undefined,
            }),
          'complaints.case.done.reassign',
        );
      default:
        return undefined;
    }
  };

  const step = (key: 'accept' | 'start' | 'close') => {
    void run(() => m[key].mutateAsync({ id, version }), `complaints.case.done.${key}` as MessageKey);
  };

  const staffOptions = (assign?.staff ?? [])
    .filter((s) => !department || s.departmentId === Number(department) || s.id === ownerId)
    .map((s) => ({ value: s.id, label: s.name }));

  return (
    <section aria-labelledby="case-actions" className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm">
      <h2 id="case-actions" className="text-lg font-bold">
        {t('complaints.case.actions')}
      </h2>
      <div className="flex flex-wrap gap-2">
        {buttons.map((b) => (
          <Button
            key={b.key}
            variant={b.primary ? 'primary' : 'secondary'}
            disabled={busy || !hydrated}
            aria-expanded={b.key === 'accept' || b.key === 'start' || b.key === 'close' ? undefined : active === b.key}
            onClick={() => {
              setDone(null);
              setError(null);
              if (b.key === 'accept' || b.key === 'start' || b.key === 'close') step(b.key);
              else setActive(active === b.key ? null : b.key);
            }}
          >
            {t(b.label)}
          </Button>
        ))}
      </div>
      {active ? (
        <form
          onSubmit={submit}
          noValidate
          className="flex flex-col gap-4 rounded-lg border border-line bg-canvas p-4"
          aria-label={t(buttons.find((b) => b.key === active)!.label)}
        >
          {active === 'followUp' ? (
            <>
              <fieldset className="flex flex-wrap gap-4">
                <legend className="mb-1 font-semibold">{t('complaints.case.reached')}</legend>
                {(['yes', 'no'] as const).map((v) => (
                  <label key={v} className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name="reached"
                      value={v}
                      checked={reached === v}
                      onChange={() => setReached(v)}
                      className="size-5 accent-brand-700"
                    />
                    {t(v === 'yes' ? 'complaints.case.reachedYes' : 'complaints.case.reachedNo')}
                  </label>
                ))}
              </fieldset>
              {reached === 'yes' ? (
                <fieldset className="flex flex-wrap gap-4">
                  <legend className="mb-1 font-semibold">{t('complaints.case.satisfiedLegend')}</legend>
                  {(['yes', 'no', 'unknown'] as const).map((v) => (
                    <label key={v} className="flex min-h-11 items-center gap-2">
                      <input
                        type="radio"
                        name="satisfied"
                        value={v}
                        checked={satisfied === v}
                        onChange={() => setSatisfied(v)}
                        className="size-5 accent-brand-700"
                      />
                      {t(
                        v === 'yes'
                          ? 'complaints.event.satisfied'
                          : v === 'no'
                            ? 'complaints.event.notSatisfied'
                            : 'complaints.event.satisfiedUnknown',
                      )}
                    </label>
                  ))}
                </fieldset>
              ) : null}
            </>
          ) : null}
          {active === 'reassign' && assign ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                label={t('complaints.queue.department')}
                value={department}
                onChange={(e) => {
                  setDepartment(e.target.value);
                  setOwner('');
                }}
                options={assign.departments.map((d) => ({ value: d.id, label: d.name }))}
              />
              <SelectField
                label={t('complaints.queue.owner')}
                value={owner}
                placeholder={t('complaints.queue.ownerNone')}
                onChange={(e) => setOwner(e.target.value)}
                options={staffOptions}
              />
            </div>
          ) : null}
          <TextAreaField
            label={TEXT[active] ? t(TEXT[active].label) : t('complaints.case.optionalNote')}
            hint={
              active === 'note'
                ? t('complaints.case.noteHint')
                : active === 'reply' || active === 'resolve' || active === 'requestInfo'
                  ? t('complaints.case.publicHint')
                  : undefined
            }
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={textError}
            maxLength={2000}
          />
          {active === 'reply' || active === 'resolve' || active === 'requestInfo' ? (
            <KnowledgeReplyPicker
              onInsert={(answer) => setText((current) => (current.trim() ? `${current}\n\n${answer}` : answer).slice(0, 2000))}
            />
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {t('complaints.case.submit')}
            </Button>
            <Button variant="ghost" onClick={() => setActive(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
      {error ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-3 rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700"
        >
          <span>{error.message}</span>
          {error.conflict ? (
            <Button variant="secondary" onClick={() => router.refresh()}>
              {t('complaints.case.reload')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <p role="status" className={done ? 'rounded-lg bg-success-50 px-4 py-3 font-medium text-success-700' : 'sr-only'}>
        {done ?? ''}
      </p>
    </section>
  );
}
