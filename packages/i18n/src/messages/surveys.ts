// Messages of the surveys area (both apps). zh-CN is the source; en must have every key.
export const surveysZh = {} as const;

export type SurveysKey = keyof typeof surveysZh;

export const surveysEn: Record<SurveysKey, string> = {};
