import type { RetailerDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { getSettings } from '../admin/settings.service';
import { addWorkingTime, workingDaysToMs } from '../complaints/complaints.sla.rules';
import { isUniqueViolation, writeRetailerAudit } from '../retailers/retailers.audit';
import { addDays, chinaDate } from '../schedule/calendar.rules';
import { isCappedLevel } from './grading.rules';
import { loadWorkCalendar } from '../schedule/schedule.service';
import { SETTINGS } from '../admin/settings.registry';
import type { TLodgeAppealInput } from './grading.schema';

// "My grade and why" (domain.md §2) and grade appeals (档位复核) for the signed-in retailer.

const HISTORY_PERIODS = 12;
const APPEALS_SHOWN = 20;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const num = (d: { toString(): string }) => Number(d.toString());

/**
 * The period my grade in force comes from: the latest published period that has started and graded me
 * (a shop opened after a period was graded has no row in it).
 */
async function periodInForce(db: RetailerDeps['db'], retailerId: number, today: string) {
  const row = await db.retailerGrade.findFirst({
    where: { retailerId, period: { status: 'PUBLISHED', effectiveFrom: { lte: new Date(`${today}T00:00:00Z`) } } },
    orderBy: { period: { effectiveFrom: 'desc' } },
    select: {
      period: {
        select: {
          id: true,
          code: true,
          ordersFrom: true,
          ordersTo: true,
          effectiveFrom: true,
          effectiveTo: true,
          publishedAt: true,
          scoreWeights: true,
        },
      },
    },
  });
  return row?.period ?? null;
}

export async function getMyGrade({ db, actor, clock }: RetailerDeps) {
  const today = chinaDate(clock());
  const [retailer, period, history, appeals, settings] = await Promise.all([
    db.retailer.findUnique({ where: { id: actor.retailerId }, select: { grade: true, integrityLevel: true } }),
    periodInForce(db, actor.retailerId, today),
    db.retailerGrade.findMany({
      where: { retailerId: actor.retailerId, period: { status: 'PUBLISHED' } },
      orderBy: { period: { effectiveFrom: 'desc' } },
      take: HISTORY_PERIODS,
      select: { grade: true, score: true, period: { select: { code: true, effectiveFrom: true } } },
    }),
    db.gradeAppeal.findMany({
      where: { retailerId: actor.retailerId },
      orderBy: { createdAt: 'desc' },
      take: APPEALS_SHOWN,
      select: {
        id: true,
        currentGrade: true,
        reason: true,
        state: true,
        dueAt: true,
        decidedGrade: true,
        decisionNote: true,
        decidedAt: true,
        createdAt: true,
        period: { select: { code: true } },
      },
    }),
    getSettings(db, ['grading.appealWorkingDays', 'grading.integrityCapGrade']),
  ]);
  if (!retailer) throw notFound();
  const appealWorkingDays = settings['grading.appealWorkingDays'];
  const mine = period
    ? await db.retailerGrade.findUnique({ where: { retailerId_periodId: { retailerId: actor.retailerId, periodId: period.id } } })
    : null;
  const boundaries =
    period && mine
      ? await db.gradeBoundary.findMany({
          where: { periodId: period.id, grade: { in: [mine.grade, mine.grade + 1] } },
          orderBy: { grade: 'asc' },
        })
      : [];
  const own = boundaries.find((b) => b.grade === mine?.grade);
  const next = boundaries.find((b) => b.grade === (mine?.grade ?? 0) + 1);
  const score = mine ? num(mine.score) : null;
  // The weights stored with the period, not today's setting: they are what made this grade.
  const weights = period ? SETTINGS['grading.scoreWeights'].schema.parse(period.scoreWeights) : null;
  const nextRegradeOn = period ? addDays(iso(period.effectiveTo), 1) : null;
  // Capped by the integrity level: by the run (capped) or at once after it (grade in force below the period's).
  const capped =
    mine !== null && isCappedLevel(retailer.integrityLevel) && (mine.capped || (retailer.grade !== null && retailer.grade < mine.grade));
  return {
    grade: retailer.grade,
    integrityLevel: retailer.integrityLevel,
    /** The integrity cap in force: it lifts at the next regrade once the level has improved. */
    cap: capped
      ? {
          level: retailer.integrityLevel,
          capGrade: settings['grading.integrityCapGrade'],
          publishedGrade: mine.grade,
          liftsOn: nextRegradeOn,
        }
      : null,
    period: period
      ? {
          code: period.code,
          ordersFrom: iso(period.ordersFrom),
          ordersTo: iso(period.ordersTo),
          effectiveFrom: iso(period.effectiveFrom),
          effectiveTo: iso(period.effectiveTo),
          publishedAt: period.publishedAt,
        }
      : null,
    /** The next regrade takes effect the day after the period in force ends. */
    nextRegradeOn,
    score:
      mine && weights
        ? {
            total: score!,
            rank: mine.rank,
            grade: mine.grade,
            initial: mine.initial,
            capped: mine.capped,
            appealed: mine.appealId !== null,
            components: [
              { key: 'volume', weight: weights.volume, points: num(mine.volumeScore), value: mine.volumeTiao, unit: 'tiao' },
              { key: 'amount', weight: weights.amount, points: num(mine.amountScore), value: Number(mine.amountFen), unit: 'fen' },
              { key: 'variety', weight: weights.variety, points: num(mine.varietyScore), value: mine.distinctProducts, unit: 'products' },
              // The class share itself is not stored; the points are share × weight below the cap.
              {
                key: 'classShare',
                weight: weights.classShare,
                points: num(mine.classShareScore),
                value: weights.classShare ? num(mine.classShareScore) / weights.classShare : 0,
                unit: 'ratio',
              },
            ] as const,
            band: own ? { min: num(own.minScore), max: num(own.maxScore), retailers: own.retailerCount } : null,
            nextBand: next
              ? {
                  grade: next.grade,
                  min: num(next.minScore),
                  max: num(next.maxScore),
                  gap: Math.max(0, Math.round((num(next.minScore) - score!) * 1000) / 1000),
                }
              : null,
          }
        : null,
    history: history
      .reverse()
      .map((h) => ({ period: h.period.code, effectiveFrom: iso(h.period.effectiveFrom), grade: h.grade, score: num(h.score) })),
    appeals,
    openAppeal: appeals.find((a) => a.state === 'SUBMITTED') ?? null,
    appealWorkingDays,
  };
}

/**
 * Lodges an appeal against the grade in force. One open appeal at a time: the partial unique index
 * GradeAppeal_retailerId_open_idx decides between two tabs; either way the answer is a translated CONFLICT.
 */
export async function lodgeAppeal({ db, actor, clock }: RetailerDeps, input: TLodgeAppealInput) {
  const now = clock();
  const today = chinaDate(now);
  const [retailer, period, open] = await Promise.all([
    db.retailer.findUnique({ where: { id: actor.retailerId }, select: { grade: true } }),
    periodInForce(db, actor.retailerId, today),
    db.gradeAppeal.findFirst({ where: { retailerId: actor.retailerId, state: 'SUBMITTED' }, select: { id: true } }),
  ]);
  if (!retailer) throw notFound();
  if (!period || retailer.grade === null) throw new DomainError('INVALID_STATE', 'grading.errors.noGrade');
  if (open) throw new DomainError('CONFLICT', 'grading.errors.appealOpen');
  const settings = await getSettings(db, ['grading.appealWorkingDays', 'complaints.businessHoursStart', 'complaints.businessHoursEnd']);
  const hours = { start: settings['complaints.businessHoursStart'], end: settings['complaints.businessHoursEnd'] };
  const { calendar } = await loadWorkCalendar(db, today);
  const dueAt = addWorkingTime(now, workingDaysToMs(settings['grading.appealWorkingDays'], hours), calendar, hours);
  try {
    return await db.$transaction(async (tx) => {
      const appeal = await tx.gradeAppeal.create({
        data: {
          retailerId: actor.retailerId,
          periodId: period.id,
          currentGrade: retailer.grade!,
          reason: input.reason.trim(),
          dueAt,
          createdAt: now,
        },
        select: { id: true, state: true, dueAt: true, createdAt: true },
      });
      await writeRetailerAudit(tx, actor, {
        action: 'grading.appeal.lodge',
        entityType: 'GradeAppeal',
        entityId: appeal.id,
        after: { periodId: period.id, currentGrade: retailer.grade, reason: input.reason.trim() },
      });
      return appeal;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'grading.errors.appealOpen');
    throw error;
  }
}
