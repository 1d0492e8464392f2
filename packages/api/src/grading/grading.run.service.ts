import { Prisma, type Db, type DbTx } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { writeAudit } from '../admin/audit';
import { getSettings } from '../admin/settings.service';
import { SETTINGS } from '../admin/settings.registry';
import { queueFanOutDeliveries } from '../channels/channels.service';
import { enqueueJob } from '../jobs/jobs.service';
import { isUniqueViolation } from '../retailers/retailers.audit';
import { addDays, chinaDate, chinaDateTime } from '../schedule/calendar.rules';
import {
  CAPPED_INTEGRITY_LEVELS,
  endedPeriods,
  gradeCuts,
  initialGradeRows,
  type GradingPeriod,
  type InitialGradeTable,
  type ScoreWeights,
} from './grading.rules';
import type { TDecideRunInput, TStartRunInput } from './grading.schema';

// The grading process of domain.md §2 as a 营销中心 runs it: start a draft run for an ended period (a job
// computes it in one SQL statement), review it, and have another manager publish it, or discard it.

export const GRADE_RUN_QUEUE = 'grading.run';
export const GRADE_APPLY_QUEUE = 'grading.apply';

/** What a run used besides the weights and share table, stored with it so its explanation never changes. */
export type RunSettings = { integrityCapGrade: number; initialGrades: InitialGradeTable; periodMonths: number };

const DAY = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
/** How far back the start screen offers periods. */
const PERIODS_OFFERED = 8;

/** The ended periods a run may be started for, latest first, with the state of their runs. */
export async function listRunPeriods({ db, clock }: StaffDeps) {
  const today = chinaDate(clock());
  const months = (await getSettings(db, ['grading.periodMonths']))['grading.periodMonths'];
  const periods = endedPeriods(today, months, PERIODS_OFFERED);
  const stored = await db.gradePeriod.findMany({
    where: { code: { in: periods.map((p) => p.code) } },
    select: {
      code: true,
      status: true,
      publishedAt: true,
      runs: { orderBy: { startedAt: 'desc' }, take: 1, select: { id: true, state: true } },
    },
  });
  const byCode = new Map(stored.map((p) => [p.code, p]));
  const open = await openCycles(db, periods[0]!, today);
  return periods.map((p, i) => {
    const s = byCode.get(p.code);
    return {
      ...p,
      published: s?.status === 'PUBLISHED',
      publishedAt: s?.publishedAt ?? null,
      latestRun: s?.runs[0] ?? null,
      openCycles: i === 0 ? open : 0,
    };
  });
}

/** Order cycles that touch the period and have not closed yet (a cycle ending today is still open). */
async function openCycles(db: DbTx, period: GradingPeriod, today: string): Promise<number> {
  return db.orderCycle.count({ where: { weekStart: { lte: DAY(period.ordersTo) }, weekEnd: { gte: DAY(today) } } });
}

/**
 * Starts a draft run for an ended period: refuses a period with unclosed cycles, a second run while one
 * computes, a second draft of the same period, and a correction of a published period without a reason.
 * The computation itself is a queued job (computeGradeRun).
 */
export async function startGradeRun({ db, actor, clock }: StaffDeps, input: TStartRunInput) {
  const now = clock();
  const today = chinaDate(now);
  const months = (await getSettings(db, ['grading.periodMonths']))['grading.periodMonths'];
  const period = endedPeriods(today, months, PERIODS_OFFERED * 4).find((p) => p.code === input.periodCode);
  if (!period) throw new DomainError('VALIDATION', 'grading.errors.periodNotEnded', { code: input.periodCode });
  const open = await openCycles(db, period, today);
  if (open > 0) throw new DomainError('INVALID_STATE', 'grading.errors.cyclesOpen', { count: open });
  try {
    return await db.$transaction((tx) =>
      createGradeRun(tx, { period, startedById: actor.userId, now, reason: input.reason?.trim() || null }),
    );
  } catch (error) {
    // Two starts at the same moment: the partial unique index on computing runs keeps one.
    if (isUniqueViolation(error)) throw new DomainError('CONFLICT', 'grading.errors.runComputing');
    throw error;
  }
}

/**
 * The run row with the settings in force, and its job, inside the caller's transaction. The demo seed
 * calls it directly for its history of periods (their cycles are synthetic), then computes and publishes.
 */
