import type { Db, DbTx } from '@tobacco/db/client';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getSettings } from '../admin/settings.service';
import { DomainError, notFound } from '../errors';
import { addDays, chinaDate } from '../schedule/calendar.rules';
import {
  ANOMALY_SETTING_KEYS,
  monthClosedBy,
  previousMonth,
  toAnomalySettings,
  type AlertRuleName,
  type AnomalySettings,
} from './alerts.rules';

// The anomaly run of one closed order cycle: the rules of alerts.rules.ts as two set-based statements over
// the order lines (the cycle rules over the last few weeks, the month rules over two months), inserting
// straight into "Alert". The unique index on (retailer, rule, cycle) makes a second run of the same cycle
// (the job retried, a manager's re-run) raise nothing twice. New alerts of the rules the settings mark
// "ask the retailer" put a question in that shop's inbox, in the same transaction.

export const ALERT_RUN_QUEUE = 'alerts.runCycle';

type Raised = { id: number; retailerId: number; rule: AlertRuleName };

const ts = (d: Date) => d.toISOString();

/** The cycle rules (order spike, price spike, stopped ordering) for the cycle starting `weekStart`. */
function insertCycleAlerts(db: DbTx, cycle: { id: number; weekStart: string }, s: AnomalySettings, holiday: boolean, now: Date) {
  const baseStart = addDays(cycle.weekStart, -7 * s.baselineCycles);
  const lastOrderWeek = addDays(cycle.weekStart, -7 * s.stoppedCycles);
  const from = baseStart < lastOrderWeek ? baseStart : lastOrderWeek;
  // One pass: the order lines of the window grouped per shop and week, then per shop (conditional sums for
  // this cycle and the baseline, and the last week with an order). No CTE is joined to itself, so the
  // planner's row estimates of grouped CTEs cannot lead it into a nested loop over them.
  return db.$queryRaw<Raised[]>`
    WITH weeks AS (
      SELECT o."retailerId" AS rid, c."weekStart" AS ws, sum(l.quantity)::numeric AS q, sum(l."amountFen")::numeric AS amt
      FROM "OrderCycle" c
      JOIN "Order" o ON o."cycleId" = c.id AND o.status = 'CONFIRMED'
      JOIN "OrderLine" l ON l."orderId" = o.id
      WHERE c."weekStart" BETWEEN ${from}::date AND ${cycle.weekStart}::date
      GROUP BY 1, 2
      HAVING sum(l.quantity) > 0),
    shops AS (
      SELECT rid,
             sum(q) FILTER (WHERE ws = ${cycle.weekStart}::date) AS q,
             sum(amt) FILTER (WHERE ws = ${cycle.weekStart}::date) AS amt,
             count(*) FILTER (WHERE ws >= ${baseStart}::date AND ws < ${cycle.weekStart}::date) AS n,
             sum(q) FILTER (WHERE ws >= ${baseStart}::date AND ws < ${cycle.weekStart}::date) AS bq,
             sum(amt) FILTER (WHERE ws >= ${baseStart}::date AND ws < ${cycle.weekStart}::date) AS bamt,
             max(ws) AS last_ws
      FROM weeks GROUP BY rid),
    judged AS (
      SELECT s.*, r.status, r."openedOn" FROM shops s JOIN "Retailer" r ON r.id = s.rid),
    spiking AS (
      SELECT * FROM judged WHERE q >= ${s.minOrderQuantity} AND n > 0 AND "openedOn" <= ${baseStart}::date),
    fired AS (
      SELECT rid, 'ORDER_SPIKE' AS rule,
             jsonb_build_object('quantity', q, 'baselineMean', round(bq / n, 2), 'baselineCycles', n, 'ratio', round(q * n / bq, 2),
                                'threshold', ${s.orderSpikeRatio}::numeric, 'holiday', ${holiday}::boolean) AS details
      FROM spiking WHERE q * n > ${s.orderSpikeRatio}::numeric * bq
      UNION ALL
      SELECT rid, 'PRICE_SPIKE',
             jsonb_build_object('meanPriceFen', round(amt / q), 'baselinePriceFen', round(bamt / bq), 'baselineCycles', n,
                                'ratio', round((amt / q) / (bamt / bq), 2), 'threshold', ${s.priceSpikeRatio}::numeric, 'holiday', ${holiday}::boolean)
      FROM spiking WHERE amt * bq > ${s.priceSpikeRatio}::numeric * bamt * q
      UNION ALL
      -- The last week with an order is exactly the one before the N empty cycles.
      SELECT rid, 'STOPPED_ORDERING', jsonb_build_object('cycles', ${s.stoppedCycles}::int, 'lastOrderCycle', to_char(last_ws, 'YYYY-MM-DD'))
      FROM judged WHERE last_ws = ${lastOrderWeek}::date AND status = 'ACTIVE' AND "openedOn" <= ${lastOrderWeek}::date)
    INSERT INTO "Alert" ("retailerId", rule, "cycleId", details, "createdAt")
    SELECT rid, rule::"AlertRule", ${cycle.id}, details, ${ts(now)}::timestamptz AT TIME ZONE 'UTC' FROM fired
    ON CONFLICT ("retailerId", rule, "cycleId") DO NOTHING
    RETURNING id, "retailerId", rule::text AS rule`;
}

