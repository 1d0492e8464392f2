// Messages of the grading area (both apps). zh-CN is the source; en must have every key.
export const gradingZh = {} as const;

export type GradingKey = keyof typeof gradingZh;

export const gradingEn: Record<GradingKey, string> = {};
