import { z } from 'zod';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { StoredParams } from '@tobacco/i18n/stored';

// Building blocks of the portal's output schemas. Browser-safe: only types come from the message tables.

/** A message key the service chose from the catalogue (the page translates it). */
export const ZMessageKey = z.custom<MessageKey>((value) => typeof value === 'string');

/**
 * The parameters stored with a system message (a JSON column): open by design, since each message names its
 * own parameters, and rendered by `renderStored`, which skips anything it does not understand.
 */
export const ZStoredParams = z.custom<StoredParams | null>(
  (value) => value === null || (typeof value === 'object' && !Array.isArray(value)),
);

/** A page of a list, as every paged portal list answers. */
export const ZPageInfo = { total: z.number().int(), page: z.number().int(), pages: z.number().int() };