/** The month rules (month spike, 大户) for `month` (yyyy-mm), raised on the cycle that closed it. */
function insertMonthAlerts(db: DbTx, cycleId: number, month: string, s: AnomalySettings, now: Date) {
  const before = previousMonth(month);
  const nextMonthStart = addDays(`${month}-28`, 7).slice(0, 7) + '-01';
  return db.$queryRaw<Raised[]>`
    WITH judged AS (
      SELECT o."retailerId" AS rid,
             coalesce(sum(l.quantity) FILTER (WHERE o."orderDate" >= ${`${month}-01`}::date), 0)::numeric AS q,
             coalesce(sum(l.quantity) FILTER (WHERE o."orderDate" < ${`${month}-01`}::date), 0)::numeric AS pq
      FROM "Order" o JOIN "OrderLine" l ON l."orderId" = o.id
      WHERE o.status = 'CONFIRMED' AND o."orderDate" >= ${`${before}-01`}::date AND o."orderDate" < ${nextMonthStart}::date
      GROUP BY 1),
    fired AS (
      SELECT j.rid, 'MONTH_SPIKE' AS rule,
             jsonb_build_object('month', ${month}::text, 'quantity', j.q, 'previousMonth', ${before}::text, 'previousQuantity', j.pq,
                                'ratio', round(j.q / j.pq, 2), 'threshold', ${s.monthSpikeRatio}::numeric) AS details
      FROM judged j JOIN "Retailer" r ON r.id = j.rid
      WHERE j.q >= ${s.minOrderQuantity} AND j.pq > 0 AND r."openedOn" <= ${`${before}-01`}::date AND j.q > ${s.monthSpikeRatio}::numeric * j.pq
      UNION ALL
      SELECT rid, 'LARGE_RETAILER',
             jsonb_build_object('month', ${month}::text, 'quantity', q, 'previousMonth', ${before}::text, 'previousQuantity', pq, 'threshold', ${s.largeRetailerMonthly}::int)
      FROM judged WHERE q >= ${s.largeRetailerMonthly} AND pq < ${s.largeRetailerMonthly})
    INSERT INTO "Alert" ("retailerId", rule, "cycleId", details, "createdAt")
    SELECT rid, rule::"AlertRule", ${cycleId}, details, ${ts(now)}::timestamptz AT TIME ZONE 'UTC' FROM fired
    ON CONFLICT ("retailerId", rule, "cycleId") DO NOTHING
    RETURNING id, "retailerId", rule::text AS rule`;
}

