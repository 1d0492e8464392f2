// Messages of the notifications area (both apps). zh-CN is the source; en must have every key.
export const notificationsZh = {} as const;

export type NotificationsKey = keyof typeof notificationsZh;

export const notificationsEn: Record<NotificationsKey, string> = {};
