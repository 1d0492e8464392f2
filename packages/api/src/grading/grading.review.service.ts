import { Prisma, type Db } from '@tobacco/db/client';
import { hasPermission } from '@tobacco/auth/permissions';
import type { StaffActor } from '../actor';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { SETTINGS } from '../admin/settings.registry';
import { GRADE_COUNT, gradeCuts } from './grading.rules';
import type { RunSettings } from './grading.run.service';
import type { TRunReviewInput, TRunRowInput, TRunRowsInput, TShareTableInput } from './grading.schema';

// Run review (domain.md §2, issue "grading as a process"): what a run did before a manager publishes it.
// Every figure is aggregated in SQL over the run's rows, within the caller's scope: an account manager
// sees only their own retailers' rows (the same rule as retailerScope, written for SQL).

function scopeSql(actor: StaffActor): Prisma.Sql {
  return hasPermission(actor.roles, 'retailers.readAll') ? Prisma.sql`TRUE` : Prisma.sql`r."accountManagerId" = ${actor.userId}`;
}

async function runOf(db: Db, runId: number) {
  const run = await db.gradeRun.findUnique({
    where: { id: runId },
    include: { period: true, startedBy: { select: { id: true, name: true } }, decidedBy: { select: { id: true, name: true } } },
  });
  if (!run) throw notFound();
  return run;
}

/** The runs of the latest periods, latest first. */
export async function listRuns({ db }: StaffDeps) {
  return db.gradeRun.findMany({
    orderBy: { startedAt: 'desc' },
    take: 30,
    select: {
      id: true,
      state: true,
      reason: true,
      startedAt: true,
      computedAt: true,
      decidedAt: true,
      retailerCount: true,
      error: true,
      period: { select: { code: true } },
      startedBy: { select: { name: true } },
      decidedBy: { select: { name: true } },
    },
  });
}

/**
 * The review: the run's settings, target vs achieved share per grade (the share-table cut of the ranked
 * retailers, and the grades after initial grades and caps), the previous period's distribution, and the
 * movers per district.
 */
