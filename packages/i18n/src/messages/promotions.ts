// Messages of the promotions area (both apps). zh-CN is the source; en must have every key.
export const promotionsZh = {} as const;

export type PromotionsKey = keyof typeof promotionsZh;

export const promotionsEn: Record<PromotionsKey, string> = {};
