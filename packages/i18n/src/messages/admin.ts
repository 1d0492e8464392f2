// Messages of the admin area (both apps). zh-CN is the source; en must have every key.
export const adminZh = {} as const;

export type AdminKey = keyof typeof adminZh;

export const adminEn: Record<AdminKey, string> = {};