export async function getRunReview({ db, actor }: StaffDeps, input: TRunReviewInput) {
  const run = await runOf(db, input.runId);
  const scope = scopeSql(actor);
  const shares = SETTINGS['grading.shareTable'].schema.parse(run.shareTable);
  const previous = await db.gradePeriod.findFirst({
    where: { ordersTo: new Date(run.period.ordersFrom.getTime() - 86_400_000), status: 'PUBLISHED' },
    select: { id: true, code: true },
  });
  // Staff who see every retailer read the run's cells (a few thousand rows); an account manager's own rows
  // are few, so they are counted from the rows through the account-manager index.
  const source = hasPermission(actor.roles, 'retailers.readAll')
    ? Prisma.sql`SELECT "districtId", grade, "computedGrade", "previousGrade", ranked, initial, capped, retailers FROM "GradeRunCell" WHERE "runId" = ${run.id}`
    : Prisma.sql`SELECT r."districtId", rr.grade, rr."computedGrade", rr."previousGrade", rr.rank IS NOT NULL AS ranked, rr.initial, rr.capped, 1 AS retailers
        FROM "GradeRunRow" rr JOIN "Retailer" r ON r.id = rr."retailerId" WHERE rr."runId" = ${run.id} AND ${scope}`;
  const [byGrade, prevByGrade, districts, totals] = await Promise.all([
    db.$queryRaw<{ grade: number; cut: number; final: number }[]>`
      WITH s AS (${source})
      SELECT g.grade,
        coalesce((SELECT sum(retailers) FROM s WHERE s.ranked AND s."computedGrade" = g.grade), 0)::int AS cut,
        coalesce((SELECT sum(retailers) FROM s WHERE s.grade = g.grade), 0)::int AS final
      FROM generate_series(1, ${GRADE_COUNT}) AS g(grade)
      ORDER BY g.grade`,
    previous
      ? db.$queryRaw<{ grade: number; count: number }[]>`
          SELECT rg.grade, count(*)::int AS count FROM "RetailerGrade" rg
          WHERE rg."periodId" = ${previous.id}
            AND ${hasPermission(actor.roles, 'retailers.readAll') ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM "Retailer" r WHERE r.id = rg."retailerId" AND ${scope})`}
          GROUP BY 1`
      : Promise.resolve([]),
    db.$queryRaw<
      {
        districtId: number;
        district: string;
        up: number;
        down: number;
        same: number;
        fresh: number;
        upGrades: number;
        downGrades: number;
      }[]
    >`
      WITH s AS (${source})
      SELECT d.id AS "districtId", d.name AS district,
        coalesce(sum(retailers) FILTER (WHERE s.grade > s."previousGrade"), 0)::int AS up,
        coalesce(sum(retailers) FILTER (WHERE s.grade < s."previousGrade"), 0)::int AS down,
        coalesce(sum(retailers) FILTER (WHERE s.grade = s."previousGrade"), 0)::int AS same,
        coalesce(sum(retailers) FILTER (WHERE s."previousGrade" IS NULL), 0)::int AS fresh,
        coalesce(sum((s.grade - s."previousGrade") * retailers) FILTER (WHERE s.grade > s."previousGrade"), 0)::int AS "upGrades",
        coalesce(sum((s."previousGrade" - s.grade) * retailers) FILTER (WHERE s.grade < s."previousGrade"), 0)::int AS "downGrades"
      FROM s JOIN "District" d ON d.id = s."districtId"
      GROUP BY d.id, d.name ORDER BY d.name`,
    db.$queryRaw<{ retailers: number; ranked: number; initial: number; capped: number }[]>`
      WITH s AS (${source})
      SELECT coalesce(sum(retailers), 0)::int AS retailers, coalesce(sum(retailers) FILTER (WHERE ranked), 0)::int AS ranked,
        coalesce(sum(retailers) FILTER (WHERE initial), 0)::int AS initial, coalesce(sum(retailers) FILTER (WHERE capped), 0)::int AS capped
      FROM s`,
  ]);
  const total = totals[0]!;
  const prevTotal = prevByGrade.reduce((s, g) => s + g.count, 0);
  const shareSum = shares.reduce((s, x) => s + x, 0);
  const pct = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 100 : 0);
  return {
    run: {
      id: run.id,
      state: run.state,
      reason: run.reason,
      period: {
        code: run.period.code,
        ordersFrom: run.period.ordersFrom,
        ordersTo: run.period.ordersTo,
        effectiveFrom: run.period.effectiveFrom,
      },
      startedBy: run.startedBy,
      startedAt: run.startedAt,
      computedAt: run.computedAt,
      decidedBy: run.decidedBy,
      decidedAt: run.decidedAt,
      error: run.error,
      scoreWeights: SETTINGS['grading.scoreWeights'].schema.parse(run.scoreWeights),
      settings: run.settings as RunSettings,
      /** Whether the caller may publish it: a manager other than the starter. */
      canPublish: run.state === 'DRAFT' && hasPermission(actor.roles, 'grading.publish') && run.startedById !== actor.userId,
    },
    totals: total,
    previousPeriod: previous?.code ?? null,
    distribution: byGrade.map((g) => ({
      grade: g.grade,
      targetShare: Math.round(((shares[g.grade - 1] ?? 0) / shareSum) * 10_000) / 100,
      cutShare: pct(g.cut, total.ranked),
      finalShare: pct(g.final, total.retailers),
      cut: g.cut,
      final: g.final,
      previous: prevByGrade.find((p) => p.grade === g.grade)?.count ?? 0,
      previousShare: pct(prevByGrade.find((p) => p.grade === g.grade)?.count ?? 0, prevTotal),
    })),
    districts,
  };
}

const ROW_SELECT = Prisma.sql`
  rr."retailerId", r."licenceNo", r."shopName", d.name AS district, rr.grade, rr."computedGrade", rr."previousGrade",
  (rr.grade - rr."previousGrade")::int AS delta, rr.rank, rr.score::float8 AS score,
  rr."volumeScore"::float8 AS "volumeScore", rr."amountScore"::float8 AS "amountScore", rr."varietyScore"::float8 AS "varietyScore",
  rr."classShareScore"::float8 AS "classShareScore", rr."volumeTiao", rr."amountFen"::float8 AS "amountFen", rr."distinctProducts",
  rr."premiumTiao", rr.initial, rr.capped, rr."integrityLevel"::text AS "integrityLevel"`;

export type RunRow = {
  retailerId: number;
  licenceNo: string;
  shopName: string;
  district: string;
  grade: number;
  computedGrade: number;
  previousGrade: number | null;
  delta: number | null;
  rank: number | null;
  score: number;
  volumeScore: number;
  amountScore: number;
  varietyScore: number;
  classShareScore: number;
  volumeTiao: number;
  amountFen: number;
  distinctProducts: number;
  premiumTiao: number;
  initial: boolean;
  capped: boolean;
  integrityLevel: string;
};

/** The run's rows, by rank or as the biggest movers up or down, searchable by licence or shop name, paged. */
export async function listRunRows({ db, actor }: StaffDeps, input: TRunRowsInput) {
  const run = await runOf(db, input.runId);
  const filters = [Prisma.sql`rr."runId" = ${run.id}`, scopeSql(actor)];
  if (input.q)
    filters.push(Prisma.sql`(r."licenceNo" LIKE ${`${input.q}%`} OR r."shopName" ILIKE ${`%${input.q.replace(/[\\%_]/g, '\\$&')}%`})`);
  if (input.districtId) filters.push(Prisma.sql`r."districtId" = ${input.districtId}`);
  if (input.sort !== 'rank') filters.push(Prisma.sql`rr.grade ${input.sort === 'up' ? Prisma.sql`>` : Prisma.sql`<`} rr."previousGrade"`);
  const order =
    input.sort === 'up'
      ? Prisma.sql`rr.grade - rr."previousGrade" DESC, rr."retailerId"`
      : input.sort === 'down'
        ? Prisma.sql`rr.grade - rr."previousGrade" ASC, rr."retailerId"`
        : Prisma.sql`rr.rank ASC NULLS LAST, rr."retailerId"`;
  const where = Prisma.join(filters, ' AND ');
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<RunRow[]>`
      SELECT ${ROW_SELECT}
      FROM "GradeRunRow" rr JOIN "Retailer" r ON r.id = rr."retailerId" JOIN "District" d ON d.id = r."districtId"
      WHERE ${where} ORDER BY ${order} LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`,
    db.$queryRaw<
      { total: number }[]
    >`SELECT count(*)::int AS total FROM "GradeRunRow" rr JOIN "Retailer" r ON r.id = rr."retailerId" WHERE ${where}`,
  ]);
  const total = count?.total ?? 0;
  return { items: rows, total, page: input.page, pages: Math.max(1, Math.ceil(total / input.pageSize)) };
}

/**
 * One retailer's full explanation: its totals and components, what they were measured against (the best
 * peer's volume and amount, the company's mean variety), its rank and tie, the band of its grade and the
 * next one up, and any initial grade or cap, all from the run's own rows and stored settings.
 */
export async function explainRunRow({ db, actor }: StaffDeps, input: TRunRowInput) {
  const run = await runOf(db, input.runId);
  const [row] = await db.$queryRaw<RunRow[]>`
    SELECT ${ROW_SELECT}
    FROM "GradeRunRow" rr JOIN "Retailer" r ON r.id = rr."retailerId" JOIN "District" d ON d.id = r."districtId"
    WHERE rr."runId" = ${run.id} AND rr."retailerId" = ${input.retailerId} AND ${scopeSql(actor)}`;
  if (!row) throw notFound();
  const [peers] = await db.$queryRaw<{ maxVolume: number; maxAmount: number; meanProducts: number; tied: number }[]>`
    SELECT max("volumeTiao")::float8 AS "maxVolume", max("amountFen")::float8 AS "maxAmount", avg("distinctProducts"::float8) AS "meanProducts",
      count(*) FILTER (WHERE score = ${row.score})::int AS tied
    FROM "GradeRunRow" WHERE "runId" = ${run.id} AND rank IS NOT NULL`;
  const bands = await db.$queryRaw<{ grade: number; minScore: number; maxScore: number; count: number }[]>`
    SELECT "computedGrade" AS grade, min(score)::float8 AS "minScore", max(score)::float8 AS "maxScore", count(*)::int AS count
    FROM "GradeRunRow" WHERE "runId" = ${run.id} AND rank IS NOT NULL AND "computedGrade" IN (${row.computedGrade}, ${row.computedGrade + 1})
    GROUP BY 1`;
  return {
    row,
    weights: SETTINGS['grading.scoreWeights'].schema.parse(run.scoreWeights),
    settings: run.settings as RunSettings,
    peers: peers ?? null,
    band: bands.find((b) => b.grade === row.computedGrade) ?? null,
    nextBand: bands.find((b) => b.grade === row.computedGrade + 1) ?? null,
  };
}

/** The rows of a run in batches for the export, within the caller's scope (keyset on the retailer id). */
export async function* runRowBatches({ db, actor }: StaffDeps, runId: number, batchSize = 5_000): AsyncGenerator<RunRow[]> {
  const run = await runOf(db, runId);
  let after = 0;
  for (;;) {
    const rows = await db.$queryRaw<RunRow[]>`
      SELECT ${ROW_SELECT}
      FROM "GradeRunRow" rr JOIN "Retailer" r ON r.id = rr."retailerId" JOIN "District" d ON d.id = r."districtId"
      WHERE rr."runId" = ${run.id} AND rr."retailerId" > ${after} AND ${scopeSql(actor)}
      ORDER BY rr."retailerId" LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.retailerId;
  }
}

