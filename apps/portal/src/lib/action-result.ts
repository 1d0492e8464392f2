import type { ErrorMessage } from '@tobacco/ui/lib/error-message';

/**
 * What a portal server action answers: its data, or the translated-message key of why it failed and, for a
 * validation error, the message of each field. Server actions call the same tRPC procedures in-process,
 * so forms need neither react-query nor the tRPC client in the browser.
 */
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; error: ErrorMessage; fieldErrors?: Record<string, string[]> };
