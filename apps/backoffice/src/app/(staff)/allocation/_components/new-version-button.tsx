'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { useTRPC } from '@/trpc/react';
import { errorText } from '../../admin/_components/feedback';

/** Starts a new version of a cycle's policy from the last one and opens it in the grid. */
export function NewVersionButton({ cycleId, weekStart, label }: { cycleId: number | null; weekStart: string; label: string }) {
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.allocation.create.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        disabled={create.isPending}
        onClick={async () => {
          setError(null);
          try {
            const created = await create.mutateAsync(cycleId ? { cycleId } : { weekStart });
            router.push(`/allocation/policies/${created.id}`);
          } catch (e) {
            setError(errorText(t, e));
          }
        }}
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-danger-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
