'use client';

import { Button } from './button';
import { useT } from './i18n';
import { ErrorState } from './states';

/**
 * The body of an app's error.tsx: a translated message with the error's digest when the server gave one
 * (a failed navigation has none: then it says what may have happened, never an empty error number), and a retry.
 */
export function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useT();
  return (
    <ErrorState
      title={t('common.loadFailed')}
      message={error.digest ? t('errors.unexpected', { requestId: error.digest }) : t('errors.unexpectedNoId')}
      action={
        <Button variant="secondary" onClick={reset}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}
