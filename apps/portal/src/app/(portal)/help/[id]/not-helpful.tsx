'use client';

import { useState, useTransition } from 'react';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { notHelpfulAction } from '../actions';

export function NotHelpful({ articleId }: { articleId: number }) {
  const t = useT();
  const [pending, start] = useTransition();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (done) return <p role="status">{t('knowledge.help.thanks')}</p>;
  return (
    <div className="flex flex-col gap-2">
      <Button
        variant="secondary"
        size="lg"
        className="self-start"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await notHelpfulAction({ articleId });
            if (result.ok) setDone(true);
            else setError(t(result.error.key as MessageKey, result.error.params));
          })
        }
      >
        {t('knowledge.help.notHelpful')}
      </Button>
      {error ? (
        <p role="alert" className="font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
