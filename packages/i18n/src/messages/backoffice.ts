// Back-office messages. zh-CN is the source; en must have every key.
export const backofficeZh = {
  'backoffice.nav.home': '工作台',
  'backoffice.nav.retailers': '零售客户',
} as const;

export type BackofficeKey = keyof typeof backofficeZh;

export const backofficeEn: Record<BackofficeKey, string> = {
  'backoffice.nav.home': 'Workbench',
  'backoffice.nav.retailers': 'Retailers',
};
