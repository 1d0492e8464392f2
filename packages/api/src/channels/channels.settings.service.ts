import type { z } from 'zod';
import type { RetailerDeps } from '../deps';
import { notFound } from '../errors';
import { writeRetailerAudit } from '../retailers/retailers.audit';
import { RETAILER_NOTICE_KINDS, type ZChannelSettingsInput } from './channels.schema';

// A shop's own channel preferences and greetings choice, read and written by the shop (any of its logins).

export async function getMyChannelSettings({ db, actor }: RetailerDeps) {
  const [shop, rows] = await Promise.all([
    db.retailer.findUnique({ where: { id: actor.retailerId }, select: { greetingsOptOut: true, phone: true, wechatOpenId: true } }),
    db.channelPreference.findMany({ where: { retailerId: actor.retailerId }, select: { kind: true, sms: true, wechat: true } }),
  ]);
  if (!shop) throw notFound();
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return {
    greetings: !shop.greetingsOptOut,
    // WeChat can be chosen only once the shop follows the official account.
    wechatLinked: shop.wechatOpenId !== null,
    preferences: RETAILER_NOTICE_KINDS.map((kind) => ({
      kind,
      sms: byKind.get(kind)?.sms ?? false,
      wechat: byKind.get(kind)?.wechat ?? false,
    })),
  };
}

export async function updateMyChannelSettings({ db, actor }: RetailerDeps, input: z.output<typeof ZChannelSettingsInput>) {
  await db.$transaction(async (tx) => {
    for (const row of input.preferences) {
      await tx.channelPreference.upsert({
        where: { retailerId_kind: { retailerId: actor.retailerId, kind: row.kind } },
        create: { retailerId: actor.retailerId, kind: row.kind, sms: row.sms, wechat: row.wechat },
        update: { sms: row.sms, wechat: row.wechat },
      });
    }
    await tx.retailer.update({ where: { id: actor.retailerId }, data: { greetingsOptOut: !input.greetings } });
    await writeRetailerAudit(tx, actor, {
      action: 'channels.preferences.update',
      entityType: 'Retailer',
      entityId: actor.retailerId,
      after: { greetings: input.greetings, preferences: input.preferences },
    });
  });
  return { ok: true as const };
}
