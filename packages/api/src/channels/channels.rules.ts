import type { DeliveryChannel } from '@tobacco/db/enums';

// Pure rules of the channels: who gets what, how a recipient appears in logs, and the daily cap.

/** 13812345678 → 138****5678; an openid keeps its last 4 characters. Enough for a developer to tell them apart. */
export function maskRecipient(channel: DeliveryChannel, to: string): string {
  if (channel === 'SMS') return to.length >= 7 ? `${to.slice(0, 3)}****${to.slice(-4)}` : '****';
  return to.length > 4 ? `…${to.slice(-4)}` : '****';
}

/** Attempts a delivery gets before it is marked failed (the job queue's retry policy gives five). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Whether one more message fits under the shop's daily cap: `counted` are today's messages already queued
 * or sent over SMS and WeChat. A cap of 0 turns the extra channels off for everyone. Reset codes are not
 * counted and not capped: a shop locked out of its account needs them, and they have throttles of their own.
 */
export function withinDailyCap(counted: number, cap: number, secret: boolean): boolean {
  return secret || counted < cap;
}

export type ChannelChoice = { sms: boolean; wechat: boolean };

/** The extra channels a notice goes out on: the shop's preference, where the shop can be reached there. */
export function channelsFor(
  preference: ChannelChoice | null,
  reach: { phone: string | null; wechatOpenId: string | null },
): DeliveryChannel[] {
  if (!preference) return [];
  const out: DeliveryChannel[] = [];
  if (preference.sms && reach.phone) out.push('SMS');
  if (preference.wechat && reach.wechatOpenId) out.push('WECHAT');
  return out;
}
