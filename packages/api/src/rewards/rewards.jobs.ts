import { Prisma, type Db } from '@tobacco/db/client';
import { writeAudit } from '../admin/audit.service';
import { rulesInForce, type RewardRuleKind } from './rewards.run.rules';
import { grantsSql, periodVolume, REWARD_RUN_QUEUE } from './rewards.staff.service';

// The period run (domain.md §7): grants each active retailer the points of the rules in force, in batches
// of retailers, each batch one transaction that locks its retailers, appends the ledger entries and moves
// the balances set-based (one INSERT … SELECT and one UPDATE, not a query per entry), and records the
// progress. The unique (runId, retailerId, ruleId) makes a retried batch grant nothing twice, so a job
// that fails half-way simply runs again from the start.

export { REWARD_RUN_QUEUE };
export const REWARD_RUN_BATCH = 500;

export async function runRewardPeriod(db: Db, payload: { runId: number }, now: Date, batchSize = REWARD_RUN_BATCH): Promise<void> {
  const run = await db.rewardRun.findUnique({ where: { id: payload.runId } });
  if (!run || run.state === 'COMMITTED') return;
  try {
    const rules = rulesInForce(
      (await db.rewardRule.findMany()).map((r) => ({ ...r, kind: r.kind as RewardRuleKind })),
      run.periodCode,
    );
    const totalVolume = await periodVolume(db, run.periodCode);
    const total = await db.retailer.count({ where: { status: 'ACTIVE' } });
    await db.rewardRun.update({ where: { id: run.id }, data: { state: 'RUNNING', total, processed: 0 } });
    let lastId = 0;
    let processed = 0;
    for (;;) {
      const batch = await db.retailer.findMany({
        where: { status: 'ACTIVE', id: { gt: lastId } },
        orderBy: { id: 'asc' },
        take: batchSize,
        select: { id: true },
      });
      if (batch.length === 0) break;
      const ids = batch.map((r) => r.id);
      lastId = ids.at(-1)!;
      processed += ids.length;
      await db.$transaction(async (tx) => {
        // Redemptions and refunds of these shops wait until the batch commits, so balanceAfter is exact.
        await tx.$queryRaw`SELECT id FROM "Retailer" WHERE id = ANY (${ids}::int[]) ORDER BY id FOR UPDATE`;
        await tx.$executeRaw`${grantsSql(rules, run.periodCode, { retailerIds: ids, totalVolume })},
          ins AS (
            INSERT INTO "PointsEntry" ("retailerId", points, "balanceAfter", reason, "ruleId", "runId", note, "createdAt")
            SELECT g."retailerId", g.points,
              r."pointsBalance" + sum(g.points) OVER (PARTITION BY g."retailerId" ORDER BY g."ruleId"),
              'RULE'::"PointsReason", g."ruleId", ${run.id}, ${run.periodCode}, ${now}
            FROM g JOIN "Retailer" r ON r.id = g."retailerId"
            ON CONFLICT ("runId", "retailerId", "ruleId") DO NOTHING
            RETURNING "retailerId", points)
          UPDATE "Retailer" r SET "pointsBalance" = r."pointsBalance" + t.points, "updatedAt" = ${now}
          FROM (SELECT "retailerId", sum(points)::int AS points FROM ins GROUP BY "retailerId") t
          WHERE r.id = t."retailerId"`;
        await tx.rewardRun.update({ where: { id: run.id }, data: { processed: Math.min(processed, total) } });
      });
    }
    await db.$transaction(async (tx) => {
      const sums = await tx.$queryRaw<{ retailers: number; points: number }[]>(Prisma.sql`
        SELECT count(DISTINCT "retailerId")::int AS retailers, coalesce(sum(points), 0)::int AS points FROM "PointsEntry" WHERE "runId" = ${run.id}`);
      await tx.rewardRun.update({ where: { id: run.id }, data: { state: 'COMMITTED', processed: total, finishedAt: now } });
      await writeAudit(tx, {
        actor: null,
        action: 'rewardRun.commit',
        entityType: 'RewardRun',
        entityId: run.id,
        before: { state: 'RUNNING' },
        after: { state: 'COMMITTED', periodCode: run.periodCode, ...sums[0] },
      });
    });
  } catch (error) {
    await db.rewardRun.update({ where: { id: run.id }, data: { state: 'FAILED' } });
    throw error;
  }
}
