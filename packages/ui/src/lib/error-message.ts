import type { MessageKey, MessageParams } from '@tobacco/i18n/messages';

export type ErrorMessage = { key: MessageKey; params?: MessageParams };

type Shape = {
  code?: unknown;
  message?: unknown;
  data?: { messageKey?: unknown; params?: unknown; code?: unknown } | null;
  cause?: { messageKey?: unknown; params?: unknown } | null;
};

const GENERIC_CODES = ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'] as const;

/**
 * The message to show for an error from the API, in either shape it arrives in: a tRPC client error
 * (the server's error formatter put `data.messageKey` on it) or a TRPCError thrown by a server-side
 * caller (its cause is the DomainError that carries the key). Anything else is a generic message.
 */
export function errorMessageOf(error: unknown, requestId?: string): ErrorMessage {
  const e = (error ?? {}) as Shape;
  if (typeof e.data?.messageKey === 'string') {
    return { key: e.data.messageKey as MessageKey, params: e.data.params as MessageParams | undefined };
  }
  if (typeof e.cause?.messageKey === 'string') {
    return { key: e.cause.messageKey as MessageKey, params: e.cause.params as MessageParams | undefined };
  }
  const code = typeof e.code === 'string' ? e.code : typeof e.data?.code === 'string' ? e.data.code : undefined;
  if (code && (GENERIC_CODES as readonly string[]).includes(code)) return { key: `errors.${code}` as MessageKey };
  // The database is down or restarting (see the API's error boundary): a retry shortly will do.
  if (code === 'SERVICE_UNAVAILABLE') return { key: 'errors.unavailable' };
  // fetch() rejects with a TypeError when the network is down; tRPC wraps it without data.
  if (error instanceof TypeError || (e.data == null && typeof e.message === 'string' && /fetch|network/i.test(e.message))) {
    return { key: 'errors.network' };
  }
  return { key: 'errors.unexpected', params: { requestId: requestId ?? '-' } };
}

/** True when the error means the session is gone, so the page should send the person to sign in. */
export function isUnauthorized(error: unknown): boolean {
  const e = (error ?? {}) as Shape;
  return e.code === 'UNAUTHORIZED' || e.data?.code === 'UNAUTHORIZED';
}
