'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has attached its handlers, then true. A button whose work is
 * done by a handler is disabled until then: a tap on a page that is still loading does nothing, and a form
 * would otherwise be sent the browser's way (its fields in the address).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
