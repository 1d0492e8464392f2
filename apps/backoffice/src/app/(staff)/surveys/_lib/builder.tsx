'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { flattenQuestions, scaleOf } from '@tobacco/api/surveys/surveys.rules';
import {
  CONDITION_OPS,
  QUESTION_TYPES,
  SERVICE_DIMENSIONS,
  ZCreateSurveyInput,
  ZSurveyDefinition,
  type ConditionOp,
  type QuestionType,
  type TAnswers,
  type TCondition,
  type TQuestion,
  type TSection,
  type TSurveyDefinition,
  type TTargetInput,
} from '@tobacco/api/surveys/surveys.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { SelectField, TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { SurveyForm } from '@tobacco/ui/survey-form';
import { useTRPC } from '@/trpc/react';
import { issueText } from './issues';

// The survey builder: sections are service dimensions with weights; questions of every type with required
// flags and show-if conditions on earlier answers; reordering by buttons or by dragging; a preview that is
// the retailer's own form; JSON export and import. Saving checks the draft with the very schema the server
// uses (ZCreateSurveyInput), so what the builder accepts the server accepts.

export type BuilderInitial = {
  title: string;
  description: string;
  opensAt: Date | null;
  closesAt: Date | null;
  target: TTargetInput;
  definition: TSurveyDefinition;
};

type TargetKind = 'ALL' | 'SEGMENT' | 'SAMPLE';
type TargetDraft = {
  kind: TargetKind;
  ratePercent: string;
  districtIds: number[];
  markets: ('C' | 'X')[];
  gradeFrom: string;
  gradeTo: string;
  codes: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
const toLocalInput = (d: Date | null) =>
  d ? `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}` : '';

function nextKey(prefix: string, keys: readonly string[]): string {
  const used = keys.map((k) => (k.startsWith(prefix) ? Number(k.slice(prefix.length)) : 0)).filter((n) => Number.isInteger(n));
  return `${prefix}${Math.max(0, ...used) + 1}`;
}

function targetDraft(target: TTargetInput, defaultRate: number): TargetDraft {
  const t = target as Partial<{
    rate: number;
    districtIds: number[];
    markets: ('C' | 'X')[];
    gradeFrom: number;
    gradeTo: number;
    classificationCodes: string[];
  }> & { kind: TargetKind };
  return {
    kind: t.kind,
    ratePercent: String(((t.rate ?? defaultRate) * 100).toFixed(1).replace(/\.0$/, '')),
    districtIds: t.districtIds ?? [],
    markets: t.markets ?? [],
    gradeFrom: t.gradeFrom ? String(t.gradeFrom) : '',
    gradeTo: t.gradeTo ? String(t.gradeTo) : '',
    codes: (t.classificationCodes ?? []).join(', '),
  };
}

function targetInput(d: TargetDraft): TTargetInput {
  if (d.kind === 'ALL') return { kind: 'ALL' };
  const segment = {
    districtIds: d.districtIds,
    markets: d.markets,
    classificationCodes: d.codes
      .split(/[,，\s]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
    ...(d.gradeFrom ? { gradeFrom: Number(d.gradeFrom) } : {}),
    ...(d.gradeTo ? { gradeTo: Number(d.gradeTo) } : {}),
  };
  return d.kind === 'SAMPLE' ? { kind: 'SAMPLE', rate: Number(d.ratePercent) / 100, ...segment } : { kind: 'SEGMENT', ...segment };
}

/** A question reshaped for a new type: the fields that type needs, and nothing it must not have. */
function withType(q: TQuestion, type: QuestionType): TQuestion {
  const base: TQuestion = { key: q.key, type, label: q.label, required: q.required, ...(q.showIf ? { showIf: q.showIf } : {}) };
  if (type === 'RATING') return { ...base, scaleMin: 1, scaleMax: q.scaleMax === 10 ? 10 : 5 };
  if (type === 'NPS') return { ...base, scaleMin: 0, scaleMax: 10 };
  if (type === 'MATRIX')
    return { ...base, scaleMin: 1, scaleMax: q.scaleMax === 10 ? 10 : 5, rows: q.rows?.length ? q.rows : [{ key: 'r1', label: '' }] };
  if (type === 'SINGLE_CHOICE' || type === 'MULTI_CHOICE')
    return {
      ...base,
      options: q.options?.length
        ? q.options
        : [
            { value: 'o1', label: '' },
            { value: 'o2', label: '' },
          ],
    };
  return base;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(copy.length, to)), 0, item!);
  return copy;
}

