import { hasPermission } from '@tobacco/auth/permissions';
import { Prisma, type DbTx } from '@tobacco/db/client';
import type { StaffActor } from '../actor';
import { getSetting } from '../admin/settings.service';
import type { StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { classifyQuadrants, computeNps, flattenQuestions, type Nps } from './surveys.rules';
import { ZSurveyDefinition, type Breakdown, type TAnalyticsFilter, type ZTextAnswersInput } from './surveys.schema';
import type { z } from 'zod';

// The satisfaction index behind the analytics screens and exports, aggregated in SQL from the running totals
// (SurveyIndexCell, SurveyRespondentCell) that each submission updates. The arithmetic is that of
// surveys.rules.ts `computeIndex`; an integration test holds the two to the same numbers.

const GROUP_SQL: Record<Breakdown | 'overall' | 'survey', Prisma.Sql> = {
  overall: Prisma.sql`''`,
  survey: Prisma.sql`c."surveyId"::text`,
  district: Prisma.sql`c."districtId"::text`,
  market: Prisma.sql`c.market::text`,
  businessForm: Prisma.sql`c."businessForm"::text`,
  gradeBand: Prisma.sql`c."gradeBand"::text`,
  accountManager: Prisma.sql`c."accountManagerId"::text`,
};

/** The screen's filters on a table carrying the snapshot columns (a cell table or SurveyResponse), aliased `c`. */
function filterSql(filter: Omit<TAnalyticsFilter, 'surveyId'>): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.districtId !== undefined) parts.push(Prisma.sql`c."districtId" = ${filter.districtId}`);
  if (filter.market !== undefined) parts.push(Prisma.sql`c.market = ${filter.market}::"Market"`);
  if (filter.businessForm !== undefined) parts.push(Prisma.sql`c."businessForm" = ${filter.businessForm}::"BusinessForm"`);
  if (filter.gradeBand !== undefined) parts.push(Prisma.sql`c."gradeBand" = ${filter.gradeBand}`);
  if (filter.accountManagerId !== undefined) parts.push(Prisma.sql`coalesce(c."accountManagerId", 0) = ${filter.accountManagerId}`);
  return Prisma.join(parts, ' AND ');
}

export type IndexGroup = {
  key: string;
  respondents: number;
  index: number | null;
  dimensions: Record<string, { score: number | null; answers: number }>;
  nps: Nps;
};

type IndexRow = {
  g: string;
  respondents: bigint | number;
  index: number | null;
  dimensions: Record<string, { score: number | null; answers: number }> | null;
  promoters: bigint | null;
  detractors: bigint | null;
  npsAnswers: bigint | null;
};

/**
 * One SQL statement: per group, the respondents, each dimension's score (Σ scaled answers / answers, exact
 * from Σ (answer − min) per question), the weighted index over the dimensions with answers, and NPS counts.
 */
export async function queryIndexGroups(
  db: DbTx,
  surveyIds: number[],
  by: Breakdown | 'overall' | 'survey',
  filter: Omit<TAnalyticsFilter, 'surveyId'>,
): Promise<IndexGroup[]> {
  const g = GROUP_SQL[by];
  const where = filterSql(filter);
  const rows = await db.$queryRaw<IndexRow[]>`
    WITH q AS (
      SELECT id, dimension::text AS dimension, weight, type::text AS type,
        coalesce("scaleMin", CASE WHEN type = 'NPS' THEN 0 ELSE 1 END) AS lo, coalesce("scaleMax", CASE WHEN type = 'NPS' THEN 10 ELSE 5 END) AS hi
      FROM "SurveyQuestion" WHERE "surveyId" = ANY(${surveyIds}::int[]) AND type IN ('RATING', 'MATRIX', 'NPS')
    ), cells AS (
      SELECT ${g} AS g, c."questionId", c."valueSum", c."answerCount", c.promoters, c.detractors
      FROM "SurveyIndexCell" c WHERE c."surveyId" = ANY(${surveyIds}::int[]) AND ${where}
    ), dims AS (
      SELECT cells.g, q.dimension, max(q.weight) AS weight,
        sum(cells."valueSum" * 100.0 / (q.hi - q.lo)) / nullif(sum(cells."answerCount"), 0) AS score, sum(cells."answerCount") AS answers
      FROM cells JOIN q ON q.id = cells."questionId" AND q.type <> 'NPS'
      GROUP BY cells.g, q.dimension
    ), idx AS (
      SELECT g,
        jsonb_object_agg(dimension, jsonb_build_object('score', score::float8, 'answers', answers)) AS dimensions,
        (sum(weight * score) FILTER (WHERE weight > 0 AND score IS NOT NULL) / nullif(sum(weight) FILTER (WHERE weight > 0 AND score IS NOT NULL), 0))::float8 AS index
      FROM dims GROUP BY g
    ), nps AS (
      SELECT cells.g, sum(cells.promoters) AS promoters, sum(cells.detractors) AS detractors, sum(cells."answerCount") AS "npsAnswers"
      FROM cells JOIN q ON q.id = cells."questionId" AND q.type = 'NPS'
      GROUP BY cells.g
    ), people AS (
      SELECT ${g} AS g, sum(c.respondents) AS respondents
      FROM "SurveyRespondentCell" c WHERE c."surveyId" = ANY(${surveyIds}::int[]) AND ${where}
      GROUP BY 1
    )
    SELECT people.g, people.respondents, idx.index, idx.dimensions, nps.promoters, nps.detractors, nps."npsAnswers"
    FROM people LEFT JOIN idx ON idx.g = people.g LEFT JOIN nps ON nps.g = people.g
    ORDER BY people.g`;
  return rows.map(toGroup);
}

