// Messages of the allocation area (both apps). zh-CN is the source; en must have every key.
export const allocationZh = {} as const;

export type AllocationKey = keyof typeof allocationZh;

export const allocationEn: Record<AllocationKey, string> = {};
