'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { ZLogVisitFields } from '@tobacco/api/visits/visits.schema';
import { ZStaffContactChangeInput } from '@tobacco/api/retailers/profile.schema';
import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText, FormMessage } from '../../admin/_components/feedback';

type Position = { latitude: number; longitude: number };
const CONTROL = 'min-h-11 w-full rounded-lg border border-line bg-surface px-3 py-2 text-base text-ink';

/**
 * The visit log, made for a phone in the shop: purpose, findings, market information, photos (taken with the
 * camera or chosen), and the position if the browser gives it. Posted as multipart to ./submit.
 */
export function VisitForm({ retailerId, visitId, defaultPurpose }: { retailerId: number; visitId?: number; defaultPurpose?: string }) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const [position, setPosition] = useState<Position | null>(null);
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [purposeError, setPurposeError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const locate = () => {
    if (!navigator.geolocation) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ latitude: Math.round(p.coords.latitude * 1e6) / 1e6, longitude: Math.round(p.coords.longitude * 1e6) / 1e6 });
        setLocating('idle');
      },
      () => setLocating('failed'),
      { timeout: 10_000 },
    );
  };

  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const fields = ZLogVisitFields.safeParse({
      retailerId,
      visitId,
      purpose: String(data.get('purpose') ?? ''),
      findings: String(data.get('findings') ?? ''),
    });
    if (!fields.success) {
      setPurposeError(t((fields.error.issues[0]?.message ?? 'errors.VALIDATION') as MessageKey));
      return;
    }
    setPurposeError(undefined);
    if (position) {
      data.set('latitude', String(position.latitude));
      data.set('longitude', String(position.longitude));
    }
    setBusy(true);
    try {
      const response = await fetch('/visits/new/submit', { method: 'POST', body: data });
      const result = (await response.json()) as { ok: boolean; error?: { key: MessageKey; params?: MessageParams } };
      if (!result.ok) setError(t(result.error?.key ?? 'errors.unexpected', result.error?.params));
      else setSaved(true);
    } catch {
      setError(t('common.loadFailed'));
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <div className="flex flex-col gap-3">
        <FormMessage success={t('visits.log.saved')} />
        <Link href={`/retailers/${retailerId}`} className="inline-flex min-h-11 items-center font-semibold">
          {t('visits.log.openShop')}
        </Link>
      </div>
    );
  }
  return (
    <form ref={form} onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4" encType="multipart/form-data">
      <input type="hidden" name="retailerId" value={retailerId} />
      {visitId ? <input type="hidden" name="visitId" value={visitId} /> : null}
      <TextField
        name="purpose"
        label={t('visits.log.purpose')}
        hint={t('visits.log.purposeHint')}
        defaultValue={defaultPurpose}
        error={purposeError}
        maxLength={100}
      />
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{t('visits.log.findings')}</span>
        <textarea name="findings" rows={4} maxLength={1000} className={CONTROL} />
      </label>
      <TextField name="competitorPrices" label={t('visits.log.competitorPrices')} maxLength={500} />
      <TextField name="scarceStock" label={t('visits.log.scarceStock')} maxLength={500} />
      <label className="flex flex-col gap-1">
        <span className="font-semibold">{t('visits.log.photos')}</span>
        <input type="file" name="photos" accept="image/*" capture="environment" multiple className={CONTROL} data-testid="visit-photos" />
      </label>
      <div className="flex flex-col gap-1">
        <Button type="button" variant="secondary" onClick={locate} disabled={locating === 'busy'}>
          {t('visits.log.location')}
        </Button>
        <p role="status" className="text-sm text-ink-muted">
          {locating === 'busy'
            ? t('visits.log.locating')
            : locating === 'failed'
              ? t('visits.log.locationFailed')
              : position
                ? t('visits.log.located', { lat: position.latitude, lng: position.longitude })
                : ''}
        </p>
      </div>
      <FormMessage error={error} />
      <Button type="submit" size="lg" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('visits.log.saving') : t('visits.log.submit')}
      </Button>
    </form>
  );
}

/** A contact-detail change filed from the visit; a manager approves it. */
export function ChangeRequestForm({ retailerId }: { retailerId: number }) {
  const t = useT();
  const trpc = useTRPC();
  const file = useMutation(trpc.retailers.fileChangeRequest.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const input = {
      retailerId,
      change: {
        phone: String(data.get('phone') ?? ''),
        address: String(data.get('address') ?? ''),
        contactName: String(data.get('contactName') ?? ''),
        reason: String(data.get('reason') ?? ''),
      },
    };
    const parsed = ZStaffContactChangeInput.safeParse(input);
    if (!parsed.success) return setError(t((parsed.error.issues[0]?.message ?? 'errors.VALIDATION') as MessageKey));
    try {
      await file.mutateAsync(parsed.data);
      setDone(true);
    } catch (e) {
      setError(errorText(t, e));
    }
  };
  if (done) return <FormMessage success={t('visits.change.done')} />;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="flex flex-col gap-4">
      <p className="text-sm text-ink-muted">{t('visits.change.hint')}</p>
      <TextField name="phone" type="tel" inputMode="tel" label={t('retailers.changeRequest.phone')} />
      <TextField name="address" label={t('retailers.changeRequest.address')} />
      <TextField name="contactName" label={t('retailers.changeRequest.contactName')} />
      <TextField name="reason" label={t('retailers.changeRequest.reason')} />
      <FormMessage error={error} />
      <Button type="submit" variant="secondary" disabled={file.isPending}>
        {t('visits.change.submit')}
      </Button>
    </form>
  );
}
