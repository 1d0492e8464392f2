import { z } from 'zod';

// Inputs of the retailer 360 page and its timeline (back office).

const id = z.number().int().positive().max(2147483647);

/** The kinds of event on the timeline; a new kind is one more SELECT in retailer360.timeline.ts. */
export const TIMELINE_KINDS = [
  'ORDER',
  'GRADE',
  'LIMIT',
  'INTEGRITY',
  'COMPLAINT',
  'SURVEY',
  'PROMOTION',
  'POINTS',
  'REDEMPTION',
  'VISIT',
  'ALERT',
  'CHANGE_REQUEST',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_PAGE_SIZE = 25;

/** A keyset cursor: the (time, kind, id) of the last event shown, as "ISO time|KIND|id". */
export const ZTimelineCursor = z
  .string()
  .max(80)
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[A-Z_]+\|\d{1,10}$/)
  .refine(
    (value) => (TIMELINE_KINDS as readonly string[]).includes(value.split('|')[1]!) && !Number.isNaN(Date.parse(value.split('|')[0]!)),
  );

export const ZRetailer360Input = z.object({ id });

export const ZTimelineInput = z.object({
  retailerId: id,
  kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
  cursor: ZTimelineCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(TIMELINE_PAGE_SIZE),
});
export type TTimelineInput = z.input<typeof ZTimelineInput>;

export function encodeCursor(event: { at: Date; kind: string; id: number }): string {
  return `${event.at.toISOString()}|${event.kind}|${event.id}`;
}

export function decodeCursor(cursor: string): { at: Date; kind: string; id: number } {
  const [at, kind, id] = cursor.split('|') as [string, string, string];
  return { at: new Date(at), kind, id: Number(id) };
}
