import { z } from 'zod';
import { CalendarDayKind } from '@tobacco/db/enums';

export const ZMyScheduleInput = z.object({ count: z.number().int().min(1).max(12).default(8) }).default({ count: 8 });
export type TMyScheduleInput = z.output<typeof ZMyScheduleInput>;

// ---------------------------------------------------------------- portal outputs

const isoDate = z.iso.date();

/** One cycle of a shop's schedule (schedule.rules.ts `CycleSchedule`): China dates, and the window as instants. */
export const ZCycleSchedule = z.object({
  cycleStart: isoDate,
  cycleEnd: isoDate,
  orderDay: z.object({
    scheduled: isoDate,
    actual: isoDate,
    moved: z.boolean(),
    reason: z.string().optional(),
    mergedWithNextCycle: z.boolean(),
  }),
  window: z.object({ opensAt: z.date(), closesAt: z.date() }),
  deliveryDate: isoDate,
});

export const ZWindowStatus = z.object({ status: z.enum(['before', 'open', 'closed']), msRemaining: z.number() });

export const ZMyScheduleOutput = z.object({
  today: isoDate,
  orderWeekday: z.number().int(),
  cycles: z.array(ZCycleSchedule),
  current: ZCycleSchedule.extend({ status: ZWindowStatus }).nullable(),
  specialDays: z.array(z.object({ date: isoDate, kind: z.enum(CalendarDayKind), name: z.string() })),
  unconfirmedYears: z.array(z.number().int()),
});