function toGroup(r: IndexRow): IndexGroup {
  const total = Number(r.npsAnswers ?? 0);
  const promoters = Number(r.promoters ?? 0);
  const detractors = Number(r.detractors ?? 0);
  return {
    key: r.g,
    respondents: Number(r.respondents),
    index: r.index,
    dimensions: r.dimensions ?? {},
    nps: {
      promoters,
      detractors,
      passives: total - promoters - detractors,
      total,
      nps: total ? ((promoters - detractors) / total) * 100 : null,
    },
  };
}

const SET_NAMES = ['overall', 'district', 'market', 'businessForm', 'gradeBand', 'accountManager'] as const;

/**
 * The overall index and its five breakdowns in ONE statement (GROUPING SETS over the running totals): the same
 * arithmetic as queryIndexGroups, one scan instead of six. What the benchmark times.
 */
export async function queryIndexWithBreakdowns(db: DbTx, filter: TAnalyticsFilter) {
  const { surveyId, ...rest } = filter;
  const where = filterSql(rest);
  // Which grouping set a row belongs to, from GROUPING() of the five columns (1 = rolled up).
  const setOf = (prefix: string) =>
    Prisma.raw(`CASE
      WHEN GROUPING(${prefix}"districtId") = 0 THEN 'district' WHEN GROUPING(${prefix}market) = 0 THEN 'market'
      WHEN GROUPING(${prefix}"businessForm") = 0 THEN 'businessForm' WHEN GROUPING(${prefix}"gradeBand") = 0 THEN 'gradeBand'
      WHEN GROUPING(${prefix}"accountManagerId") = 0 THEN 'accountManager' ELSE 'overall' END`);
  const keyOf = (prefix: string) =>
    Prisma.raw(
      `coalesce(${prefix}"districtId"::text, ${prefix}market::text, ${prefix}"businessForm"::text, ${prefix}"gradeBand"::text, ${prefix}"accountManagerId"::text, '')`,
    );
  const sets = (prefix: string, extra: string) =>
    Prisma.raw(
      `GROUPING SETS ((${extra}), (${extra}${extra ? ', ' : ''}${prefix}"districtId"), (${extra}${extra ? ', ' : ''}${prefix}market), (${extra}${extra ? ', ' : ''}${prefix}"businessForm"), (${extra}${extra ? ', ' : ''}${prefix}"gradeBand"), (${extra}${extra ? ', ' : ''}${prefix}"accountManagerId"))`,
    );
  const rows = await db.$queryRaw<(IndexRow & { set: string })[]>`
    WITH q AS (
      SELECT id, dimension::text AS dimension, weight, type::text AS type,
        coalesce("scaleMin", CASE WHEN type = 'NPS' THEN 0 ELSE 1 END) AS lo, coalesce("scaleMax", CASE WHEN type = 'NPS' THEN 10 ELSE 5 END) AS hi
      FROM "SurveyQuestion" WHERE "surveyId" = ${surveyId} AND type IN ('RATING', 'MATRIX', 'NPS')
    ), cells AS (
      SELECT c."districtId", c.market, c."businessForm", c."gradeBand", c."accountManagerId", c."valueSum", c."answerCount", c.promoters, c.detractors,
        q.dimension, q.weight, q.type, q.lo, q.hi
      FROM "SurveyIndexCell" c JOIN q ON q.id = c."questionId"
      WHERE c."surveyId" = ${surveyId} AND ${where}
    ), dims AS (
      SELECT ${setOf('')} AS set, ${keyOf('')} AS g, dimension, max(weight) AS weight,
        sum("valueSum" * 100.0 / (hi - lo)) / nullif(sum("answerCount"), 0) AS score, sum("answerCount") AS answers
      FROM cells WHERE type <> 'NPS'
      GROUP BY ${sets('', 'dimension')}
    ), idx AS (
      SELECT set, g,
        jsonb_object_agg(dimension, jsonb_build_object('score', score::float8, 'answers', answers)) AS dimensions,
        (sum(weight * score) FILTER (WHERE weight > 0 AND score IS NOT NULL) / nullif(sum(weight) FILTER (WHERE weight > 0 AND score IS NOT NULL), 0))::float8 AS index
      FROM dims GROUP BY set, g
    ), nps AS (
      SELECT ${setOf('')} AS set, ${keyOf('')} AS g, sum(promoters) AS promoters, sum(detractors) AS detractors, sum("answerCount") AS "npsAnswers"
      FROM cells WHERE type = 'NPS'
      GROUP BY ${sets('', '')}
    ), people AS (
      SELECT ${setOf('c.')} AS set, ${keyOf('c.')} AS g, sum(c.respondents) AS respondents
      FROM "SurveyRespondentCell" c WHERE c."surveyId" = ${surveyId} AND ${where}
      GROUP BY ${sets('c.', '')}
    )
    SELECT people.set, people.g, people.respondents, idx.index, idx.dimensions, nps.promoters, nps.detractors, nps."npsAnswers"
    FROM people LEFT JOIN idx ON idx.set = people.set AND idx.g = people.g LEFT JOIN nps ON nps.set = people.set AND nps.g = people.g
    ORDER BY people.set, people.g`;
  const groups = new Map<string, IndexGroup[]>(SET_NAMES.map((name) => [name, []]));
  for (const r of rows) groups.get(r.set)?.push(toGroup(r));
  return {
    overall: groups.get('overall')![0] ?? null,
    breakdowns: {
      district: groups.get('district')!,
      market: groups.get('market')!,
      businessForm: groups.get('businessForm')!,
      gradeBand: groups.get('gradeBand')!,
      accountManager: groups.get('accountManager')!,
    },
  };
}

