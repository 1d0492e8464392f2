import type { Db } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { writeAudit } from '../admin/audit';
import { getSettings } from '../admin/settings.service';
import { notifyRetailer } from '../notifications/notifications.service';
import { chinaDate } from '../schedule/calendar.rules';
import { capGradeForIntegrity } from './grading.rules';
import type { TDecideAppealInput, TListAppealsInput } from './grading.schema';

// Grade appeals (档位复核) decided by a manager: the queue with its working-time deadlines (set when the
// retailer lodged it, grading.service.ts), the retailer's score beside its peers in the same grade, the
// decision with its reason and audit row, and the daily reminder of overdue ones.

export const APPEAL_REMIND_QUEUE = 'grading.appealRemind';
const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));

/** The queue: open appeals by deadline (overdue first), or decided ones latest first. */
export async function listAppeals({ db, clock }: StaffDeps, input: TListAppealsInput) {
  const now = clock();
  const where =
    input.state === 'SUBMITTED'
      ? { state: 'SUBMITTED' as const, ...(input.overdueOnly ? { dueAt: { lt: now } } : {}) }
      : { state: { in: ['APPROVED' as const, 'REJECTED' as const] } };
  const [total, items] = await Promise.all([
    db.gradeAppeal.count({ where }),
    db.gradeAppeal.findMany({
      where,
      orderBy: input.state === 'SUBMITTED' ? [{ dueAt: 'asc' }, { id: 'asc' }] : [{ decidedAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        state: true,
        currentGrade: true,
        decidedGrade: true,
        reason: true,
        dueAt: true,
        createdAt: true,
        decidedAt: true,
        period: { select: { code: true } },
        retailer: { select: { id: true, licenceNo: true, shopName: true, district: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    items: items.map((a) => ({ ...a, overdue: a.state === 'SUBMITTED' && a.dueAt < now })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

/** One appeal with the retailer's components and the average of its peers in the same grade of that period. */
export async function getAppeal({ db, clock }: StaffDeps, input: { appealId: number }) {
  const appeal = await db.gradeAppeal.findUnique({
    where: { id: input.appealId },
    include: {
      period: { select: { id: true, code: true, ordersFrom: true, ordersTo: true, scoreWeights: true } },
      retailer: {
        select: {
          id: true,
          licenceNo: true,
          shopName: true,
          grade: true,
          integrityLevel: true,
          businessForm: true,
          market: true,
          district: { select: { name: true } },
        },
      },
      decidedBy: { select: { name: true } },
    },
  });
  if (!appeal) throw notFound();
  const own = await db.retailerGrade.findUnique({
    where: { retailerId_periodId: { retailerId: appeal.retailerId, periodId: appeal.periodId } },
  });
  const grade = own?.grade ?? appeal.currentGrade;
  const [peers] = await db.$queryRaw<
    {
      count: number;
      score: number | null;
      volume: number | null;
      amount: number | null;
      variety: number | null;
      classShare: number | null;
      minScore: number | null;
      maxScore: number | null;
    }[]
  >`
    SELECT count(*)::int AS count, avg(score)::float8 AS score, avg("volumeScore")::float8 AS volume, avg("amountScore")::float8 AS amount,
      avg("varietyScore")::float8 AS variety, avg("classShareScore")::float8 AS "classShare", min(score)::float8 AS "minScore", max(score)::float8 AS "maxScore"
    FROM "RetailerGrade" WHERE "periodId" = ${appeal.periodId} AND grade = ${grade} AND "retailerId" <> ${appeal.retailerId} AND NOT initial`;
  const cap = (await getSettings(db, ['grading.integrityCapGrade']))['grading.integrityCapGrade'];
  return {
    ...appeal,
    overdue: appeal.state === 'SUBMITTED' && appeal.dueAt < clock(),
    integrityCap: capGradeForIntegrity(30, appeal.retailer.integrityLevel, cap).capped ? cap : null,
    own: own
      ? {
          grade: own.grade,
          score: num(own.score),
          rank: own.rank,
          initial: own.initial,
          capped: own.capped,
          components: {
            volume: num(own.volumeScore),
            amount: num(own.amountScore),
            variety: num(own.varietyScore),
            classShare: num(own.classShareScore),
          },
          totals: { volumeTiao: own.volumeTiao, amountFen: Number(own.amountFen), distinctProducts: own.distinctProducts },
        }
      : null,
    peers: peers && peers.count > 0 ? { ...peers, grade } : null,
  };
}

/** Title and body of the answer in the retailer's inbox (one place, for the message-key change). */
function decisionNotice(upheld: boolean, grade: number, reason: string) {
  return {
    messageKey: upheld ? ('grading.appeals.notify.upheld' as const) : ('grading.appeals.notify.changed' as const),
    params: { grade, reason },
  };
}

/**
 * Decides an open appeal: uphold the grade with a reason, or change it with a reason. A change rewrites
 * the retailer's grade of that period (marked with the appeal) and, when that period is the one in force,
 * the grade in force; it cannot lift a grade above the integrity cap. Audit row and inbox answer in the
 * same transaction.
 */
export async function decideAppeal({ db, actor, clock }: StaffDeps, input: TDecideAppealInput) {
  const now = clock();
  const today = new Date(`${chinaDate(now)}T00:00:00Z`);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "GradeAppeal" WHERE id = ${input.appealId} FOR UPDATE`;
    if (!locked) throw notFound();
    const appeal = await tx.gradeAppeal.findUniqueOrThrow({
      where: { id: input.appealId },
      include: { retailer: { select: { integrityLevel: true } }, period: { select: { effectiveFrom: true, effectiveTo: true } } },
    });
    if (appeal.state !== 'SUBMITTED') throw new DomainError('INVALID_STATE', 'grading.appeals.errors.decided');
    const upheld = input.decision === 'UPHOLD';
    let grade = appeal.currentGrade;
    if (!upheld) {
      if (input.grade === undefined || input.grade === appeal.currentGrade)
        throw new DomainError('VALIDATION', 'grading.appeals.errors.newGrade');
      const cap = (await getSettings(tx, ['grading.integrityCapGrade']))['grading.integrityCapGrade'];
      if (capGradeForIntegrity(input.grade, appeal.retailer.integrityLevel, cap).capped)
        throw new DomainError('VALIDATION', 'grading.appeals.errors.aboveCap', { cap });
      grade = input.grade;
      await tx.retailerGrade.updateMany({
        where: { retailerId: appeal.retailerId, periodId: appeal.periodId },
        data: { grade, appealId: appeal.id },
      });
      if (appeal.period.effectiveFrom <= today && appeal.period.effectiveTo >= today) {
        await tx.retailer.update({ where: { id: appeal.retailerId }, data: { grade } });
      }
    }
    const reason = input.reason.trim();
    await tx.gradeAppeal.update({
      where: { id: appeal.id },
      data: {
        state: upheld ? 'REJECTED' : 'APPROVED',
        decidedById: actor.userId,
        decidedAt: now,
        decidedGrade: grade,
        decisionNote: reason,
      },
    });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: upheld ? 'grading.appeal.uphold' : 'grading.appeal.change',
      entityType: 'GradeAppeal',
      entityId: appeal.id,
      before: { state: 'SUBMITTED', grade: appeal.currentGrade },
      after: { state: upheld ? 'REJECTED' : 'APPROVED', grade, reason },
    });
    await notifyRetailer(tx, appeal.retailerId, { kind: 'APPEAL_DECIDED', ...decisionNotice(upheld, grade, reason), link: '/grade' });
    return { appealId: appeal.id, state: upheld ? ('REJECTED' as const) : ('APPROVED' as const), grade };
  });
}

/**
 * The daily reminder (催办) of overdue appeals: one inbox entry per manager naming how many are overdue,
 * in one INSERT … SELECT. The schedule enqueues it once a day.
 */
export async function remindOverdueAppeals(db: Db, now: Date): Promise<number> {
  const overdue = await db.gradeAppeal.count({ where: { state: 'SUBMITTED', dueAt: { lt: now } } });
  if (overdue === 0) return 0;
  const params = JSON.stringify({ count: overdue });
  return db.$executeRaw`
    INSERT INTO "Notification" ("staffUserId", kind, "messageKey", params, link, "createdAt")
    SELECT u.id, 'SLA_REMINDER'::"NotificationKind", 'grading.appeals.notify.overdue', ${params}::jsonb, '/grading/appeals?overdue=1', ${now}
    FROM "StaffUser" u
    WHERE u.active AND EXISTS (SELECT 1 FROM "StaffRoleGrant" g WHERE g."userId" = u.id AND g.role = 'MANAGER')`;
}
