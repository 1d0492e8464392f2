import { Prisma } from '@tobacco/db/client';
import { promotionIsLiveSql, promotionTargetsRetailerSql } from '../promotions/promotions.target-sql';
import { policyInForceSql } from '../allocation/allocation.service';
import { SCHEDULE_SETTING_KEYS } from '../schedule/schedule.rules';

// The two statements behind the portal's home page, kept apart from the service so that the benchmark
// (bench/portal-home) can run exactly the same SQL through a plain `pg` client.

export const HOME_PROMOTIONS_SHOWN = 3;
// Timestamps are stored as UTC without a zone; JSON gets them as ISO instants so no reader guesses the zone.
const ISO_UTC = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);
export const HOME_SETTING_KEYS = [...SCHEDULE_SETTING_KEYS, 'rewards.tiers'] as const;

/**
 * Everything but the allowance, in one statement of indexed look-ups: the shop with its district and
 * account manager, the unread count (partial index on unread rows), the newest live promotions for me
 * and how many there are (state/window index, a handful of live rows), the calendar days around today
 * (primary key range), the schedule settings, and the cycles that can be "current".
 */
export function homeShopSql(args: {
  retailerId: number;
  now: Date;
  calendarFrom: string;
  calendarTo: string;
  cyclesFrom: string;
  cyclesTo: string;
}): Prisma.Sql {
  const { retailerId, now } = args;
  return Prisma.sql`
    SELECT r.id, r."licenceNo", r."shopName", r."ownerName", r."classificationCode", r.market, r."businessForm", r.grade, r."integrityLevel", r."orderWeekday", r."pointsBalance",
      d.name AS "districtName", d."nameEn" AS "districtNameEn", am.name AS "managerName", am.phone AS "managerPhone",
      (SELECT count(*)::int FROM "Notification" n WHERE n."retailerId" = r.id AND n."readAt" IS NULL) AS unread,
      (SELECT coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'startsAt', to_char(x."startsAt", ${ISO_UTC}), 'endsAt', to_char(x."endsAt", ${ISO_UTC}), 'opened', x.opened, 'total', x.total)), '[]'::json)
        FROM (
          SELECT pr.id, pr.title, pr."startsAt", pr."endsAt", (pd."openedAt" IS NOT NULL) AS opened, count(*) OVER () AS total
          FROM "Promotion" pr
          LEFT JOIN "PromotionDelivery" pd ON pd."promotionId" = pr.id AND pd."retailerId" = r.id
          WHERE ${promotionIsLiveSql('pr', now)} AND ${promotionTargetsRetailerSql('pr', 'r')}
          ORDER BY pr."startsAt" DESC, pr.id DESC
          LIMIT ${HOME_PROMOTIONS_SHOWN}
        ) x) AS promotions,
      (SELECT coalesce(json_agg(json_build_object('date', c.date, 'kind', c.kind, 'name', c.name) ORDER BY c.date), '[]'::json)
        FROM "CalendarDay" c WHERE c.date BETWEEN ${args.calendarFrom}::date AND ${args.calendarTo}::date) AS calendar,
      (SELECT coalesce(json_object_agg(s.key, s.value), '{}'::json) FROM "Setting" s WHERE s.key IN (${Prisma.join([...HOME_SETTING_KEYS])})) AS settings,
      (SELECT coalesce(json_agg(json_build_object('id', oc.id, 'code', oc.code, 'weekStart', oc."weekStart")), '[]'::json)
        FROM "OrderCycle" oc WHERE oc."weekStart" BETWEEN ${args.cyclesFrom}::date AND ${args.cyclesTo}::date) AS cycles
    FROM "Retailer" r
    JOIN "District" d ON d.id = r."districtId"
    LEFT JOIN "StaffUser" am ON am.id = r."accountManagerId"
    WHERE r.id = ${retailerId}`;
}

/**
 * The allowance summary of one cycle: the policy in force (allocation.service.ts `policyInForceSql`, carried
 * forward when none was published in time), how many products it limits for my
 * grade, what they allow in all (with my adjustments), what I ordered of them and what remains.
 */
export function homeAllowanceSql(args: {
  retailerId: number;
  cycleId: number;
  weekStart: string;
  carryForward: boolean;
  grade: number;
  now: Date;
}): Prisma.Sql {
  const { retailerId, cycleId, grade } = args;
  return Prisma.sql`
    WITH pol AS (${policyInForceSql(args)}), lim AS MATERIALIZED (
      SELECT l."productId", greatest(0, l."limitQuantity" + coalesce(
        (SELECT sum(a.delta)::int FROM "AllocationAdjustment" a WHERE a."retailerId" = ${retailerId} AND a."cycleId" = ${cycleId} AND a."productId" = l."productId"), 0)) AS lim
      FROM "AllocationLimit" l JOIN pol ON l."policyId" = pol.id
      WHERE ${grade} BETWEEN l."gradeFrom" AND l."gradeTo"
    ), ord AS (
      SELECT ol."productId", sum(ol.quantity)::int AS qty
      FROM "Order" o JOIN "OrderLine" ol ON ol."orderId" = o.id
      WHERE o."retailerId" = ${retailerId} AND o."cycleId" = ${cycleId} AND o.status = 'CONFIRMED'
      GROUP BY ol."productId"
    )
    SELECT (SELECT version FROM pol) AS version, (SELECT "publishedAt" FROM pol) AS "publishedAt",
      coalesce((SELECT "carriedForward" FROM pol), false) AS "carriedForward", (SELECT "carriedFromCycle" FROM pol) AS "carriedFromCycle",
      count(lim."productId")::int AS products,
      coalesce(sum(lim.lim), 0)::int AS "limitTotal",
      coalesce(sum(least(coalesce(ord.qty, 0), lim.lim)), 0)::int AS "orderedTotal",
      coalesce(sum(greatest(0, lim.lim - coalesce(ord.qty, 0))), 0)::int AS "remainingTotal",
      (count(*) FILTER (WHERE lim.lim - coalesce(ord.qty, 0) <= 0))::int AS "usedUp"
    FROM lim LEFT JOIN ord ON ord."productId" = lim."productId"`;
}