export function SurveyBuilder({
  surveyId,
  initial,
  districts,
  defaultSampleRate,
}: {
  surveyId?: number;
  initial: BuilderInitial;
  districts: { id: number; name: string; nameEn: string }[];
  defaultSampleRate: number;
}) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [opensAt, setOpensAt] = useState(toLocalInput(initial.opensAt));
  const [closesAt, setClosesAt] = useState(toLocalInput(initial.closesAt));
  const [target, setTarget] = useState<TargetDraft>(targetDraft(initial.target, defaultSampleRate));
  const [definition, setDefinition] = useState<TSurveyDefinition>(initial.definition);
  const [view, setView] = useState<'edit' | 'preview'>('edit');
  const [previewAnswers, setPreviewAnswers] = useState<TAnswers>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string; lines?: string[] } | null>(null);
  const dragged = useRef<{ s: number; q: number } | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  const create = useMutation(trpc.surveys.create.mutationOptions());
  const update = useMutation(trpc.surveys.update.mutationOptions());
  const saving = create.isPending || update.isPending;

  const flat = flattenQuestions(definition);
  const allKeys = flat.map((q) => q.key);
  const setSection = (s: number, change: (section: TSection) => TSection) =>
    setDefinition((d) => ({ sections: d.sections.map((section, i) => (i === s ? change(section) : section)) }));
  const setQuestion = (s: number, q: number, change: (question: TQuestion) => TQuestion) =>
    setSection(s, (section) => ({
      ...section,
      questions: section.questions.map((question, i) => (i === q ? change(question) : question)),
    }));

  const addSection = () =>
    setDefinition((d) => {
      const used = new Set(d.sections.map((s) => s.dimension));
      const dimension = SERVICE_DIMENSIONS.find((x) => !used.has(x)) ?? 'OTHER';
      const key = nextKey(
        's',
        d.sections.map((s) => s.key),
      );
      const qKey = nextKey(
        'q',
        flattenQuestions(d).map((q) => q.key),
      );
      return {
        sections: [
          ...d.sections,
          {
            key,
            dimension,
            weight: 0.1,
            title: t(`surveys.dimension.${dimension}` as MessageKey),
            questions: [{ key: qKey, type: 'RATING', label: '', required: true, scaleMin: 1, scaleMax: 5 }],
          },
        ],
      };
    });
  const addQuestion = (s: number) =>
    setSection(s, (section) => ({
      ...section,
      questions: [
        ...section.questions,
        { key: nextKey('q', allKeys), type: 'RATING', label: '', required: true, scaleMin: 1, scaleMax: 5 },
      ],
    }));

  /** Moves a question to a place in the survey (possibly another section). */
  const moveQuestion = (from: { s: number; q: number }, to: { s: number; q: number }) =>
    setDefinition((d) => {
      const sections = d.sections.map((section) => ({ ...section, questions: [...section.questions] }));
      const [question] = sections[from.s]!.questions.splice(from.q, 1);
      sections[to.s]!.questions.splice(Math.min(to.q, sections[to.s]!.questions.length), 0, question!);
      return { sections };
    });

  const buildInput = () => ({
    title,
    description,
    opensAt: opensAt ? new Date(opensAt) : null,
    closesAt: closesAt ? new Date(closesAt) : null,
    target: targetInput(target),
    definition,
  });

  const save = () => {
    setNotice(null);
    const parsed = ZCreateSurveyInput.safeParse(buildInput());
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((issue) => issueText(issue, t)));
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setProblems([]);
    const onError = (error: unknown) => {
      const message = errorMessageOf(error);
      const fieldErrors = (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors;
      const lines = fieldErrors
        ? Object.entries(fieldErrors).flatMap(([path, messages]) =>
            messages.map((m) => issueText({ path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: m }, t)),
          )
        : [];
      setProblems(lines.length ? lines : [t(message.key, message.params)]);
      requestAnimationFrame(() => problemsRef.current?.focus());
    };
    if (surveyId) {
      update.mutate({ id: surveyId, ...buildInput() }, { onSuccess: () => router.push(`/surveys/${surveyId}`), onError });
    } else {
      create.mutate(buildInput(), { onSuccess: (created) => router.push(`/surveys/${created.id}`), onError });
    }
  };

  const exportJson = () => {
    const blob = new Blob([JSON.stringify(definition, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `survey-definition-${surveyId ?? 'new'}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const importJson = async (file: File) => {
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setNotice({ kind: 'error', text: t('surveys.builder.importNotJson', { message: (error as Error).message }) });
      return;
    }
    const parsed = ZSurveyDefinition.safeParse(json);
    if (!parsed.success) {
      setNotice({
        kind: 'error',
        text: t('surveys.builder.importInvalid', { count: parsed.error.issues.length }),
        lines: parsed.error.issues.slice(0, 20).map((i) => issueText(i, t)),
      });
      return;
    }
    setDefinition(parsed.data);
    setNotice({ kind: 'ok', text: t('surveys.builder.importDone') });
  };

  const onDrop = (event: DragEvent, to: { s: number; q: number }) => {
    event.preventDefault();
    if (dragged.current) moveQuestion(dragged.current, to);
    dragged.current = null;
  };

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3" role="toolbar" aria-label={t('surveys.detail.actions')}>
        <div role="tablist" aria-label={t('surveys.builder.preview')} className="flex gap-1 rounded-lg border border-line bg-surface p-1">
          {(['edit', 'preview'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              aria-selected={view === v}
              onClick={() => setView(v)}
              className="min-h-10 rounded-md px-4 font-semibold text-ink aria-selected:bg-brand-700 aria-selected:text-white"
            >
              {t(v === 'edit' ? 'surveys.builder.edit' : 'surveys.builder.preview')}
            </button>
          ))}
        </div>
        <Button variant="secondary" onClick={exportJson}>
          {t('surveys.builder.export')}
        </Button>
        <ImportButton
          label={t('surveys.builder.import')}
          hint={t('surveys.builder.importLabel')}
          onFile={(file) => void importJson(file)}
        />
        <Button onClick={save} disabled={saving} className="ml-auto">
          {saving ? t('surveys.builder.saving') : t('surveys.builder.save')}
        </Button>
      </div>

      {notice ? (
        <div
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={
            notice.kind === 'error'
              ? 'rounded-lg border border-danger-200 bg-danger-50 p-3 text-danger-700'
              : 'rounded-lg border border-success-700 bg-success-50 p-3 text-success-700'
          }
        >
          <p className="font-semibold">{notice.text}</p>
          {notice.lines ? (
            <ul className="mt-1 list-disc pl-6">
              {notice.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {problems.length ? (
        <div
          ref={problemsRef}
          tabIndex={-1}
          role="alert"
          className="rounded-lg border-2 border-danger-700 bg-danger-50 p-4 text-danger-700"
        >
          <p className="font-semibold">{t('surveys.builder.errorsTitle', { count: problems.length })}</p>
          <ul className="mt-1 list-disc pl-6">
            {problems.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {view === 'preview' ? (
        <div className="mx-auto w-full max-w-[400px] rounded-[2rem] border-8 border-ink bg-canvas p-3" data-testid="survey-preview">
          <p className="mb-3 text-sm text-ink-muted">{t('surveys.form.previewNote')}</p>
          <h2 className="mb-2 text-2xl font-bold text-ink">{title}</h2>
          {description ? <p className="mb-4 text-ink-muted">{description}</p> : null}
          <SurveyForm definition={definition} answers={previewAnswers} onChange={setPreviewAnswers} />
        </div>
      ) : (
        <>
          <Panel title={t('surveys.builder.basics')}>
            <div className="grid gap-4 md:grid-cols-2">
              <TextField
                label={t('surveys.builder.title')}
                value={title}
                maxLength={120}
                onChange={(e) => setTitle(e.target.value)}
                className="md:col-span-2"
                required
              />
              <div className="flex flex-col gap-1 md:col-span-2">
                <label htmlFor="survey-description" className="font-semibold text-ink">
                  {t('surveys.builder.description')}
                </label>
                <textarea
                  id="survey-description"
                  rows={3}
                  maxLength={1000}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                  className="block w-full rounded-lg border border-control bg-surface p-3 text-base text-ink"
                />
              </div>
              <TextField
                type="datetime-local"
                label={t('surveys.builder.opensAt')}
                hint={t('surveys.builder.windowHint')}
                value={opensAt}
                onChange={(e) => setOpensAt(e.target.value)}
              />
              <TextField
                type="datetime-local"
                label={t('surveys.builder.closesAt')}
                value={closesAt}
                onChange={(e) => setClosesAt(e.target.value)}
              />
            </div>
          </Panel>

          <Panel title={t('surveys.builder.target')}>
            <fieldset className="flex flex-col gap-2">
              <legend className="sr-only">{t('surveys.builder.target')}</legend>
              {(['ALL', 'SEGMENT', 'SAMPLE'] as const).map((kind) => (
                <label key={kind} className="flex min-h-11 items-center gap-3">
                  <input
                    type="radio"
                    name="target-kind"
                    checked={target.kind === kind}
                    onChange={() => setTarget((d) => ({ ...d, kind }))}
                    className="size-5 accent-brand-700"
                  />
                  {t(`surveys.target.${kind}`)}
                </label>
              ))}
            </fieldset>
            {target.kind === 'SAMPLE' ? (
              <TextField
                type="number"
                min={0.1}
                max={100}
                step={0.1}
                label={t('surveys.builder.sampleRate')}
                hint={t('surveys.builder.sampleRateHint', { rate: defaultSampleRate * 100 })}
                value={target.ratePercent}
                onChange={(e) => setTarget((d) => ({ ...d, ratePercent: e.target.value }))}
                className="max-w-xs"
              />
            ) : null}
            {target.kind !== 'ALL' ? (
              <div className="flex flex-col gap-4">
                <p className="text-ink-muted">{t('surveys.builder.segmentHint')}</p>
                <CheckGroup
                  legend={t('surveys.builder.districts')}
                  options={districts.map((d) => ({ value: d.id, label: locale === 'en' ? d.nameEn : d.name }))}
                  values={target.districtIds}
                  onChange={(districtIds) => setTarget((d) => ({ ...d, districtIds: districtIds as number[] }))}
                />
                <CheckGroup
                  legend={t('surveys.builder.markets')}
                  options={(['C', 'X'] as const).map((m) => ({ value: m, label: t(`enum.market.${m}`) }))}
                  values={target.markets}
                  onChange={(markets) => setTarget((d) => ({ ...d, markets: markets as ('C' | 'X')[] }))}
                />
                <div className="grid gap-4 sm:grid-cols-3">
                  <TextField
                    type="number"
                    min={1}
                    max={30}
                    label={t('surveys.builder.gradeFrom')}
                    value={target.gradeFrom}
                    onChange={(e) => setTarget((d) => ({ ...d, gradeFrom: e.target.value }))}
                  />
                  <TextField
                    type="number"
                    min={1}
                    max={30}
                    label={t('surveys.builder.gradeTo')}
                    value={target.gradeTo}
                    onChange={(e) => setTarget((d) => ({ ...d, gradeTo: e.target.value }))}
                  />
                  <TextField
                    label={t('surveys.builder.classifications')}
                    hint={t('surveys.builder.classificationsHint')}
                    value={target.codes}
                    onChange={(e) => setTarget((d) => ({ ...d, codes: e.target.value }))}
                  />
                </div>
              </div>
            ) : null}
          </Panel>

          <section aria-labelledby="sections-title" className="flex flex-col gap-4">
            <h2 id="sections-title" className="text-xl font-bold text-ink">
              {t('surveys.builder.sections')}
            </h2>
            <p className="text-ink-muted">{t('surveys.builder.weightHint')}</p>
            {definition.sections.map((section, s) => (
              <div
                key={section.key}
                className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4"
                data-testid="builder-section"
              >
                <div className="flex flex-wrap items-end gap-3">
                  <h3 className="mr-auto text-lg font-bold text-brand-800">{t('surveys.builder.section', { n: s + 1 })}</h3>
                  <Button
                    variant="ghost"
                    disabled={s === 0}
                    onClick={() => setDefinition((d) => ({ sections: move(d.sections, s, s - 1) }))}
                  >
                    {t('surveys.builder.moveUp')}
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={s === definition.sections.length - 1}
                    onClick={() => setDefinition((d) => ({ sections: move(d.sections, s, s + 1) }))}
                  >
                    {t('surveys.builder.moveDown')}
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={definition.sections.length === 1}
                    onClick={() => setDefinition((d) => ({ sections: d.sections.filter((_, i) => i !== s) }))}
                  >
                    {t('surveys.builder.removeSection')}
                  </Button>
                </div>
                <div className="grid gap-4 md:grid-cols-3">
                  <TextField
                    label={t('surveys.builder.sectionTitle')}
                    value={section.title}
                    onChange={(e) => setSection(s, (x) => ({ ...x, title: e.target.value }))}
                  />
                  <SelectField
                    label={t('surveys.builder.dimension')}
                    value={section.dimension}
                    options={SERVICE_DIMENSIONS.map((d) => ({ value: d, label: t(`surveys.dimension.${d}`) }))}
                    onChange={(e) =>
                      setSection(s, (x) => {
                        const dimension = e.target.value as TSection['dimension'];
                        // A title still at its dimension's default (or empty) follows the dimension; one the author wrote stays.
                        const untouched = !x.title.trim() || x.title === t(`surveys.dimension.${x.dimension}`);
                        return { ...x, dimension, title: untouched ? t(`surveys.dimension.${dimension}`) : x.title };
                      })
                    }
                  />
                  <TextField
                    type="number"
                    min={0}
                    max={100}
                    step={0.01}
                    label={t('surveys.builder.weight')}
                    value={String(section.weight)}
                    onChange={(e) => setSection(s, (x) => ({ ...x, weight: Number(e.target.value) }))}
                  />
                </div>
                <ol className="flex flex-col gap-3">
                  {section.questions.map((question, q) => {
                    const position = flat.findIndex((x) => x.key === question.key);
                    // Conditions look backwards, at questions a condition can compare (not text, not a matrix).
                    const earlier = flat.slice(0, position).filter((x) => x.type !== 'TEXT' && x.type !== 'MATRIX');
                    return (
                      <li
                        key={question.key}
                        onDragOver={(e) => e.preventDefault()}
                        onDrop={(e) => onDrop(e, { s, q })}
                        className="rounded-lg border border-control bg-canvas p-3"
                        data-testid="builder-question"
                      >
                        <QuestionEditor
                          number={position + 1}
                          question={question}
                          earlier={earlier}
                          allKeys={allKeys}
                          onChange={(change) => setQuestion(s, q, change)}
                          onDragStart={() => (dragged.current = { s, q })}
                          onMove={(delta) => setSection(s, (x) => ({ ...x, questions: move(x.questions, q, q + delta) }))}
                          onRemove={
                            section.questions.length > 1
                              ? () => setSection(s, (x) => ({ ...x, questions: x.questions.filter((_, i) => i !== q) }))
                              : undefined
                          }
                          first={q === 0}
                          last={q === section.questions.length - 1}
                        />
                      </li>
                    );
                  })}
                </ol>
                <Button variant="secondary" onClick={() => addQuestion(s)} className="self-start">
                  {t('surveys.builder.addQuestion')}
                </Button>
              </div>
            ))}
            <Button
              variant="secondary"
              onClick={addSection}
              className="self-start"
              disabled={definition.sections.length >= SERVICE_DIMENSIONS.length}
            >
              {t('surveys.builder.addSection')}
            </Button>
          </section>
        </>
      )}
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="flex flex-col gap-4 rounded-xl border border-line bg-surface p-4">
      <h2 id={id} className="text-xl font-bold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}

function ImportButton({ label, hint, onFile }: { label: string; hint: string; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant="secondary" onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label={hint}
        className="sr-only"
        tabIndex={-1}
        data-testid="import-json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </>
  );
}

function CheckGroup({
  legend,
  options,
  values,
  onChange,
}: {
  legend: string;
  options: { value: string | number; label: string }[];
  values: (string | number)[];
  onChange: (values: (string | number)[]) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-semibold text-ink">{legend}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              className="size-5 accent-brand-700"
              checked={values.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ItemsEditor({
  legend,
  itemLabel,
  addLabel,
  removeLabel,
  items,
  onChange,
  newKey,
}: {
  legend: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  removeLabel: string;
  items: { id: string; label: string }[];
  onChange: (items: { id: string; label: string }[]) => void;
  newKey: (ids: string[]) => string;
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-semibold text-ink">{legend}</legend>
      {items.map((item, i) => (
        <div key={item.id} className="flex items-end gap-2">
          <TextField
            label={itemLabel(i + 1)}
            value={item.label}
            onChange={(e) => onChange(items.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
            className="flex-1"
          />
          <Button
            variant="ghost"
            onClick={() => onChange(items.filter((_, j) => j !== i))}
            aria-label={`${removeLabel} ${itemLabel(i + 1)}`}
          >
            {removeLabel}
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        className="self-start"
        onClick={() => onChange([...items, { id: newKey(items.map((x) => x.id)), label: '' }])}
      >
        {addLabel}
      </Button>
    </fieldset>
  );
}

function QuestionEditor({
  number,
  question,
  earlier,
  allKeys,
  onChange,
  onDragStart,
  onMove,
  onRemove,
  first,
  last,
}: {
  number: number;
  question: TQuestion;
  earlier: TQuestion[];
  allKeys: string[];
  onChange: (change: (q: TQuestion) => TQuestion) => void;
  onDragStart: () => void;
  onMove: (delta: number) => void;
  onRemove?: () => void;
  first: boolean;
  last: boolean;
}) {
  const t = useT();
  const heading = t('surveys.builder.question', { n: number });
  const showIf = question.showIf;
  const setConditions = (conditions: TCondition[]) =>
    onChange((q) => {
      const next = { ...q };
      if (conditions.length === 0) delete next.showIf;
      else next.showIf = { mode: q.showIf?.mode ?? 'all', conditions };
      return next;
    });
  const firstCandidate = earlier[0];

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <span
          draggable
          onDragStart={onDragStart}
          className="cursor-grab rounded border border-line bg-surface px-2 py-1 text-ink-muted select-none"
          title={t('surveys.builder.dragHandle', { label: heading })}
          aria-hidden="true"
        >
          ⠿
        </span>
        <h4 className="mr-auto font-bold text-ink">
          {heading} <span className="text-sm font-normal text-ink-muted">{t('surveys.builder.key', { key: question.key })}</span>
        </h4>
        <Button variant="ghost" disabled={first} onClick={() => onMove(-1)} aria-label={`${t('surveys.builder.moveUp')} ${heading}`}>
          {t('surveys.builder.moveUp')}
        </Button>
        <Button variant="ghost" disabled={last} onClick={() => onMove(1)} aria-label={`${t('surveys.builder.moveDown')} ${heading}`}>
          {t('surveys.builder.moveDown')}
        </Button>
        {onRemove ? (
          <Button variant="ghost" onClick={onRemove} aria-label={`${t('surveys.builder.removeQuestion')} ${heading}`}>
            {t('surveys.builder.remove')}
          </Button>
        ) : null}
      </div>
      <div className="grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]">
        <TextField
          label={`${heading} ${t('surveys.builder.questionLabel')}`}
          value={question.label}
          onChange={(e) => onChange((q) => ({ ...q, label: e.target.value }))}
        />
        <SelectField
          label={`${heading} ${t('surveys.builder.questionType')}`}
          value={question.type}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveys.type.${type}`) }))}
          onChange={(e) => onChange((q) => withType(q, e.target.value as QuestionType))}
        />
        <label className="flex min-h-12 items-center gap-2 self-end font-semibold">
          <input
            type="checkbox"
            className="size-5 accent-brand-700"
            checked={question.required}
            onChange={(e) => onChange((q) => ({ ...q, required: e.target.checked }))}
          />
          {t('surveys.builder.requiredLabel')}
        </label>
      </div>
      {question.type === 'RATING' || question.type === 'MATRIX' ? (
        <SelectField
          label={`${heading} ${t('surveys.builder.scale')}`}
          value={String(question.scaleMax ?? 5)}
          options={[
            { value: '5', label: t('surveys.builder.scale5') },
            { value: '10', label: t('surveys.builder.scale10') },
          ]}
          onChange={(e) => onChange((q) => ({ ...q, scaleMin: 1, scaleMax: Number(e.target.value) }))}
          className="max-w-xs"
        />
      ) : null}
      {question.type === 'SINGLE_CHOICE' || question.type === 'MULTI_CHOICE' ? (
        <ItemsEditor
          legend={`${heading} ${t('surveys.builder.options')}`}
          itemLabel={(n) => t('surveys.builder.option', { n })}
          addLabel={t('surveys.builder.addOption')}
          removeLabel={t('surveys.builder.remove')}
          items={(question.options ?? []).map((o) => ({ id: o.value, label: o.label }))}
          newKey={(ids) => nextKey('o', ids)}
          onChange={(items) => onChange((q) => ({ ...q, options: items.map((i) => ({ value: i.id, label: i.label })) }))}
        />
      ) : null}
      {question.type === 'MATRIX' ? (
        <ItemsEditor
          legend={`${heading} ${t('surveys.builder.rows')}`}
          itemLabel={(n) => t('surveys.builder.row', { n })}
          addLabel={t('surveys.builder.addRow')}
          removeLabel={t('surveys.builder.remove')}
          items={(question.rows ?? []).map((r) => ({ id: r.key, label: r.label }))}
          newKey={(ids) => nextKey('r', ids)}
          onChange={(items) => onChange((q) => ({ ...q, rows: items.map((i) => ({ key: i.id, label: i.label })) }))}
        />
      ) : null}

      <fieldset className="flex flex-col gap-2 rounded-lg border border-line p-3">
        <legend className="px-1 font-semibold text-ink">{t('surveys.builder.showIf')}</legend>
        <SelectField
          label={`${heading} ${t('surveys.builder.showIf')}`}
          value={showIf ? showIf.mode : 'none'}
          options={[
            { value: 'none', label: t('surveys.builder.showIfNone') },
            { value: 'all', label: t('surveys.builder.showIfAll') },
            { value: 'any', label: t('surveys.builder.showIfAny') },
          ]}
          disabled={!firstCandidate && !showIf}
          onChange={(e) => {
            const mode = e.target.value;
            if (mode === 'none') return setConditions([]);
            onChange((q) => ({
              ...q,
              showIf: {
                mode: mode as 'all' | 'any',
                conditions: q.showIf?.conditions.length ? q.showIf.conditions : [defaultCondition(firstCandidate!)],
              },
            }));
          }}
          className="max-w-md"
        />
        {!firstCandidate && !showIf ? <p className="text-sm text-ink-muted">{t('surveys.builder.noEarlier')}</p> : null}
        {showIf?.conditions.map((condition, i) => (
          <ConditionEditor
            key={i}
            n={i + 1}
            condition={condition}
            candidates={earlier}
            allKeys={allKeys}
            onChange={(next) => setConditions(showIf.conditions.map((c, j) => (j === i ? next : c)))}
            onRemove={() => setConditions(showIf.conditions.filter((_, j) => j !== i))}
          />
        ))}
        {showIf && firstCandidate ? (
          <Button
            variant="secondary"
            className="self-start"
            onClick={() => setConditions([...showIf.conditions, defaultCondition(firstCandidate)])}
          >
            {t('surveys.builder.addCondition')}
          </Button>
        ) : null}
      </fieldset>
    </div>
  );
}