/**
 * How the last published period would have been cut under a proposed share table: retailers per grade now
 * and under the proposal, and how many would move up or down. The ranking is the stored one, so only the
 * cut changes (ties stay together as in a run).
 */
export async function previewShareTable({ db }: StaffDeps, input: TShareTableInput) {
  const sum = input.shares.reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 100) >= 0.001) throw new DomainError('VALIDATION', 'grading.errors.sharesSum', { sum: Math.round(sum * 100) / 100 });
  const run = await db.gradeRun.findFirst({
    where: { state: 'PUBLISHED' },
    orderBy: { period: { ordersTo: 'desc' } },
    select: { id: true, rankedCount: true, period: { select: { code: true } } },
  });
  if (!run) return null;
  const cuts = gradeCuts(run.rankedCount, input.shares);
  const pairs = await db.$queryRaw<{ current: number; proposed: number; count: number }[]>`
    WITH ties AS (
      SELECT "computedGrade", min(rank) OVER (PARTITION BY score) AS lo, max(rank) OVER (PARTITION BY score) AS hi
      FROM "GradeRunRow" WHERE "runId" = ${run.id} AND rank IS NOT NULL),
    cuts AS (
      SELECT * FROM unnest(${cuts.map((c) => c.grade)}::int[], ${cuts.map((c) => c.from)}::int[], ${cuts.map((c) => c.to)}::int[]) AS c(grade, lo, hi))
    SELECT t."computedGrade" AS current, c.grade AS proposed, count(*)::int AS count
    FROM ties t JOIN cuts c ON (t.lo + t.hi) / 2 BETWEEN c.lo AND c.hi
    GROUP BY 1, 2`;
  const grades = Array.from({ length: GRADE_COUNT }, (_, i) => ({ grade: i + 1, current: 0, proposed: 0 }));
  let up = 0;
  let down = 0;
  for (const p of pairs) {
    grades[p.current - 1]!.current += p.count;
    grades[p.proposed - 1]!.proposed += p.count;
    if (p.proposed > p.current) up += p.count;
    if (p.proposed < p.current) down += p.count;
  }
  return { periodCode: run.period.code, ranked: run.rankedCount, grades, up, down };
}
