import { z } from 'zod';

export const ZSessionIdInput = z.object({ id: z.uuid() });

// Outputs, the same in both apps: a person's own sign-ins, never another account's.

export const ZMySessionsOutput = z.array(
  z.object({ id: z.string(), createdAt: z.date(), expiresAt: z.date(), userAgent: z.string().nullable(), current: z.boolean() }),
);
export const ZEndSessionOutput = z.object({ id: z.string(), current: z.boolean() });
export const ZSignedOutOutput = z.object({ ok: z.literal(true) });
