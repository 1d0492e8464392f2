'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';

/**
 * One mutation at a time from a button or form: on success it shows `message` (or what it makes of the
 * result) and refreshes the page's server-rendered data; on failure it shows the translated error. Resolves
 * to whether the action succeeded.
 */
export function useAction() {
  const t = useT();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async <T>(action: () => Promise<T>, message?: string | ((result: T) => string)): Promise<boolean> => {
    setError(null);
    setDone(null);
    try {
      const result = await action();
      setDone(typeof message === 'function' ? message(result) : (message ?? null));
      router.refresh();
      return true;
    } catch (e) {
      const m = errorMessageOf(e);
      setError(t(m.key, m.params));
      return false;
    }
  };
  return { error, done, run };
}