export async function createGradeRun(tx: DbTx, args: { period: GradingPeriod; startedById: number; now: Date; reason: string | null }) {
  const { period } = args;
  const s = await getSettings(tx, [
    'grading.periodMonths',
    'grading.scoreWeights',
    'grading.shareTable',
    'grading.integrityCapGrade',
    'grading.initialGrades',
  ]);
  const settings: RunSettings = {
    integrityCapGrade: s['grading.integrityCapGrade'],
    initialGrades: s['grading.initialGrades'],
    periodMonths: s['grading.periodMonths'],
  };
  const stored = await tx.gradePeriod.upsert({
    where: { code: period.code },
    create: {
      code: period.code,
      ordersFrom: DAY(period.ordersFrom),
      ordersTo: DAY(period.ordersTo),
      effectiveFrom: DAY(period.effectiveFrom),
      effectiveTo: DAY(period.effectiveTo),
      scoreWeights: s['grading.scoreWeights'],
    },
    update: {},
    select: { id: true, status: true },
  });
  const busy = await tx.gradeRun.findFirst({
    where: { OR: [{ state: 'COMPUTING' }, { periodId: stored.id, state: 'DRAFT' }] },
    select: { state: true },
  });
  if (busy?.state === 'COMPUTING') throw new DomainError('CONFLICT', 'grading.errors.runComputing');
  if (busy) throw new DomainError('CONFLICT', 'grading.errors.draftExists');
  if (stored.status === 'PUBLISHED' && !args.reason) throw new DomainError('VALIDATION', 'grading.errors.correctionNeedsReason');
  const run = await tx.gradeRun.create({
    data: {
      periodId: stored.id,
      reason: stored.status === 'PUBLISHED' ? args.reason : null,
      startedById: args.startedById,
      startedAt: args.now,
      scoreWeights: s['grading.scoreWeights'],
      shareTable: s['grading.shareTable'],
      settings,
    },
    select: { id: true, state: true, reason: true },
  });
  await enqueueJob(tx, { queue: GRADE_RUN_QUEUE, payload: { runId: run.id }, uniqueKey: `grading:run:${run.id}` });
  await writeAudit(tx, {
    actorStaffId: args.startedById,
    action: run.reason ? 'grading.run.startCorrection' : 'grading.run.start',
    entityType: 'GradeRun',
    entityId: run.id,
    after: { period: period.code, reason: run.reason },
  });
  return { ...run, periodCode: period.code };
}

/**
 * The job: every retailer's totals from the period's confirmed orders, the four components, the ranking,
 * the cut by the share table, initial grades and the integrity cap, in one INSERT … SELECT with window
 * functions. The formulas are grading.rules.ts's, in the same floating-point order; the cut, the
 * initial-grade table and the capped levels come from there as parameters.
 */
