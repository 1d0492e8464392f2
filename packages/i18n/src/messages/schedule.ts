// Messages of the schedule area (both apps). zh-CN is the source; en must have every key.
export const scheduleZh = {} as const;

export type ScheduleKey = keyof typeof scheduleZh;

export const scheduleEn: Record<ScheduleKey, string> = {};
