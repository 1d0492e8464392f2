import { z } from 'zod';
import type { MessageKey } from '@tobacco/i18n/messages';

// Building blocks of the portal's output schemas. Browser-safe: only a type comes from the message tables.

/** A message key the service chose from the catalogue, for the page to translate. */
export const ZMessageKey = z.custom<MessageKey>((value) => typeof value === 'string' && value.length > 0);