export async function computeGradeRun(db: Db, payload: { runId: number }, now: Date): Promise<void> {
  try {
    await db.$transaction(
      async (tx) => {
        const [run] = await tx.$queryRaw<{ state: string }[]>`SELECT state FROM "GradeRun" WHERE id = ${payload.runId} FOR UPDATE`;
        if (run?.state !== 'COMPUTING') return; // discarded meanwhile, or a retried job that already finished
        // The period's totals (count of distinct products per retailer over millions of lines) sort and hash
        // in memory rather than on disk.
        await tx.$executeRawUnsafe(`SET LOCAL work_mem = '256MB'`);
        const full = await tx.gradeRun.findUniqueOrThrow({ where: { id: payload.runId }, include: { period: true } });
        const weights = SETTINGS['grading.scoreWeights'].schema.parse(full.scoreWeights) as ScoreWeights;
        const shares = SETTINGS['grading.shareTable'].schema.parse(full.shareTable);
        const settings = full.settings as RunSettings;
        const from = full.period.ordersFrom;
        const to = full.period.ordersTo;
        const [{ ranked }] = (await tx.$queryRaw<{ ranked: number }[]>`
          SELECT count(*)::int AS ranked FROM "Retailer" WHERE status <> 'CANCELLED' AND "openedOn" <= ${from}`) as [{ ranked: number }];
        const cuts = gradeCuts(ranked, shares);
        const initial = initialGradeRows(settings.initialGrades);
        const areaSteps = [...settings.initialGrades.areaBonus].map((a) => a.minM2).sort((a, b) => a - b);
        const previous = await tx.gradePeriod.findFirst({
          where: { ordersTo: DAY(addDays(iso(from), -1)), status: 'PUBLISHED' },
          select: { id: true },
        });
        // The period's totals per retailer, first per retailer and product: the distinct product count is then a
        // plain count, and a CREATE TABLE … AS may aggregate the millions of lines with parallel workers (an
        // INSERT never does). Analysed, so the statement below joins it by hash.
        await tx.$executeRaw`
          CREATE TEMP TABLE grade_totals ON COMMIT DROP AS
          SELECT "retailerId", sum(volume)::bigint AS volume, sum(amount)::bigint AS amount, count(*)::int AS products,
            coalesce(sum(volume) FILTER (WHERE premium), 0)::bigint AS premium
          FROM (
            SELECT o."retailerId", l."productId", bool_and(p."productClass" <= 2) AS premium,
              sum(l.quantity) AS volume, sum(l."amountFen") AS amount
            FROM "Order" o
            JOIN "OrderLine" l ON l."orderId" = o.id
            JOIN "Product" p ON p.id = l."productId"
            WHERE o.status = 'CONFIRMED' AND o."orderDate" BETWEEN ${from} AND ${to}
            GROUP BY o."retailerId", l."productId") per_product
          GROUP BY "retailerId"`;
        await tx.$executeRaw`ANALYZE grade_totals`;
        const inserted = await tx.$executeRaw`
          INSERT INTO "GradeRunRow" ("runId", "retailerId", "volumeTiao", "amountFen", "distinctProducts", "premiumTiao",
            "volumeScore", "amountScore", "varietyScore", "classShareScore", score, rank, "computedGrade", grade, "previousGrade",
            initial, capped, "integrityLevel")
          WITH totals AS (SELECT * FROM grade_totals),
          base AS (
            SELECT r.id, r."integrityLevel", r."businessForm"::text AS form, r.market::text AS market, r."shopAreaM2" AS area,
              r."openedOn" <= ${from} AS ranked,
              coalesce(t.volume, 0) AS volume, coalesce(t.amount, 0) AS amount, coalesce(t.products, 0) AS products, coalesce(t.premium, 0) AS premium
            FROM "Retailer" r LEFT JOIN totals t ON t."retailerId" = r.id
            WHERE r.status <> 'CANCELLED'),
          peers AS (
            SELECT b.*,
              max(volume) FILTER (WHERE ranked) OVER () AS max_volume,
              max(amount) FILTER (WHERE ranked) OVER () AS max_amount,
              avg(products::float8) FILTER (WHERE ranked) OVER () AS mean_products
            FROM base b),
          components AS (
            SELECT pe.*,
              CASE WHEN max_volume > 0 THEN round(((volume::float8 / max_volume::float8) * ${weights.volume}::float8)::numeric, 3) ELSE 0 END AS s_volume,
              CASE WHEN max_amount > 0 THEN round(((amount::float8 / max_amount::float8) * ${weights.amount}::float8)::numeric, 3) ELSE 0 END AS s_amount,
              CASE WHEN mean_products > 0 THEN round(least(${weights.variety}::float8, (products::float8 / mean_products) * ${weights.variety}::float8)::numeric, 3) ELSE 0 END AS s_variety,
              CASE WHEN volume > 0 THEN round(least(${weights.classShare}::float8, (premium::float8 / volume::float8) * ${weights.classShare}::float8)::numeric, 3) ELSE 0 END AS s_class
            FROM peers pe),
          scored AS (
            SELECT c.*, round(s_volume + s_amount + s_variety + s_class, 3) AS score FROM components c),
          ranking AS (
            SELECT s.*, CASE WHEN ranked THEN row_number() OVER (PARTITION BY ranked ORDER BY score DESC, volume DESC, id) END AS rank FROM scored s),
          ties AS (
            SELECT rk.*, min(rank) OVER (PARTITION BY ranked, score) AS tie_lo, max(rank) OVER (PARTITION BY ranked, score) AS tie_hi FROM ranking rk),
          cuts AS (
            SELECT * FROM unnest(${cuts.map((c) => c.grade)}::int[], ${cuts.map((c) => c.from)}::int[], ${cuts.map((c) => c.to)}::int[]) AS c(grade, lo, hi)),
          initial_grades AS (
            SELECT * FROM unnest(${initial.map((i) => i.form)}::text[], ${initial.map((i) => i.market)}::text[], ${initial.map((i) => i.step)}::int[], ${initial.map((i) => i.grade)}::int[]) AS i(form, market, step, grade)),
          graded AS (
            SELECT t.*, coalesce(CASE WHEN t.ranked THEN cu.grade ELSE ig.grade END, 1) AS computed
            FROM ties t
            LEFT JOIN cuts cu ON t.ranked AND (t.tie_lo + t.tie_hi) / 2 BETWEEN cu.lo AND cu.hi
            LEFT JOIN initial_grades ig ON NOT t.ranked AND ig.form = t.form AND ig.market = t.market
              AND ig.step = CASE WHEN t.area IS NULL THEN 0 ELSE cardinality(array(SELECT 1 FROM unnest(${areaSteps}::int[]) m WHERE m <= t.area)) END)
          SELECT ${payload.runId}, g.id, least(g.volume, 2147483647)::int, g.amount, g.products, least(g.premium, 2147483647)::int,
            g.s_volume, g.s_amount, g.s_variety, g.s_class, g.score, g.rank, g.computed,
            CASE WHEN g."integrityLevel"::text = ANY (${[...CAPPED_INTEGRITY_LEVELS]}::text[]) AND g.computed > ${settings.integrityCapGrade} THEN ${settings.integrityCapGrade} ELSE g.computed END,
            pg.grade, NOT g.ranked,
            g."integrityLevel"::text = ANY (${[...CAPPED_INTEGRITY_LEVELS]}::text[]) AND g.computed > ${settings.integrityCapGrade},
            g."integrityLevel"
          FROM graded g
          LEFT JOIN "RetailerGrade" pg ON pg."periodId" = ${previous?.id ?? 0} AND pg."retailerId" = g.id`;
        await tx.$executeRaw`
          INSERT INTO "GradeRunCell" ("runId", "districtId", grade, "computedGrade", "previousGrade", ranked, initial, capped, retailers)
          SELECT rr."runId", r."districtId", rr.grade, rr."computedGrade", rr."previousGrade", rr.rank IS NOT NULL, rr.initial, rr.capped, count(*)::int
          FROM "GradeRunRow" rr JOIN "Retailer" r ON r.id = rr."retailerId"
          WHERE rr."runId" = ${payload.runId}
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
        await tx.gradeRun.update({
          where: { id: payload.runId },
          data: { state: 'DRAFT', computedAt: now, retailerCount: inserted, rankedCount: ranked },
        });
      },
      { timeout: 15 * 60_000, maxWait: 60_000 },
    );
  } catch (error) {
    // A failed computation must not block the next run: the run is marked FAILED with the reason.
    const message = error instanceof Error ? error.message : String(error);
    await db.gradeRun.updateMany({
      where: { id: payload.runId, state: 'COMPUTING' },
      data: { state: 'FAILED', error: message.slice(0, 2000), computedAt: now },
    });
  }
}

async function lockRun(tx: DbTx, runId: number) {
  const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "GradeRun" WHERE id = ${runId} FOR UPDATE`;
  if (!locked) throw notFound();
  return tx.gradeRun.findUniqueOrThrow({ where: { id: runId }, include: { period: true } });
}

/** Title and body of the inbox notice that grades were published (one place, for the message-key change). */
function publishedNotice(periodCode: string, effectiveFrom: string) {
  return {
    messageKey: 'grading.notify.published',
    params: JSON.stringify({ code: periodCode, date: { date: effectiveFrom } }),
  };
}

/**
 * Approves and publishes a draft run in one transaction: a manager other than the one who started it;
 * the run's rows become the period's grades (a correction supersedes the earlier run), every graded
 * retailer gets an inbox notice (one INSERT … SELECT), and the grades come into force at the start of the
 * next period (at once if it has begun, else by a job at its first day). Publishing twice publishes once.
 */
export async function publishGradeRun({ db, actor, clock }: StaffDeps, input: TDecideRunInput) {
  const now = clock();
  const today = chinaDate(now);
  return db.$transaction(
    async (tx) => {
      const run = await lockRun(tx, input.runId);
      if (run.state === 'PUBLISHED') return { runId: run.id, published: false };
      if (run.state !== 'DRAFT') throw new DomainError('INVALID_STATE', 'grading.errors.notDraft');
      if (run.startedById === actor.userId) throw new DomainError('FORBIDDEN', 'grading.errors.selfApproval');
      const superseded = await tx.gradeRun.updateManyAndReturn({
        where: { periodId: run.periodId, state: 'PUBLISHED' },
        data: { state: 'SUPERSEDED' },
        select: { id: true },
      });
      await tx.gradeRun.update({ where: { id: run.id }, data: { state: 'PUBLISHED', decidedById: actor.userId, decidedAt: now } });
      await tx.gradePeriod.update({
        where: { id: run.periodId },
        data: { status: 'PUBLISHED', publishedAt: now, scoreWeights: run.scoreWeights as Prisma.InputJsonValue },
      });
      await tx.$executeRaw`DELETE FROM "RetailerGrade" WHERE "periodId" = ${run.periodId}`;
      await tx.$executeRaw`
        INSERT INTO "RetailerGrade" ("periodId", "retailerId", grade, score, "volumeScore", "amountScore", "varietyScore", "classShareScore",
          "volumeTiao", "amountFen", "distinctProducts", rank, initial, capped)
        SELECT ${run.periodId}, "retailerId", grade, score, "volumeScore", "amountScore", "varietyScore", "classShareScore",
          "volumeTiao", "amountFen", "distinctProducts", coalesce(rank, 0), initial, capped
        FROM "GradeRunRow" WHERE "runId" = ${run.id}`;
      await tx.$executeRaw`DELETE FROM "GradeBoundary" WHERE "periodId" = ${run.periodId}`;
      // The bands of the share-table cut, before any cap: they explain what a score earns.
      await tx.$executeRaw`
        INSERT INTO "GradeBoundary" ("periodId", grade, "minScore", "maxScore", "retailerCount")
        SELECT ${run.periodId}, "computedGrade", min(score), max(score), count(*)::int
        FROM "GradeRunRow" WHERE "runId" = ${run.id} AND rank IS NOT NULL GROUP BY "computedGrade"`;
      const effectiveFrom = iso(run.period.effectiveFrom);
      if (effectiveFrom <= today) await applyGradesInForce(tx, { periodId: run.periodId }, now);
      else
        await enqueueJob(tx, {
          queue: GRADE_APPLY_QUEUE,
          payload: { periodId: run.periodId },
          runAt: chinaDateTime(effectiveFrom, '00:00'),
          uniqueKey: `grading:apply:${run.id}`,
        });
      const notice = publishedNotice(run.period.code, effectiveFrom);
      await tx.$executeRaw`
        INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link, "createdAt")
        SELECT "retailerId", 'GRADE_PUBLISHED'::"NotificationKind", ${notice.messageKey}, ${notice.params}::jsonb, '/grade', ${now}
        FROM "GradeRunRow" WHERE "runId" = ${run.id}`;
      await queueFanOutDeliveries(tx, { kind: 'GRADE_PUBLISHED', messageKey: notice.messageKey, link: '/grade', createdAt: now });
      await writeAudit(tx, {
        actorStaffId: actor.userId,
        action: run.reason ? 'grading.run.publishCorrection' : 'grading.run.publish',
        entityType: 'GradeRun',
        entityId: run.id,
        before: { state: 'DRAFT' },
        after: { state: 'PUBLISHED', period: run.period.code, reason: run.reason, superseded: superseded.map((r) => r.id), effectiveFrom },
      });
      return { runId: run.id, published: true };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

/**
 * Puts a published period's grades in force on the retailers (the copy used for filtering and for the
 * next cycle's limits), once its effective window has begun and while it lasts. The integrity cap is
 * applied with the levels of today: a level that has improved since the run is no longer capped.
 */
export async function applyGradesInForce(db: DbTx, payload: { periodId: number }, now: Date): Promise<number> {
  const today = DAY(chinaDate(now));
  const cap = (await getSettings(db, ['grading.integrityCapGrade']))['grading.integrityCapGrade'];
  return db.$executeRaw`
    UPDATE "Retailer" r
    SET grade = CASE WHEN r."integrityLevel"::text = ANY (${[...CAPPED_INTEGRITY_LEVELS]}::text[]) AND g.grade > ${cap} THEN ${cap} ELSE g.grade END,
      "updatedAt" = ${now}
    FROM "RetailerGrade" g JOIN "GradePeriod" p ON p.id = g."periodId"
    WHERE g."periodId" = ${payload.periodId} AND g."retailerId" = r.id AND p.status = 'PUBLISHED'
      AND p."effectiveFrom" <= ${today} AND p."effectiveTo" >= ${today}`;
}

/** Discards a draft (or a failed run); the period can then be run again. */
export async function discardGradeRun({ db, actor, clock }: StaffDeps, input: TDecideRunInput) {
  return db.$transaction(async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.state === 'DISCARDED') return { runId: run.id };
    if (run.state !== 'DRAFT' && run.state !== 'FAILED') throw new DomainError('INVALID_STATE', 'grading.errors.notDraft');
    await tx.gradeRun.update({ where: { id: run.id }, data: { state: 'DISCARDED', decidedById: actor.userId, decidedAt: clock() } });
    await writeAudit(tx, {
      actorStaffId: actor.userId,
      action: 'grading.run.discard',
      entityType: 'GradeRun',
      entityId: run.id,
      before: { state: run.state },
      after: { state: 'DISCARDED' },
    });
    return { runId: run.id };
  });
}