// ---------------------------------------------------------------- who sees what

type Visibility = { named: boolean; threshold: number };

export async function visibilityOf(db: DbTx, actor: StaffActor): Promise<Visibility> {
  return { named: hasPermission(actor.roles, 'analytics.readNamed'), threshold: await getSetting(db, 'surveys.anonymityThreshold') };
}

/**
 * Groups under the anonymity threshold are dropped for staff without analytics.readNamed; the count of
 * dropped groups is kept. Complementary suppression: the overall figures are shown, so the hidden groups
 * together could be recovered by subtracting the shown ones from them; while the hidden groups hold fewer
 * respondents than the threshold between them, the next-smallest shown group is hidden too.
 */
export function protect<T extends { respondents: number }>(rows: T[], v: Visibility): { rows: T[]; hidden: number } {
  if (v.named) return { rows, hidden: 0 };
  const hidden = new Set(rows.filter((r) => r.respondents < v.threshold));
  if (hidden.size === 0) return { rows, hidden: 0 };
  let together = [...hidden].reduce((sum, r) => sum + r.respondents, 0);
  const candidates = rows.filter((r) => !hidden.has(r)).sort((a, b) => a.respondents - b.respondents);
  while (together < v.threshold && candidates.length) {
    const next = candidates.shift()!;
    hidden.add(next);
    together += next.respondents;
  }
  return { rows: rows.filter((r) => !hidden.has(r)), hidden: hidden.size };
}

async function surveyMeta(db: DbTx, surveyId: number) {
  const survey = await db.survey.findUnique({
    where: { id: surveyId },
    select: { id: true, title: true, state: true, definition: true, opensAt: true, closesAt: true },
  });
  if (!survey || !['OPEN', 'CLOSED'].includes(survey.state)) throw notFound();
  const definition = ZSurveyDefinition.parse(survey.definition);
  return { ...survey, definition };
}

