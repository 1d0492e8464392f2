// Messages of the complaints area (both apps). zh-CN is the source; en must have every key.
export const complaintsZh = {} as const;

export type ComplaintsKey = keyof typeof complaintsZh;

export const complaintsEn: Record<ComplaintsKey, string> = {};
