import { z } from 'zod/mini';

// The portal's channel preferences: which notice kinds may also come by SMS or WeChat (the inbox is always
// on), and whether the shop wants birthday and anniversary greetings. Shared by the form and the procedure,
// in zod/mini: the profile page's form carries this file to the phone. (The back office's delivery log has its
// own file, channels.log.schema.ts.)

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

export const ZChannelSettingsInput = z.strictObject({
  preferences: z.array(z.strictObject({ kind: z.enum(RETAILER_NOTICE_KINDS), sms: z.boolean(), wechat: z.boolean() })).check(
    z.maxLength(RETAILER_NOTICE_KINDS.length),
    z.refine((rows) => new Set(rows.map((r) => r.kind)).size === rows.length, { message: 'channels.error.duplicateKind' }),
  ),
  greetings: z.boolean(),
});
export type TChannelSettingsInput = z.input<typeof ZChannelSettingsInput>;

export const ZChannelSettingsOutput = z.object({
  greetings: z.boolean(),
  wechatLinked: z.boolean(),
  preferences: z.array(z.object({ kind: z.enum(RETAILER_NOTICE_KINDS), sms: z.boolean(), wechat: z.boolean() })),
});
export const ZChannelSettingsSavedOutput = z.object({ ok: z.literal(true) });
