'use client';

import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useT } from './i18n';

// One status region per app, mounted by the root layout above every page: a confirmation shown here
// survives the refresh (or the navigation) that follows a mutation, which unmounts the panel that asked
// for it. It stays until the person closes it, and is announced to screen readers as it appears.

type Toast = { id: number; message: string };

const ToastContext = createContext<((message: string) => void) | null>(null);

const MAX_TOASTS = 3;
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const show = useCallback((message: string) => {
    const id = nextId++;
    setToasts((list) => [...list.filter((toast) => toast.message !== message).slice(-(MAX_TOASTS - 1)), { id, message }]);
  }, []);
  const close = (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id));
  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* Always in the page, so assistive technology is listening before the first message arrives. */}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-24 z-50 flex flex-col items-center gap-2 px-3 sm:right-6 sm:bottom-6 sm:left-auto sm:items-end"
      >
        {toasts.map((toast) => (
          <div
            key={toast.id}
            data-testid="toast"
            className="pointer-events-auto flex w-full max-w-md items-start gap-2 rounded-lg border border-success-700/30 bg-success-50 py-2 pr-2 pl-4 text-success-700 shadow-lg"
          >
            <p className="min-w-0 flex-1 self-center py-1 font-semibold break-words">{toast.message}</p>
            <button
              type="button"
              onClick={() => close(toast.id)}
              aria-label={t('common.closeMessage')}
              className="flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-md text-xl leading-none hover:bg-success-700/10 focus-visible:outline-2 focus-visible:outline-success-700"
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a confirmation in the app's status region: `const toast = useToast(); toast(t('…saved'))`. */
export function useToast(): (message: string) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast() needs a <ToastProvider> above it (the root layout renders one).');
  return show;
}