function dimensionsOf(definition: z.infer<typeof ZSurveyDefinition>) {
  return definition.sections
    .filter((s) => s.questions.some((q) => q.type === 'RATING' || q.type === 'MATRIX'))
    .map((s) => ({ dimension: s.dimension, title: s.title, weight: s.weight }));
}

// ---------------------------------------------------------------- screens

/** Surveys that have results, newest first, and the filter choices of the screen. */
export async function getAnalyticsOptions({ db }: StaffDeps, input: { surveyId?: number }) {
  const surveys = await db.survey.findMany({
    where: { state: { in: ['OPEN', 'CLOSED'] } },
    orderBy: [{ opensAt: 'desc' }, { id: 'desc' }],
    take: 100,
    select: { id: true, title: true, state: true, opensAt: true },
  });
  const surveyId = input.surveyId ?? surveys[0]?.id;
  const [districts, managers] = await Promise.all([
    db.district.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, name: true, nameEn: true } }),
    surveyId
      ? db.$queryRaw<{ id: number; name: string }[]>`
          SELECT s.id, s.name FROM "StaffUser" s
          WHERE s.id IN (SELECT DISTINCT "accountManagerId" FROM "SurveyRespondentCell" WHERE "surveyId" = ${surveyId})
          ORDER BY s.username`
      : Promise.resolve([]),
  ]);
  return { surveys, surveyId: surveyId ?? null, districts, accountManagers: managers };
}

/** Labels for the groups of a breakdown: district and account-manager names (the rest are enums the client translates). */
async function groupLabels(db: DbTx, by: Breakdown, keys: string[]): Promise<Map<string, { name: string; nameEn: string }>> {
  const ids = keys.map(Number).filter((n) => n > 0);
  if (by === 'district' && ids.length) {
    const rows = await db.district.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, nameEn: true } });
    return new Map(rows.map((r) => [String(r.id), { name: r.name, nameEn: r.nameEn }]));
  }
  if (by === 'accountManager' && ids.length) {
    const rows = await db.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [String(r.id), { name: r.name, nameEn: r.name }]));
  }
  return new Map();
}

/**
 * The overview: the filtered group's index, dimension scores, NPS and respondent count. For staff below
 * readNamed a filtered group under the threshold shows nothing but that it is too small.
 */
export async function getIndexOverview({ db, actor }: StaffDeps, filter: TAnalyticsFilter) {
  const survey = await surveyMeta(db, filter.surveyId);
  const v = await visibilityOf(db, actor);
  const { surveyId, ...rest } = filter;
  const [overall] = await queryIndexGroups(db, [surveyId], 'overall', rest);
  const respondents = overall?.respondents ?? 0;
  // A filtered group is hidden when it is small, and also when what the filter leaves out is small: the
  // unfiltered figures minus these would otherwise give that small remainder away.
  const filtered = Object.values(rest).some((value) => value !== undefined);
  const total = !v.named && filtered ? ((await queryIndexGroups(db, [surveyId], 'overall', {}))[0]?.respondents ?? 0) : respondents;
  const small = (n: number) => n > 0 && n < v.threshold;
  const suppressed = !v.named && (small(respondents) || small(total - respondents));
  const dims = dimensionsOf(survey.definition);
  return {
    survey: { id: survey.id, title: survey.title, state: survey.state, opensAt: survey.opensAt, closesAt: survey.closesAt },
    threshold: v.threshold,
    named: v.named,
    respondents,
    suppressed,
    index: suppressed ? null : (overall?.index ?? null),
    dimensions: dims.map((d) => ({
      ...d,
      score: suppressed ? null : (overall?.dimensions[d.dimension]?.score ?? null),
      answers: suppressed ? 0 : (overall?.dimensions[d.dimension]?.answers ?? 0),
    })),
    nps: suppressed ? computeNps([]) : (overall?.nps ?? computeNps([])),
  };
}

export async function getIndexBreakdown({ db, actor }: StaffDeps, input: TAnalyticsFilter & { by: Breakdown }) {
  const { by, ...filter } = input;
  const survey = await surveyMeta(db, filter.surveyId);
  const v = await visibilityOf(db, actor);
  const { surveyId, ...rest } = filter;
  const groups = await queryIndexGroups(db, [surveyId], by, rest);
  const { rows, hidden } = protect(groups, v);
  const labels = await groupLabels(
    db,
    by,
    rows.map((r) => r.key),
  );
  return {
    by,
    threshold: v.threshold,
    hidden,
    dimensions: dimensionsOf(survey.definition),
    rows: rows.map((r) => ({ ...r, label: labels.get(r.key) ?? null })),
  };
}

