import { Prisma, type Db } from '@tobacco/db/client';
import { getSetting } from '../admin/settings.service';
import { enqueueDeliveryJobs } from '../channels/channels.service';
import { chinaDate } from '../schedule/calendar.rules';
import { greetedMonthDays } from './care.rules';

// The daily greetings: owners' birthdays and shop anniversaries (the licence date, `openedOn`) of today,
// China time. One statement does the whole company: Greeting rows (unique per shop, kind and year, so a
// second run of the day, or a re-run after a failure, greets nobody twice), their inbox notices, the
// points of the setting notifications.greetingPoints, and the SMS/WeChat deliveries the shops chose for
// greetings; their jobs are queued in the same transaction. Shops that opted out are skipped.

export const GREETINGS_QUEUE = 'care.greetings';

export async function sendGreetings(db: Db, now: Date): Promise<{ greeted: number }> {
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const pairs = greetedMonthDays(today);
  const matches = (column: Prisma.Sql) =>
    Prisma.join(
      pairs.map((p) => Prisma.sql`(extract(month FROM ${column}) = ${p.month} AND extract(day FROM ${column}) = ${p.day})`),
      ' OR ',
    );
  const points = await getSetting(db, 'notifications.greetingPoints');
  const day = new Date(`${today}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ greeted: number; deliveries: number[] | null }[]>`
      WITH due AS (
        SELECT r.id, 'BIRTHDAY'::"GreetingKind" AS kind, 0 AS years FROM "Retailer" r
        WHERE r.status = 'ACTIVE' AND NOT r."greetingsOptOut" AND r."ownerBirthday" IS NOT NULL AND (${matches(Prisma.sql`r."ownerBirthday"`)})
        UNION ALL
        SELECT r.id, 'ANNIVERSARY'::"GreetingKind", ${year}::int - extract(year FROM r."openedOn")::int FROM "Retailer" r
        WHERE r.status = 'ACTIVE' AND NOT r."greetingsOptOut" AND extract(year FROM r."openedOn") < ${year} AND (${matches(Prisma.sql`r."openedOn"`)})
      ), greeted AS (
        INSERT INTO "Greeting" ("retailerId", kind, year)
        SELECT id, kind, ${year}::int FROM due
        ON CONFLICT ("retailerId", kind, year) DO NOTHING
        RETURNING "retailerId", kind
      ), notices AS (
        INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link)
        SELECT g."retailerId", 'GREETING',
          CASE g.kind WHEN 'BIRTHDAY' THEN 'care.birthday' ELSE 'care.anniversary' END,
          CASE g.kind WHEN 'BIRTHDAY' THEN jsonb_build_object('points', ${points}::int)
            ELSE jsonb_build_object('years', d.years, 'points', ${points}::int) END,
          CASE WHEN ${points}::int > 0 THEN '/rewards' ELSE NULL END
        FROM greeted g JOIN due d ON d.id = g."retailerId" AND d.kind = g.kind
        RETURNING id, "retailerId", "messageKey", params
      ), credited AS (
        UPDATE "Retailer" r SET "pointsBalance" = r."pointsBalance" + s.total
        FROM (SELECT "retailerId", count(*)::int * ${points}::int AS total FROM greeted GROUP BY "retailerId") s
        WHERE ${points}::int > 0 AND r.id = s."retailerId"
        RETURNING r.id, s.total, r."pointsBalance"
      ), ledger AS (
        INSERT INTO "PointsEntry" ("retailerId", points, "balanceAfter", reason, note)
        SELECT id, total, "pointsBalance", 'MANUAL', 'care.greeting' FROM credited
        RETURNING id
      ), deliveries AS (
        INSERT INTO "NotificationDelivery" ("retailerId", "notificationId", kind, channel, "messageKey", params, day)
        SELECT n."retailerId", n.id, 'GREETING', ch.channel, n."messageKey", n.params, ${day}::date
        FROM notices n
        JOIN "ChannelPreference" p ON p."retailerId" = n."retailerId" AND p.kind = 'GREETING'
        JOIN "Retailer" r ON r.id = n."retailerId"
        CROSS JOIN LATERAL (VALUES ('SMS'::"DeliveryChannel", p.sms AND r.phone <> ''), ('WECHAT'::"DeliveryChannel", p.wechat AND r."wechatOpenId" IS NOT NULL)) AS ch(channel, wanted)
        WHERE ch.wanted
        RETURNING id
      )
      SELECT (SELECT count(*)::int FROM notices) AS greeted, (SELECT array_agg(id ORDER BY id) FROM deliveries) AS deliveries,
        (SELECT count(*)::int FROM ledger) AS credited`;
    const row = rows[0]!;
    await enqueueDeliveryJobs(tx, row.deliveries ?? []);
    return { greeted: row.greeted };
  });
}
