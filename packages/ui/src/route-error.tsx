'use client';

import { Button } from './button';
import { useT } from './i18n';
import { ErrorState } from './states';

/** The body of an app's error.tsx: a translated message with the error's digest, and a retry. */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <ErrorState
      title={t('common.loadFailed')}
      message={t('errors.unexpected', { requestId: error.digest ?? '-' })}
      action={
        <Button variant="secondary" onClick={reset}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