/** The index of every survey with results (newest 12), with the same filters: the trend across surveys. */
export async function getIndexTrend({ db, actor }: StaffDeps, filter: TAnalyticsFilter) {
  const v = await visibilityOf(db, actor);
  const surveys = await db.survey.findMany({
    where: { state: { in: ['OPEN', 'CLOSED'] } },
    orderBy: [{ opensAt: 'desc' }, { id: 'desc' }],
    take: 12,
    select: { id: true, title: true, opensAt: true },
  });
  if (surveys.length === 0) return { threshold: v.threshold, hidden: 0, rows: [] };
  const { surveyId: _ignored, ...rest } = filter;
  const groups = await queryIndexGroups(
    db,
    surveys.map((s) => s.id),
    'survey',
    rest,
  );
  const { rows, hidden } = protect(groups, v);
  const byId = new Map(rows.map((r) => [Number(r.key), r]));
  return {
    threshold: v.threshold,
    hidden,
    rows: [...surveys]
      .reverse()
      .filter((s) => byId.has(s.id))
      .map((s) => ({
        surveyId: s.id,
        title: s.title,
        opensAt: s.opensAt,
        respondents: byId.get(s.id)!.respondents,
        index: byId.get(s.id)!.index,
        nps: byId.get(s.id)!.nps.nps,
      })),
  };
}

/**
 * Importance × satisfaction per dimension. Satisfaction is the dimension's score; importance is derived:
 * the correlation, over respondents, between their score on the dimension and their NPS answer (what moves
 * loyalty). Without an NPS question the stated section weights stand in.
 */
export async function getQuadrant({ db, actor }: StaffDeps, filter: TAnalyticsFilter) {
  const survey = await surveyMeta(db, filter.surveyId);
  const overview = await getIndexOverview({ db, actor, clock: () => new Date() }, filter);
  if (overview.suppressed) return { source: 'none' as const, suppressed: true, points: [] };
  const hasNps = flattenQuestions(survey.definition).some((q) => q.type === 'NPS');
  const correlations = hasNps ? await queryImportance(db, filter) : new Map<string, number | null>();
  const points = classifyQuadrants(
    overview.dimensions.map((d) => ({
      dimension: d.dimension,
      satisfaction: d.score,
      importance: hasNps ? (correlations.get(d.dimension) ?? null) : d.weight,
    })),
  );
  return {
    source: hasNps ? ('nps' as const) : ('weight' as const),
    suppressed: false,
    points: points.map((p) => ({ ...p, title: overview.dimensions.find((d) => d.dimension === p.dimension)?.title ?? p.dimension })),
  };
}

/** corr(respondent's dimension score, respondent's NPS) per dimension; null under three respondents. */
export async function queryImportance(db: DbTx, filter: TAnalyticsFilter): Promise<Map<string, number | null>> {
  const { surveyId, ...rest } = filter;
  const rows = await db.$queryRaw<{ dimension: string; r: number | null }[]>`
    WITH q AS (
      SELECT id, dimension::text AS dimension, type::text AS type, coalesce("scaleMin", 1) AS lo, coalesce("scaleMax", 5) AS hi
      FROM "SurveyQuestion" WHERE "surveyId" = ${surveyId}
    ), resp AS (
      SELECT c.id FROM "SurveyResponse" c WHERE c."surveyId" = ${surveyId} AND c.state = 'SUBMITTED' AND ${filterSql(rest)}
    ), per AS (
      SELECT a."responseId", q.dimension, avg((a."numericValue" - q.lo) * 100.0 / (q.hi - q.lo)) AS score
      FROM "SurveyAnswer" a JOIN q ON q.id = a."questionId" AND q.type IN ('RATING', 'MATRIX')
      WHERE a."responseId" IN (SELECT id FROM resp) AND a."numericValue" IS NOT NULL
      GROUP BY 1, 2
    ), nps AS (
      SELECT a."responseId", avg(a."numericValue") AS nps
      FROM "SurveyAnswer" a JOIN q ON q.id = a."questionId" AND q.type = 'NPS'
      WHERE a."responseId" IN (SELECT id FROM resp) AND a."numericValue" IS NOT NULL
      GROUP BY 1
    )
    SELECT per.dimension, CASE WHEN count(*) >= 3 THEN corr(per.score::float8, nps.nps::float8) END AS r
    FROM per JOIN nps ON nps."responseId" = per."responseId"
    GROUP BY per.dimension`;
  return new Map(rows.map((r) => [r.dimension, r.r]));
}

