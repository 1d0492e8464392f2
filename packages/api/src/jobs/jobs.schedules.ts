import type { Db } from '@tobacco/db/client';

// Recurring work, checked by the worker every tick: each entry enqueues its job with a uniqueKey for the
// current time slot, so several workers (or a restart) never run a slot twice.
export type Schedule = { name: string; everyMinutes: number; enqueue: (db: Db, slot: string, now: Date) => Promise<void> };

export const SCHEDULES: Schedule[] = [];
