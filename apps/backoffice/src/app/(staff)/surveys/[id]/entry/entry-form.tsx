'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TAnswers, TSurveyDefinition } from '@tobacco/api/surveys/surveys.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useLocale, useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { ErrorState, LoadingState } from '@tobacco/ui/states';
import { SurveyForm } from '@tobacco/ui/survey-form';
import { useTRPC } from '@/trpc/react';

type Channel = 'PHONE' | 'VISIT';

/** An agent on the phone (or an account manager on a visit): find the shop by licence number, enter its answers. */
export function EntryForm({ surveyId, definition }: { surveyId: number; definition: TSurveyDefinition }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const [licence, setLicence] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [answers, setAnswers] = useState<TAnswers | null>(null);
  const [channel, setChannel] = useState<Channel>('PHONE');
  const [done, setDone] = useState<{ shop: string; channel: Channel } | null>(null);

  const found = useQuery(
    trpc.surveys.entry.findRespondent.queryOptions({ surveyId, licenceNo: searched ?? '' }, { enabled: searched !== null, staleTime: 0 }),
  );
  const submit = useMutation(trpc.surveys.entry.submit.mutationOptions());

  const lookup = () => {
    setDone(null);
    setAnswers(null);
    submit.reset();
    if (!/^\d{12}$/.test(licence.trim())) {
      setFormError(t('surveys.validation.licenceNo'));
      return;
    }
    setFormError(null);
    setSearched(licence.trim());
  };
  const errorText = (error: unknown) => {
    const m = errorMessageOf(error);
    return t(m.key, m.params);
  };

  const shop = found.data?.retailer;
  const response = found.data?.response;
  const current = answers ?? (response?.state === 'DRAFT' ? response.answers : {});

  return (
    <div className="flex flex-col gap-6">
      <form
        role="search"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4"
        onSubmit={(e) => {
          e.preventDefault();
          lookup();
        }}
      >
        <TextField
          label={t('surveys.entry.licenceNo')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          value={licence}
          error={formError ?? undefined}
          onChange={(e) => setLicence(e.target.value)}
          className="min-w-64"
        />
        <Button type="submit">{t('surveys.entry.findButton')}</Button>
      </form>

      {done ? (
        <div role="status" className="flex flex-col gap-3 rounded-xl border border-success-700 bg-success-50 p-4">
          <p className="text-lg font-semibold text-success-700">
            {t('surveys.entry.done', { shop: done.shop, channel: t(`surveys.channel.${done.channel}` as MessageKey) })}
          </p>
          <Button
            variant="secondary"
            className="self-start"
            onClick={() => {
              setDone(null);
              setLicence('');
              setSearched(null);
            }}
          >
            {t('surveys.entry.next')}
          </Button>
        </div>
      ) : searched === null ? null : found.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : found.isError ? (
        <ErrorState title={t('common.loadFailed')} message={errorText(found.error)} />
      ) : shop ? (
        <section aria-labelledby="entry-shop" className="flex flex-col gap-4">
          <h2 id="entry-shop" className="text-xl font-bold">
            {t('surveys.entry.shop', { shop: shop.shopName, owner: shop.ownerName, phone: shop.phone })}
          </h2>
          {response?.state === 'SUBMITTED' ? (
            <p role="status" className="rounded-lg border border-line bg-canvas p-3">
              {t('surveys.entry.alreadySubmitted', {
                date: response.submittedAt ? formatDateTime(response.submittedAt, locale) : '',
                channel: t(`surveys.channel.${response.channel}` as MessageKey),
              })}
            </p>
          ) : (
            <>
              {response?.state === 'DRAFT' ? <p className="text-ink-muted">{t('surveys.entry.hasDraft')}</p> : null}
              <SurveyForm
                definition={definition}
                answers={current}
                onChange={setAnswers}
                submitting={submit.isPending}
                onSubmit={(clean) =>
                  submit.mutate(
                    { surveyId, retailerId: shop.id, channel, answers: clean },
                    { onSuccess: () => setDone({ shop: shop.shopName, channel }) },
                  )
                }
                footer={
                  <div className="flex flex-col gap-3">
                    <fieldset className="flex flex-col gap-2">
                      <legend className="font-semibold">{t('surveys.entry.channel')}</legend>
                      <div className="flex gap-5">
                        {(['PHONE', 'VISIT'] as const).map((c) => (
                          <label key={c} className="flex min-h-11 items-center gap-2">
                            <input
                              type="radio"
                              name="channel"
                              className="size-5 accent-brand-700"
                              checked={channel === c}
                              onChange={() => setChannel(c)}
                            />
                            {t(`surveys.channel.${c}`)}
                          </label>
                        ))}
                      </div>
                    </fieldset>
                    {submit.isError ? (
                      <p role="alert" className="font-medium text-danger-700">
                        {errorText(submit.error)}
                      </p>
                    ) : null}
                  </div>
                }
              />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
