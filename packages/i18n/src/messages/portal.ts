// Retailer portal messages. zh-CN is the source; en must have every key.
export const portalZh = {
  'portal.nav.home': '首页',
  'portal.nav.grade': '我的档位',
  'portal.nav.allocation': '货源',
  'portal.nav.schedule': '订货',
  'portal.nav.promotions': '促销',
  'portal.nav.rewards': '积分',
  'portal.nav.complaints': '诉求',
  'portal.nav.surveys': '问卷',
  'portal.nav.inbox': '消息',
  'portal.nav.profile': '我的',
} as const;

export type PortalKey = keyof typeof portalZh;

export const portalEn: Record<PortalKey, string> = {
  'portal.nav.home': 'Home',
  'portal.nav.grade': 'My grade',
  'portal.nav.allocation': 'Supply',
  'portal.nav.schedule': 'Ordering',
  'portal.nav.promotions': 'Promotions',
  'portal.nav.rewards': 'Points',
  'portal.nav.complaints': 'Requests',
  'portal.nav.surveys': 'Surveys',
  'portal.nav.inbox': 'Inbox',
  'portal.nav.profile': 'Me',
};
