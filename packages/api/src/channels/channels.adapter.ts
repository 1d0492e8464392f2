import type { DeliveryChannel } from '@tobacco/db/enums';

// What every channel adapter does: send one message, already worded, to one recipient. The service
// chooses the adapter and records the outcome; an adapter only speaks its provider's protocol.

export type OutgoingMessage = {
  /** A mobile number (SMS) or an official-account follower's openid (WeChat). */
  to: string;
  /** The notice's message key: each provider maps it to a template registered with it. */
  messageKey: string;
  /** The template's parameters, as text. */
  params: Record<string, string>;
  /** The message in zh-CN, for the development adapter's log. */
  text: string;
  /** Where a WeChat message opens, when the notice has a link. */
  link?: string;
};

export type SendResult = { providerId: string };

export interface ChannelAdapter {
  readonly channel: DeliveryChannel;
  /** `false` when the channel is not configured: the delivery is recorded as skipped, nothing is sent. */
  readonly live: boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** A provider's refusal that retrying cannot fix (no template for the message, a bad recipient). */
export class PermanentSendError extends Error {}
