// Messages of the retailers area (both apps). zh-CN is the source; en must have every key.
export const retailersZh = {} as const;

export type RetailersKey = keyof typeof retailersZh;

export const retailersEn: Record<RetailersKey, string> = {};