/** Invited and answered per stratum (城乡 × size × form × grade band), filtered on the shops' current attributes. */
export async function getStrataResponse({ db }: StaffDeps, filter: TAnalyticsFilter) {
  const { surveyId, ...rest } = filter;
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (rest.districtId !== undefined) parts.push(Prisma.sql`r."districtId" = ${rest.districtId}`);
  if (rest.market !== undefined) parts.push(Prisma.sql`r.market = ${rest.market}::"Market"`);
  if (rest.businessForm !== undefined) parts.push(Prisma.sql`r."businessForm" = ${rest.businessForm}::"BusinessForm"`);
  if (rest.gradeBand !== undefined)
    parts.push(Prisma.sql`(CASE WHEN r.grade IS NULL THEN 0 ELSE (r.grade + 9) / 10 END) = ${rest.gradeBand}`);
  if (rest.accountManagerId !== undefined) parts.push(Prisma.sql`r."accountManagerId" = ${rest.accountManagerId}`);
  const rows = await db.$queryRaw<{ stratum: string | null; invited: bigint; responded: bigint }[]>`
    SELECT i.stratum, count(*) AS invited, count(resp.id) AS responded
    FROM "SurveyInvitation" i
    JOIN "Retailer" r ON r.id = i."retailerId"
    LEFT JOIN "SurveyResponse" resp ON resp."surveyId" = i."surveyId" AND resp."retailerId" = i."retailerId" AND resp.state = 'SUBMITTED'
    WHERE i."surveyId" = ${surveyId} AND ${Prisma.join(parts, ' AND ')}
    GROUP BY i.stratum ORDER BY i.stratum`;
  return rows.map((r) => {
    const [market = '', sizeClass = '', businessForm = '', gradeBand = ''] = (r.stratum ?? '').split('-');
    const invited = Number(r.invited);
    const responded = Number(r.responded);
    return {
      key: r.stratum ?? '',
      market,
      sizeClass: Number(sizeClass),
      businessForm,
      gradeBand: Number(gradeBand),
      invited,
      responded,
      rate: invited ? responded / invited : null,
    };
  });
}

/** Free-text answers with the shop that gave them: individual answers, for staff with analytics.readNamed only. */
export async function listTextAnswers({ db, actor }: StaffDeps, input: z.output<typeof ZTextAnswersInput>) {
  if (!hasPermission(actor.roles, 'analytics.readNamed')) throw new DomainError('FORBIDDEN', 'surveys.error.namedOnly');
  const survey = await surveyMeta(db, input.surveyId);
  const { surveyId, questionKey, q, page, ...rest } = input;
  const pageSize = 20;
  const textQuestions = flattenQuestions(survey.definition).filter((x) => x.type === 'TEXT');
  const where = Prisma.sql`c."surveyId" = ${surveyId} AND c.state = 'SUBMITTED' AND ${filterSql(rest)}
    AND qq.type = 'TEXT' AND a.text IS NOT NULL AND a.text <> ''
    ${questionKey ? Prisma.sql`AND qq.key = ${questionKey}` : Prisma.empty}
    ${q ? Prisma.sql`AND a.text ILIKE ${`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`}` : Prisma.empty}`;
  const [count, items] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "SurveyAnswer" a JOIN "SurveyResponse" c ON c.id = a."responseId" JOIN "SurveyQuestion" qq ON qq.id = a."questionId" WHERE ${where}`,
    db.$queryRaw<
      { id: bigint; questionKey: string; text: string; channel: string; submittedAt: Date; licenceNo: string; shopName: string }[]
    >`
      SELECT a.id, qq.key AS "questionKey", a.text, c.channel::text AS channel, c."submittedAt", r."licenceNo", r."shopName"
      FROM "SurveyAnswer" a JOIN "SurveyResponse" c ON c.id = a."responseId" JOIN "SurveyQuestion" qq ON qq.id = a."questionId" JOIN "Retailer" r ON r.id = c."retailerId"
      WHERE ${where}
      ORDER BY c."submittedAt" DESC, a.id DESC
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  ]);
  const total = Number(count[0]?.n ?? 0);
  const labels = new Map(textQuestions.map((x) => [x.key, x.label]));
  return {
    questions: textQuestions.map((x) => ({ key: x.key, label: x.label })),
    items: items.map((i) => ({ ...i, id: String(i.id), question: labels.get(i.questionKey) ?? i.questionKey })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  };
}
