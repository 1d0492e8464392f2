'use client';

import { lazyZodResolver } from '@/lib/lazy-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TChannelSettingsInput } from '@tobacco/api/channels/channels.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { updateChannelSettingsAction } from './actions';

const channelChecks = lazyZodResolver(() => import('@tobacco/api/channels/channels.schema').then((m) => m.ZChannelSettingsInput));

type Props = { initial: TChannelSettingsInput; wechatLinked: boolean };

const CHECK = 'inline-flex min-h-11 cursor-pointer items-center gap-2';
const BOX = 'size-5 accent-brand-700';

/** Per kind of notice, SMS and WeChat besides the inbox; and the greetings choice. */
export function ChannelsForm({ initial, wechatLinked }: Props) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { isSubmitting },
  } = useForm<TChannelSettingsInput>({ resolver: channelChecks.resolver, defaultValues: initial });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    const result = await updateChannelSettingsAction(values);
    if (!result.ok) {
      setFormError(t(result.error.key, result.error.params));
      return;
    }
    setSaved(true);
  });

  return (
    <form onSubmit={onSubmit} onFocus={channelChecks.preload} noValidate className="flex flex-col gap-4" data-testid="channels-form">
      <label className={CHECK}>
        <input type="checkbox" className={BOX} {...register('greetings')} />
        <span className="font-medium">{t('channels.greetings')}</span>
      </label>
      <p className="-mt-3 text-sm text-ink-muted">{t('channels.greetingsHint')}</p>
      {wechatLinked ? null : <p className="text-sm text-ink-muted">{t('channels.wechatNotLinked')}</p>}
      <ul className="flex flex-col divide-y divide-line rounded-lg border border-line">
        {initial.preferences.map((row, i) => {
          const kind = t(`notifications.kind.${row.kind}` as MessageKey);
          return (
            <li key={row.kind} className="flex flex-wrap items-center justify-between gap-x-4 px-3 py-1">
              <input type="hidden" {...register(`preferences.${i}.kind`)} />
              <span className="min-w-24 font-medium">{kind}</span>
              <span className="flex flex-wrap items-center gap-x-4">
                <span className="text-sm text-ink-muted">
                  {t('channels.inbox')} · {t('channels.inboxAlways')}
                </span>
                <label className={CHECK}>
                  <input
                    type="checkbox"
                    className={BOX}
                    aria-label={t('channels.smsFor', { kind })}
                    {...register(`preferences.${i}.sms`)}
                  />
                  <span aria-hidden="true">{t('channels.sms')}</span>
                </label>
                <label className={CHECK}>
                  <input
                    type="checkbox"
                    className={BOX}
                    disabled={!wechatLinked}
                    aria-label={t('channels.wechatFor', { kind })}
                    {...register(`preferences.${i}.wechat`)}
                  />
                  <span aria-hidden="true">{t('channels.wechat')}</span>
                </label>
              </span>
            </li>
          );
        })}
      </ul>
      {formError ? (
        <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
          {formError}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="rounded-lg bg-success-50 px-4 py-3 font-medium text-success-700">
          {t('channels.saved')}
        </p>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? t('channels.saving') : t('channels.save')}
      </Button>
    </form>
  );
}
