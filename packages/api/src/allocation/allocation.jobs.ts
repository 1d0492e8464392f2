import type { Db } from '@tobacco/db/client';
import { writeAudit } from '../admin/audit.service';
import { ALLOCATION_PUBLISH_QUEUE } from './allocation.staff.service';

// The scheduled publishing of an approved allocation policy version: it becomes the version in force for
// its cycle (the portal reads the highest PUBLISHED version) and the version it replaces is kept as
// SUPERSEDED for the history, in one transaction with its audit row. Running it twice does nothing more.

export { ALLOCATION_PUBLISH_QUEUE };

export async function publishPolicy(
  db: Db,
  payload: { policyId: number },
  now: Date,
): Promise<{ published: boolean; superseded: number[] }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number; cycleId: number; version: number; state: string }[]>`
      SELECT id, "cycleId", version, state::text AS state FROM "AllocationPolicy" WHERE id = ${payload.policyId} FOR UPDATE`;
    const policy = rows[0];
    if (!policy || policy.state !== 'APPROVED') return { published: false, superseded: [] };
    const previous = await tx.allocationPolicy.findMany({
      where: { cycleId: policy.cycleId, state: 'PUBLISHED', id: { not: policy.id } },
      select: { id: true, version: true },
    });
    if (previous.length > 0) {
      await tx.allocationPolicy.updateMany({ where: { id: { in: previous.map((p) => p.id) } }, data: { state: 'SUPERSEDED' } });
    }
    await tx.allocationPolicy.update({ where: { id: policy.id }, data: { state: 'PUBLISHED', publishedAt: now } });
    await writeAudit(tx, {
      actor: null,
      action: 'allocationPolicy.publish',
      entityType: 'AllocationPolicy',
      entityId: policy.id,
      before: { state: 'APPROVED' },
      after: { state: 'PUBLISHED', version: policy.version, superseded: previous.map((p) => ({ id: p.id, version: p.version })) },
    });
    return { published: true, superseded: previous.map((p) => p.id) };
  });
}
