import type { Db } from '@tobacco/db/client';
import { writeAudit } from '../admin/audit.service';
import { notifyStaff, type NotificationInput } from '../notifications/notifications.service';
import { addDays } from '../schedule/calendar.rules';
import { currentCycleStart, scheduledPublishAt } from '../schedule/schedule.rules';
import { loadScheduleSettings } from '../schedule/schedule.service';
import { policyInForceSql, type PublishedPolicy } from './allocation.service';
import { isoWeekCode } from './allocation.versions.rules';

// Carry-forward (沿用上期): when the current cycle's publish time has come and no version of its policy
// is published, the last published policy is published again for it, as a new version that points to
// the one it copies, and marketing and the managers are told. The portal already reads the earlier
// policy as carried forward before this job runs (policyInForceSql), so retailers never see an empty
// limit; the job makes it a real version that staff can see, compare and supersede.

export const ALLOCATION_CARRY_FORWARD_QUEUE = 'allocation.carryForward';

const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** The inbox entry for staff: one function, so the notice's wording lives in one place. */
export function carryForwardNotice(args: { cycle: string; from: string; version: number; policyId: number }): NotificationInput {
  return {
    kind: 'SYSTEM',
    messageKey: 'allocation.carried.notice',
    params: { cycle: args.cycle, from: args.from, version: args.version },
    link: `/allocation/policies/${args.policyId}`,
  };
}

export type CarryForwardResult =
  { carried: false; reason: 'published' | 'due' | 'nothing' } | { carried: true; policyId: number; cycle: string; from: string };

export async function carryForwardPolicy(db: Db, now: Date): Promise<CarryForwardResult> {
  const settings = await loadScheduleSettings(db);
  const weekStart = currentCycleStart(now, settings);
  const code = isoWeekCode(weekStart);
  return db.$transaction(async (tx) => {
    const cycle = await tx.orderCycle.upsert({
      where: { weekStart: day(weekStart) },
      create: { code, weekStart: day(weekStart), weekEnd: day(addDays(weekStart, 6)) },
      update: {},
    });
    // Two workers (or a manager publishing at this moment) meet on the cycle's row.
    await tx.$queryRaw`SELECT id FROM "OrderCycle" WHERE id = ${cycle.id} FOR UPDATE`;
    const own = await tx.allocationPolicy.findFirst({ where: { cycleId: cycle.id, state: 'PUBLISHED' }, select: { id: true } });
    if (own) return { carried: false, reason: 'published' };
    // An approved version whose time has come is being published by its own job: let it.
    const due = await tx.allocationPolicy.findFirst({
      where: { cycleId: cycle.id, state: 'APPROVED', publishAt: { lte: now } },
      select: { id: true },
    });
    if (due) return { carried: false, reason: 'due' };
    const [source] = await tx.$queryRaw<PublishedPolicy[]>(policyInForceSql({ cycleId: cycle.id, weekStart, carryForward: true, now }));
    if (!source) return { carried: false, reason: 'nothing' };
    const author = await tx.allocationPolicy.findUniqueOrThrow({ where: { id: source.id }, select: { createdById: true, note: true } });
    const last = await tx.allocationPolicy.aggregate({ where: { cycleId: cycle.id }, _max: { version: true } });
    const from = source.carriedFromCycle ?? cycle.code;
    const created = await tx.allocationPolicy.create({
      data: {
        cycleId: cycle.id,
        version: (last._max.version ?? 0) + 1,
        state: 'PUBLISHED',
        note: author.note,
        // The limits are the earlier author's; the audit row says the system carried them forward.
        createdById: author.createdById,
        publishAt: scheduledPublishAt(weekStart, settings.policyPublishWeekday, settings.policyPublishTime),
        publishedAt: now,
        carriedFromId: source.id,
      },
    });
    await tx.$executeRaw`
      INSERT INTO "AllocationLimit" ("policyId", "productId", "gradeFrom", "gradeTo", "limitQuantity")
      SELECT ${created.id}, "productId", "gradeFrom", "gradeTo", "limitQuantity" FROM "AllocationLimit" WHERE "policyId" = ${source.id}`;
    await writeAudit(tx, {
      actor: null,
      action: 'allocationPolicy.carryForward',
      entityType: 'AllocationPolicy',
      entityId: created.id,
      after: { cycle: cycle.code, version: created.version, carriedFromId: source.id, carriedFromCycle: from },
    });
    const staff = await tx.staffUser.findMany({
      where: { active: true, roles: { some: { role: { in: ['MARKETING', 'MANAGER'] } } } },
      select: { id: true },
    });
    const notice = carryForwardNotice({ cycle: cycle.code, from, version: source.version, policyId: created.id });
    for (const person of staff) await notifyStaff(tx, person.id, notice);
    return { carried: true, policyId: created.id, cycle: cycle.code, from };
  });
}
