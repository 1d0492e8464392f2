'use client';

import { useState } from 'react';
import type { TAnswers, TSurveyDefinition } from '@tobacco/api/surveys/surveys.schema';
import { useT } from '@tobacco/ui/i18n';
import { SurveyForm } from '@tobacco/ui/survey-form';

/** The retailer's own form, at a phone's width, answering nothing. */
export function SurveyPreview({ title, description, definition }: { title: string; description: string; definition: TSurveyDefinition }) {
  const t = useT();
  const [answers, setAnswers] = useState<TAnswers>({});
  return (
    <div className="mx-auto w-full max-w-[400px] rounded-[2rem] border-8 border-ink bg-canvas p-3" data-testid="survey-preview">
      <p className="mb-3 text-sm text-ink-muted">{t('surveys.form.previewNote')}</p>
      <h2 className="mb-2 text-2xl font-bold text-ink">{title}</h2>
      {description ? <p className="mb-4 text-ink-muted">{description}</p> : null}
      <SurveyForm definition={definition} answers={answers} onChange={setAnswers} />
    </div>
  );
}
