import { z } from 'zod';
import { isCalendarDate } from '../schedule/calendar.rules';

export const ZCalendarYearInput = z.object({ year: z.number().int().min(2000).max(2100) });
/** The year view: this (China) year when none is asked for. */
export const ZCalendarYearQuery = z.object({ year: z.number().int().min(2000).max(2100).optional() });

const date = z.string().refine(isCalendarDate, 'admin.validation.date');

/** One day of the calendar: a holiday, a make-up working day, or `null` for an ordinary day again. */
export const ZCalendarDayInput = z
  .object({
    date,
    kind: z.enum(['HOLIDAY', 'MAKEUP_WORKDAY']).nullable(),
    name: z.string().trim().max(30, 'admin.validation.tooLong').default(''),
  })
  .refine((v) => v.kind === null || v.name.length > 0, { message: 'admin.validation.required', path: ['name'] });
export type TCalendarDayInput = z.input<typeof ZCalendarDayInput>;

export const ZConfirmYearInput = z.object({ year: z.number().int().min(2000).max(2100), confirmed: z.boolean() });
