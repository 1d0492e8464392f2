'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@tobacco/ui/i18n';
import { useToast } from '@tobacco/ui/toast';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';

/**
 * One mutation at a time from a button or form: on success it shows `message` (or what it makes of the
 * result) in the app's status region, which outlives the refresh of the page's server-rendered data that
 * follows (and the panel that asked, if the refresh removes it); on failure it shows the translated error.
 * `done` is the last confirmation, for a panel that changes once the action succeeded. Resolves to whether
 * the action succeeded.
 */
export function useAction() {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async <T>(action: () => Promise<T>, message?: string | ((result: T) => string)): Promise<boolean> => {
    setError(null);
    setDone(null);
    try {
      const result = await action();
      const text = typeof message === 'function' ? message(result) : (message ?? null);
      if (text) toast(text);
      setDone(text);
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
