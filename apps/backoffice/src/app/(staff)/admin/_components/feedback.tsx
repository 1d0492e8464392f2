'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';
import { errorMessageOf } from '@tobacco/ui/lib/error-message';
import { EmptyState, ErrorState, LoadingState } from '@tobacco/ui/states';

/** The translated message of an API error. */
export function errorText(t: Translate, error: unknown): string {
  const message = errorMessageOf(error);
  return t(message.key, message.params);
}

/** Field errors of react-hook-form carry i18n keys (the shared zod schemas use them as messages). */
export function fieldError(t: Translate, error: { message?: string } | undefined): string | undefined {
  if (!error?.message) return undefined;
  return error.message.includes('.') ? t(error.message as MessageKey) : t('errors.VALIDATION');
}

/** Loading, error (with retry) and empty states of a query; children render the data. */
export function QueryView<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<T>;
  empty?: (data: T) => string | null;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) return <LoadingState label={t('common.loading')} />;
  if (query.isError) {
    return (
      <ErrorState
        title={t('common.loadFailed')}
        message={errorText(t, query.error)}
        action={
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const emptyTitle = empty?.(query.data);
  if (emptyTitle) return <EmptyState title={emptyTitle} />;
  return <>{children(query.data)}</>;
}

/** A form's outcome: an alert for a failure, a polite status for a success. */
export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) {
    return (
      <p role="alert" className="rounded-lg border border-danger-200 bg-danger-50 px-4 py-3 font-medium text-danger-700">
        {error}
      </p>
    );
  }
  return (
    <p
      role="status"
      className={success ? 'rounded-lg border border-success-700/30 bg-success-50 px-4 py-3 font-medium text-success-700' : 'sr-only'}
    >
      {success ?? ''}
    </p>
  );
}

/** A temporary password, shown once: the administrator passes it on; it is never shown again. */
export function TemporaryPassword({ login, password }: { login: string; password: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="flex flex-col gap-2 rounded-xl border border-warning-800/30 bg-warning-50 p-4"
      data-testid="temporary-password"
    >
      <p className="font-semibold text-warning-800">{t('admin.password.temporaryTitle')}</p>
      <p>
        {t('admin.password.temporaryLogin')} <span className="font-mono font-semibold">{login}</span>
      </p>
      <p>
        {t('admin.password.temporaryValue')}{' '}
        <span className="rounded bg-surface px-2 py-0.5 font-mono text-lg font-bold tracking-wider" data-testid="temporary-password-value">
          {password}
        </span>
      </p>
      <p className="text-sm text-ink-muted">{t('admin.password.temporaryHint')}</p>
      <div>
        <Button
          variant="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(password).then(() => setCopied(true));
          }}
        >
          {copied ? t('admin.password.copied') : t('admin.password.copy')}
        </Button>
      </div>
    </div>
  );
}

/** A button that asks once more before doing something that cannot simply be undone. */
export function ConfirmButton({
  label,
  confirmLabel,
  question,
  onConfirm,
  variant = 'secondary',
  disabled,
}: {
  label: string;
  confirmLabel: string;
  question: string;
  onConfirm: () => void;
  variant?: 'secondary' | 'danger' | 'primary';
  disabled?: boolean;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant={variant === 'danger' ? 'secondary' : variant} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <span
      role="group"
      aria-label={question}
      className="inline-flex flex-wrap items-center gap-2 rounded-lg border border-line bg-canvas px-3 py-2"
    >
      <span className="text-ink">{question}</span>
      <Button
        variant={variant === 'danger' ? 'danger' : 'primary'}
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </Button>
      <Button variant="ghost" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </Button>
    </span>
  );
}

const BADGE: Record<string, string> = {
  ok: 'bg-success-50 text-success-700',
  warn: 'bg-warning-50 text-warning-800',
  bad: 'bg-danger-50 text-danger-700',
  muted: 'bg-canvas text-ink-muted border border-line',
};

export function Badge({ tone, children }: { tone: keyof typeof BADGE; children: ReactNode }) {
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${BADGE[tone]}`}>{children}</span>;
}

// Selects hand over strings; schemas want numbers or null.
/** "In use" or "retired": organisation rows are retired, never deleted. */
export function ActiveBadge({ active }: { active: boolean }) {
  const t = useT();
  return active ? <Badge tone="ok">{t('admin.active')}</Badge> : <Badge tone="muted">{t('admin.retired')}</Badge>;
}

/** Retire (asking first) an active row, or restore a retired one. */
export function RetireOrRestore({
  active,
  question,
  onSetActive,
}: {
  active: boolean;
  question: string;
  onSetActive: (active: boolean) => void;
}) {
  const t = useT();
  return active ? (
    <ConfirmButton
      label={t('admin.retire')}
      confirmLabel={t('admin.retireConfirm')}
      question={question}
      onConfirm={() => onSetActive(false)}
    />
  ) : (
    <Button variant="secondary" onClick={() => onSetActive(true)}>
      {t('admin.restore')}
    </Button>
  );
}

export const toNumberOrNull = (value: unknown) => (value === '' || value === undefined || value === null ? null : Number(value));
export const toNumberOrUndefined = (value: unknown) => (value === '' || value === undefined || value === null ? undefined : Number(value));
