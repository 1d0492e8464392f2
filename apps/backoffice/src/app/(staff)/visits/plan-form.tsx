'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ZPlanVisitInput } from '@tobacco/api/visits/visits.schema';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { TextField } from '@tobacco/ui/field';
import { useT } from '@tobacco/ui/i18n';
import { useAction } from '@/components/use-action';
import { useTRPC } from '@/trpc/react';
import { FormMessage } from '../admin/_components/feedback';

/** Adds a visit to the plan: a day from today on, and its purpose. */
export function PlanForm({ retailerId, today }: { retailerId: number; today: string }) {
  const t = useT();
  const trpc = useTRPC();
  const plan = useMutation(trpc.visits.plan.mutationOptions());
  const { error, done, run } = useAction();
  const [fieldError, setFieldError] = useState<string | undefined>();
  return (
    <form
      noValidate
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const parsed = ZPlanVisitInput.safeParse({
          retailerId,
          plannedFor: String(data.get('plannedFor') ?? ''),
          purpose: String(data.get('purpose') ?? ''),
        });
        if (!parsed.success) return setFieldError(t((parsed.error.issues[0]?.message ?? 'errors.VALIDATION') as MessageKey));
        setFieldError(undefined);
        void run(() => plan.mutateAsync(parsed.data), t('visits.plan.done'));
      }}
    >
      <div className="grid gap-2 sm:grid-cols-2">
        <TextField
          id={`plan-date-${retailerId}`}
          name="plannedFor"
          type="date"
          min={today}
          defaultValue={today}
          label={t('visits.plan.date')}
        />
        <TextField id={`plan-purpose-${retailerId}`} name="purpose" label={t('visits.plan.purpose')} maxLength={100} error={fieldError} />
      </div>
      <div>
        <Button type="submit" variant="secondary" disabled={plan.isPending}>
          {t('visits.plan.submit')}
        </Button>
      </div>
      <FormMessage error={error} success={done} />
    </form>
  );
}
