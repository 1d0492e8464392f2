import { z } from 'zod';

// The portal's channel preferences: which notice kinds may also come by SMS or WeChat (the inbox is always
// on), and whether the shop wants birthday and anniversary greetings. Shared by the form and the procedure.

/** The notice kinds a shop receives, in the order the profile page lists them. */
export const RETAILER_NOTICE_KINDS = [
  'PROMOTION',
  'SURVEY_INVITATION',
  'COMPLAINT_UPDATE',
  'ORDER_WINDOW',
  'GRADE_PUBLISHED',
  'APPEAL_DECIDED',
  'CHANGE_REQUEST_DECIDED',
  'REDEMPTION_UPDATE',
  'GREETING',
] as const;
export type RetailerNoticeKind = (typeof RETAILER_NOTICE_KINDS)[number];

export const ZChannelSettingsInput = z
  .object({
    preferences: z
      .array(z.object({ kind: z.enum(RETAILER_NOTICE_KINDS), sms: z.boolean(), wechat: z.boolean() }).strict())
      .max(RETAILER_NOTICE_KINDS.length)
      .refine((rows) => new Set(rows.map((r) => r.kind)).size === rows.length, { message: 'channels.error.duplicateKind' }),
    greetings: z.boolean(),
  })
  .strict();
export type TChannelSettingsInput = z.input<typeof ZChannelSettingsInput>;

export const DELIVERY_STATUSES = ['QUEUED', 'SENT', 'FAILED', 'SKIPPED_CAP', 'SKIPPED_OFF'] as const;
export const DELIVERY_CHANNELS = ['SMS', 'WECHAT'] as const;

/** The back office's delivery log: newest first, filtered by status and channel. */
export const ZListDeliveriesInput = z
  .object({
    status: z.enum(DELIVERY_STATUSES).optional(),
    channel: z.enum(DELIVERY_CHANNELS).optional(),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(10).max(100).default(50),
  })
  .strict();
export type TListDeliveriesInput = z.output<typeof ZListDeliveriesInput>;

export const ZChannelSettingsOutput = z.object({
  greetings: z.boolean(),
  wechatLinked: z.boolean(),
  preferences: z.array(z.object({ kind: z.enum(RETAILER_NOTICE_KINDS), sms: z.boolean(), wechat: z.boolean() })),
});
export const ZChannelSettingsSavedOutput = z.object({ ok: z.literal(true) });