/** The question put to a retailer: it asks, it does not accuse (one function, so the wording lives in one place). */
export function alertQuestionNotice(rule: AlertRuleName): { title: MessageKey; body: MessageKey } {
  return rule === 'STOPPED_ORDERING'
    ? { title: 'alerts.ask.stoppedTitle', body: 'alerts.ask.stoppedBody' }
    : { title: 'alerts.ask.changeTitle', body: 'alerts.ask.changeBody' };
}

/** Asks the shops of these new alerts (only the rules the setting names) in one statement; returns how many. */
async function askRetailers(db: DbTx, alertIds: number[], rules: readonly AlertRuleName[], now: Date): Promise<number> {
  if (alertIds.length === 0 || rules.length === 0) return 0;
  return db.$executeRaw`
    WITH asked AS (
      UPDATE "Alert" SET "askedAt" = ${ts(now)}::timestamptz AT TIME ZONE 'UTC'
      WHERE id = ANY(${alertIds}::int[]) AND rule::text = ANY(${[...rules]}::text[])
      RETURNING id, "retailerId", rule)
    INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link, "createdAt")
    SELECT "retailerId", 'SYSTEM',
           CASE WHEN rule = 'STOPPED_ORDERING' THEN 'alerts.ask.stopped' ELSE 'alerts.ask.change' END, '{}'::jsonb,
           '/alerts/' || id, ${ts(now)}::timestamptz AT TIME ZONE 'UTC'
    FROM asked`;
}

export type CycleRunResult = {
  cycleId: number;
  cycleCode: string;
  month: string | null;
  raised: Partial<Record<AlertRuleName, number>>;
  asked: number;
};

/**
 * Runs every rule for one closed cycle. Refuses a cycle that has not closed yet (its orders are still
 * coming in). Safe to repeat: alerts already raised stay as they are, with their triage.
 */
export async function runCycleAnomalies(db: Db, input: { cycleId: number }, now: Date): Promise<CycleRunResult> {
  const cycle = await db.orderCycle.findUnique({
    where: { id: input.cycleId },
    select: { id: true, code: true, weekStart: true, weekEnd: true },
  });
  if (!cycle) throw notFound();
  const weekStart = cycle.weekStart.toISOString().slice(0, 10);
  const weekEnd = cycle.weekEnd.toISOString().slice(0, 10);
  if (weekEnd >= chinaDate(now)) throw new DomainError('INVALID_STATE', 'alerts.error.cycleOpen', { cycle: cycle.code });
  const values = await getSettings(db, [...ANOMALY_SETTING_KEYS, 'anomalies.askRetailerRules']);
  const settings = toAnomalySettings(values);
  const month = monthClosedBy(weekStart);
  return db.$transaction(
    async (tx) => {
      const holiday = (await tx.calendarDay.count({ where: { kind: 'HOLIDAY', date: { gte: cycle.weekStart, lte: cycle.weekEnd } } })) > 0;
      const raised = [
        ...(await insertCycleAlerts(tx, { id: cycle.id, weekStart }, settings, holiday, now)),
        ...(month ? await insertMonthAlerts(tx, cycle.id, month, settings, now) : []),
      ];
      const asked = await askRetailers(
        tx,
        raised.map((a) => a.id),
        values['anomalies.askRetailerRules'],
        now,
      );
      const counts: Partial<Record<AlertRuleName, number>> = {};
      for (const alert of raised) counts[alert.rule] = (counts[alert.rule] ?? 0) + 1;
      return { cycleId: cycle.id, cycleCode: cycle.code, month, raised: counts, asked };
    },
    { timeout: 600_000 },
  );
}

/** The most recent cycle that has closed by `now` (its Sunday is over in China), or null. */
export async function lastClosedCycle(db: DbTx, now: Date): Promise<{ id: number; code: string } | null> {
  return db.orderCycle.findFirst({
    where: { weekEnd: { lt: new Date(`${chinaDate(now)}T00:00:00Z`) } },
    orderBy: { weekStart: 'desc' },
    select: { id: true, code: true },
  });
}
