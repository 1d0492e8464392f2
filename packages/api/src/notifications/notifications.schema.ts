import { z } from 'zod';
import { NotificationKind } from '@tobacco/db/enums';

export const ZInboxInput = z
  .object({
    unreadOnly: z.boolean().default(false),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(5).max(50).default(20),
  })
  .default({ unreadOnly: false, page: 1, pageSize: 20 });
export type TInboxInput = z.output<typeof ZInboxInput>;

export const ZNotificationIdInput = z.object({ id: z.number().int().positive() });

// ---------------------------------------------------------------- portal outputs

export const ZInboxOutput = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(NotificationKind),
      messageKey: z.string(),
      // A notice's stored parameters: open JSON by design (each notice names its own), rendered by
      // renderNotice, which skips anything it does not understand.
      params: z.unknown(),
      link: z.string().nullable(),
      readAt: z.date().nullable(),
      createdAt: z.date(),
      withdrawn: z.boolean(),
    }),
  ),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
});

export const ZUnreadCountOutput = z.number().int();
export const ZMarkReadOutput = z.object({ id: z.number().int() });
export const ZMarkAllReadOutput = z.object({ marked: z.number().int() });
