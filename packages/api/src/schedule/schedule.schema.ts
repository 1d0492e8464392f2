import { z } from 'zod';

export const ZMyScheduleInput = z.object({ count: z.number().int().min(1).max(12).default(8) }).default({ count: 8 });
export type TMyScheduleInput = z.output<typeof ZMyScheduleInput>;
