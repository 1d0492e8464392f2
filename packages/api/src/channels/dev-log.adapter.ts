import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryChannel } from '@tobacco/db/enums';
import { getLogger } from '../ops/logger';
import type { ChannelAdapter, OutgoingMessage, SendResult } from './channels.adapter';
import { maskRecipient } from './channels.rules';

// The development adapter stands in for a channel that is not configured: it sends nothing and writes what
// would have been sent to the log (the recipient masked; the wording only outside production, since it may
// carry a reset code). With DEV_OUTBOX_FILE set (refused in production, see env.ts) it also appends each
// message as one JSON line to that file: that is how a developer, or the e2e test of the forgotten-password
// path, reads the code that would have gone by SMS.

export type DevOutboxLine = {
  at: string;
  channel: DeliveryChannel;
  to: string;
  messageKey: string;
  params: Record<string, string>;
  text: string;
};

export function devLogAdapter(channel: DeliveryChannel, options: { outboxFile: string | null; production: boolean }): ChannelAdapter {
  return {
    channel,
    live: false,
    send(message: OutgoingMessage): Promise<SendResult> {
      const to = maskRecipient(channel, message.to);
      getLogger().info(
        { channel, to, messageKey: message.messageKey, ...(options.production ? {} : { text: message.text }) },
        'channel not configured: message not sent',
      );
      if (options.outboxFile) {
        const line: DevOutboxLine = {
          at: new Date().toISOString(),
          channel,
          to,
          messageKey: message.messageKey,
          params: message.params,
          text: message.text,
        };
        fs.mkdirSync(path.dirname(options.outboxFile), { recursive: true });
        fs.appendFileSync(options.outboxFile, `${JSON.stringify(line)}\n`);
      }
      return Promise.resolve({ providerId: 'dev-log' });
    },
  };
}
