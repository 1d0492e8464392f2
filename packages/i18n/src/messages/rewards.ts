// Messages of the rewards area (both apps). zh-CN is the source; en must have every key.
export const rewardsZh = {} as const;

export type RewardsKey = keyof typeof rewardsZh;

export const rewardsEn: Record<RewardsKey, string> = {};