function defaultCondition(question: TQuestion): TCondition {
  const scale = scaleOf(question);
  return { questionKey: question.key, op: scale ? 'lte' : 'eq', value: scale ? scale.min + 1 : (question.options?.[0]?.value ?? '') };
}

function ConditionEditor({
  n,
  condition,
  candidates,
  allKeys,
  onChange,
  onRemove,
}: {
  n: number;
  condition: TCondition;
  candidates: TQuestion[];
  allKeys: string[];
  onChange: (c: TCondition) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const target = candidates.find((q) => q.key === condition.questionKey);
  const scale = target ? scaleOf(target) : null;
  const ops: readonly ConditionOp[] = scale ? CONDITION_OPS : CONDITION_OPS.filter((op) => op !== 'lte' && op !== 'gte');
  const label = t('surveys.builder.condition', { n });
  const valueOptions = scale
    ? Array.from({ length: scale.max - scale.min + 1 }, (_, i) => ({ value: String(scale.min + i), label: String(scale.min + i) }))
    : (target?.options ?? []).map((o) => ({ value: o.value, label: o.label || o.value }));
  const parseOne = (raw: string) => (scale ? Number(raw) : raw);
  return (
    <div className="grid items-end gap-2 md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
      <SelectField
        label={`${label} ${t('surveys.builder.conditionQuestion')}`}
        value={condition.questionKey}
        options={[
          ...(!target && allKeys.includes(condition.questionKey) ? [{ value: condition.questionKey, label: condition.questionKey }] : []),
          ...candidates.map((q) => ({ value: q.key, label: q.label || q.key })),
        ]}
        onChange={(e) => {
          const q = candidates.find((x) => x.key === e.target.value);
          if (q) onChange(defaultCondition(q));
        }}
      />
      <SelectField
        label={t('surveys.builder.conditionOp')}
        value={condition.op}
        options={ops.map((op) => ({ value: op, label: t(`surveys.builder.op.${op}`) }))}
        onChange={(e) => {
          const op = e.target.value as ConditionOp;
          const first = valueOptions[0] ? parseOne(valueOptions[0].value) : '';
          onChange({
            ...condition,
            op,
            value: op === 'in' ? [first] : Array.isArray(condition.value) ? (condition.value[0] ?? first) : condition.value,
          });
        }}
      />
      {condition.op === 'in' ? (
        <TextField
          label={t('surveys.builder.conditionValue')}
          hint={t('surveys.builder.inHint')}
          defaultValue={Array.isArray(condition.value) ? condition.value.join(', ') : String(condition.value)}
          onBlur={(e) =>
            onChange({
              ...condition,
              value: e.target.value
                .split(/[,，\s]+/)
                .filter(Boolean)
                .map(parseOne),
            })
          }
        />
      ) : (
        <SelectField
          label={t('surveys.builder.conditionValue')}
          value={String(condition.value)}
          options={valueOptions}
          onChange={(e) => onChange({ ...condition, value: parseOne(e.target.value) })}
        />
      )}
      <Button variant="ghost" onClick={onRemove} aria-label={`${t('surveys.builder.remove')} ${label}`}>
        {t('surveys.builder.remove')}
      </Button>
    </div>
  );
}
