import { hasPermission } from '@tobacco/auth/permissions';
import { Prisma, type Db, type DbTx } from '@tobacco/db/client';
import { translate } from '@tobacco/i18n/messages';
import type { Actor, RetailerActor, StaffActor } from '../actor';
import { getSettings } from '../admin/settings.service';
import type { RetailerDeps, StaffDeps } from '../deps';
import { DomainError, notFound } from '../errors';
import { queueFanOutDeliveries } from '../channels/channels.service';
import { enqueueJob } from '../jobs/jobs.service';
import { retailerScope } from '../retailers/retailers.scope';
import {
  acceptsAnswers,
  allocateSample,
  chinaMonthStart,
  cleanDraft,
  flattenQuestions,
  gradeBandOf,
  isEditable,
  nextState,
  normaliseAnswers,
  validateAnswers,
  type StratumPlan,
  type SurveyAction,
} from './surveys.rules';
import {
  ZSurveyDefinition,
  ZTarget,
  type TAnswers,
  type TDuplicateSurveyInput,
  type TSurveyDefinition,
  type TTarget,
  type SurveyState,
  type ZCreateSurveyInput,
  type ZEnterResponseInput,
  type ZFindRespondentInput,
  type ZListSurveysInput,
  type ZUpdateSurveyInput,
} from './surveys.schema';
import type { z } from 'zod';
import { getLogger } from '../ops/logger';

// The only code that writes surveys, their invitations and their responses.

export const INVITE_QUEUE = 'surveys.invite';

// ---------------------------------------------------------------- helpers

/** The stored definition, read through the schema: a survey whose JSON no longer fits is a bug, not input. */
export function parseDefinition(value: unknown): TSurveyDefinition {
  return ZSurveyDefinition.parse(value);
}

function parseTarget(kind: string, value: unknown, sampleRate: Prisma.Decimal | null): TTarget {
  const parsed = ZTarget.safeParse({ ...(typeof value === 'object' && value ? value : {}), kind });
  if (parsed.success) {
    const target = parsed.data;
    return target.kind === 'SAMPLE' && target.rate === undefined && sampleRate ? { ...target, rate: Number(sampleRate) } : target;
  }
  // Something unreadable is read as its kind with no narrowing, at the stored rate.
  return kind === 'SAMPLE'
    ? { kind: 'SAMPLE', rate: sampleRate ? Number(sampleRate) : undefined, classificationCodes: [], districtIds: [], markets: [] }
    : { kind: 'ALL' };
}

async function audit(db: DbTx, actor: Actor, action: string, entityType: string, entityId: number, after?: unknown, before?: unknown) {
  await db.auditLog.create({
    data: {
      actorStaffId: actor.kind === 'staff' ? actor.userId : null,
      actorLoginId: actor.kind === 'retailer' ? actor.loginId : null,
      action,
      entityType,
      entityId: String(entityId),
      before: before === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue),
      after: after === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(after)) as Prisma.InputJsonValue),
    },
  });
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; cause?: { code?: string } };
  return e?.code === 'P2002' || e?.code === '23505' || e?.meta?.code === '23505' || e?.cause?.code === '23505';
}

const SURVEY_SUMMARY = {
  id: true,
  title: true,
  description: true,
  state: true,
  opensAt: true,
  closesAt: true,
  targetKind: true,
  target: true,
  sampleRate: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  approvedAt: true,
  createdBy: { select: { id: true, name: true } },
  approvedBy: { select: { id: true, name: true } },
} as const;

// ---------------------------------------------------------------- staff: list, read, build

export async function listSurveys({ db }: StaffDeps, input: z.output<typeof ZListSurveysInput>) {
  const where: Prisma.SurveyWhereInput = input.state ? { state: input.state } : {};
  const [total, items] = await Promise.all([
    db.survey.count({ where }),
    db.survey.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: {
        id: true,
        title: true,
        state: true,
        opensAt: true,
        closesAt: true,
        targetKind: true,
        createdAt: true,
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  const ids = items.map((s) => s.id);
  // Counts for the page in two grouped queries, never one per survey.
  const [invited, responded] = ids.length
    ? await Promise.all([
        db.surveyInvitation.groupBy({ by: ['surveyId'], where: { surveyId: { in: ids } }, _count: { _all: true } }),
        db.surveyResponse.groupBy({ by: ['surveyId'], where: { surveyId: { in: ids }, state: 'SUBMITTED' }, _count: { _all: true } }),
      ])
    : [[], []];
  const invitedBy = new Map(invited.map((r) => [r.surveyId, r._count._all]));
  const respondedBy = new Map(responded.map((r) => [r.surveyId, r._count._all]));
  return {
    items: items.map((s) => ({ ...s, invited: invitedBy.get(s.id) ?? 0, responded: respondedBy.get(s.id) ?? 0 })),
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

export async function getSurvey({ db, actor }: StaffDeps, input: { id: number }) {
  const survey = await db.survey.findUnique({ where: { id: input.id }, select: { ...SURVEY_SUMMARY, definition: true } });
  if (!survey) throw notFound();
  const [invited, submitted, drafts] = await Promise.all([
    db.surveyInvitation.count({ where: { surveyId: survey.id } }),
    db.surveyResponse.count({ where: { surveyId: survey.id, state: 'SUBMITTED' } }),
    db.surveyResponse.count({ where: { surveyId: survey.id, state: 'DRAFT' } }),
  ]);
  const state = survey.state as SurveyState;
  const isAuthor = survey.createdById === actor.userId;
  const canDraft = hasPermission(actor.roles, 'surveys.draft');
  const canApprove = hasPermission(actor.roles, 'surveys.approve');
  return {
    ...survey,
    sampleRate: survey.sampleRate === null ? null : Number(survey.sampleRate),
    definition: parseDefinition(survey.definition),
    target: parseTarget(survey.targetKind, survey.target, survey.sampleRate),
    counts: { invited, submitted, drafts },
    // What this person may do now: the page shows only these actions (the server checks them again).
    can: {
      edit: canDraft && isEditable(state) && submitted + drafts === 0,
      submit: canDraft && nextState(state, 'submit') !== null,
      approve: canApprove && !isAuthor && nextState(state, 'approve') !== null,
      reject: canApprove && !isAuthor && nextState(state, 'reject') !== null,
      open: canApprove && nextState(state, 'open') !== null,
      close: canApprove && nextState(state, 'close') !== null,
      duplicate: canDraft,
    },
  };
}

function targetColumns(target: TTarget) {
  return {
    targetKind: target.kind,
    target: JSON.parse(JSON.stringify(target)) as Prisma.InputJsonValue,
    sampleRate: target.kind === 'SAMPLE' && target.rate !== undefined ? new Prisma.Decimal(target.rate) : null,
  };
}

function checkWindow(opensAt: Date | null, closesAt: Date | null) {
  if (opensAt && closesAt && closesAt <= opensAt) throw new DomainError('VALIDATION', 'surveys.error.window');
}

export async function createSurvey({ db, actor }: StaffDeps, input: z.output<typeof ZCreateSurveyInput>) {
  checkWindow(input.opensAt, input.closesAt);
  return db.$transaction(async (tx) => {
    const survey = await tx.survey.create({
      data: {
        title: input.title,
        description: input.description,
        definition: JSON.parse(JSON.stringify(input.definition)) as Prisma.InputJsonValue,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        ...targetColumns(input.target),
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await audit(tx, actor, 'survey.create', 'Survey', survey.id, { title: input.title });
    return survey;
  });
}

/**
 * Saves the builder's work. Only a draft (or one awaiting approval, which goes back to draft) changes, and
 * never once answers exist: the survey row is locked first, so an answer cannot slip in between the check
 * and the update.
 */
export async function updateSurvey({ db, actor }: StaffDeps, input: z.output<typeof ZUpdateSurveyInput>) {
  checkWindow(input.opensAt, input.closesAt);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number; state: SurveyState; title: string }[]>`
      SELECT id, state, title FROM "Survey" WHERE id = ${input.id} FOR UPDATE`;
    if (!locked) throw notFound();
    if (!isEditable(locked.state)) throw new DomainError('INVALID_STATE', 'surveys.error.notEditable');
    const answers = await tx.surveyResponse.count({ where: { surveyId: input.id } });
    if (answers > 0) throw new DomainError('INVALID_STATE', 'surveys.error.hasAnswers');
    await tx.survey.update({
      where: { id: input.id },
      data: {
        title: input.title,
        description: input.description,
        definition: JSON.parse(JSON.stringify(input.definition)) as Prisma.InputJsonValue,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        ...targetColumns(input.target),
        state: 'DRAFT',
      },
    });
    await audit(
      tx,
      actor,
      'survey.update',
      'Survey',
      input.id,
      { title: input.title, state: 'DRAFT' },
      { title: locked.title, state: locked.state },
    );
    return { id: input.id };
  });
}

/**
 * A copy to edit, as a draft of the person making it. Its title is theirs to edit and is stored as text, so
 * the "copy" suffix is written in their language (the one their request carries), not always in Chinese.
 */
export async function duplicateSurvey({ db, actor, clock }: StaffDeps, input: TDuplicateSurveyInput) {
  const source = await db.survey.findUnique({
    where: { id: input.id },
    select: { title: true, description: true, definition: true, targetKind: true, target: true, sampleRate: true },
  });
  if (!source) throw notFound();
  const target = parseTarget(source.targetKind, source.target, source.sampleRate);
  return db.$transaction(async (tx) => {
    const copy = await tx.survey.create({
      data: {
        title: translate(input.locale, 'surveys.copyOf', { title: source.title }).slice(0, 120),
        description: source.description,
        definition: source.definition as Prisma.InputJsonValue,
        ...targetColumns(target),
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await audit(tx, actor, 'survey.duplicate', 'Survey', copy.id, { from: input.id, at: clock().toISOString() });
    return copy;
  });
}

// ---------------------------------------------------------------- lifecycle

/**
 * Moves a survey through draft → pending approval → approved → open → closed. Approval is by a manager who
 * did not write it; approving freezes the definition into SurveyQuestion rows (what answers point at);
 * opening sends the invitations through a job after commit.
 */
export async function transitionSurvey({ db, actor, clock }: StaffDeps, input: { id: number; reason?: string }, action: SurveyAction) {
  const now = clock();
  const result = await db.$transaction(async (tx) => {
    const [survey] = await tx.$queryRaw<
      { id: number; state: SurveyState; createdById: number; definition: unknown; opensAt: Date | null; closesAt: Date | null }[]
    >`
      SELECT id, state, "createdById", definition, "opensAt", "closesAt" FROM "Survey" WHERE id = ${input.id} FOR UPDATE`;
    if (!survey) throw notFound();
    const to = nextState(survey.state, action);
    if (!to) throw new DomainError('INVALID_STATE', 'surveys.error.transition');
    if ((action === 'approve' || action === 'reject') && survey.createdById === actor.userId) {
      throw new DomainError('FORBIDDEN', 'surveys.error.ownApproval');
    }
    const data: Prisma.SurveyUpdateInput = { state: to };
    if (action === 'approve') {
      const parsed = ZSurveyDefinition.safeParse(survey.definition);
      if (!parsed.success) throw new DomainError('VALIDATION', 'surveys.error.definitionInvalid');
      await materialiseQuestions(tx, survey.id, parsed.data);
      data.approvedBy = { connect: { id: actor.userId } };
      data.approvedAt = now;
    }
    if (action === 'open') {
      if (survey.closesAt && survey.closesAt <= now) throw new DomainError('INVALID_STATE', 'surveys.error.windowPassed');
      if (!survey.opensAt) data.opensAt = now;
      await enqueueJob(tx, { queue: INVITE_QUEUE, payload: { surveyId: survey.id }, uniqueKey: `survey-invite:${survey.id}` });
    }
    if (action === 'close' && (!survey.closesAt || survey.closesAt > now)) data.closesAt = now;
    await tx.survey.update({ where: { id: survey.id }, data });
    await audit(tx, actor, `survey.${action}`, 'Survey', survey.id, { state: to, reason: input.reason }, { state: survey.state });
    return { id: survey.id, state: to };
  });
  if (action === 'open') {
    // The queued job is the durable path (it survives a crash here and is retried); running it once now makes
    // the invitations appear at once. It is idempotent, so the job's own run later adds nobody twice.
    await sendSurveyInvitations(db, { surveyId: result.id }, now).catch((error: unknown) =>
      getLogger().warn({ err: error, surveyId: result.id }, 'survey invitations left to the job'),
    );
  }
  return result;
}

async function materialiseQuestions(tx: DbTx, surveyId: number, definition: TSurveyDefinition) {
  await tx.surveyQuestion.deleteMany({ where: { surveyId } });
  await tx.surveyQuestion.createMany({
    data: flattenQuestions(definition).map((q) => ({
      surveyId,
      key: q.key,
      dimension: q.dimension,
      weight: new Prisma.Decimal(q.weight),
      type: q.type,
      scaleMin: q.type === 'NPS' ? 0 : (q.scaleMin ?? null),
      scaleMax: q.type === 'NPS' ? 10 : (q.scaleMax ?? null),
      position: q.position,
    })),
  });
}

// ---------------------------------------------------------------- targeting and the sample

/** SQL for the retailers a target covers (active shops only); `r` is the Retailer alias. */
function targetWhere(target: TTarget): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`r.status = 'ACTIVE'`];
  if (target.kind !== 'ALL') {
    if (target.gradeFrom !== undefined) parts.push(Prisma.sql`r.grade >= ${target.gradeFrom}`);
    if (target.gradeTo !== undefined) parts.push(Prisma.sql`r.grade <= ${target.gradeTo}`);
    if (target.classificationCodes.length) parts.push(Prisma.sql`r."classificationCode" = ANY(${target.classificationCodes}::text[])`);
    if (target.districtIds.length) parts.push(Prisma.sql`r."districtId" = ANY(${target.districtIds}::int[])`);
    if (target.markets.length) parts.push(Prisma.sql`r.market::text = ANY(${target.markets}::text[])`);
  }
  return Prisma.join(parts, ' AND ');
}

const STRATUM_SQL = Prisma.sql`(r.market::text || '-' || r."sizeClass" || '-' || r."businessForm"::text || '-' || (CASE WHEN r.grade IS NULL THEN 0 ELSE (r.grade + 9) / 10 END))`;

type StratumCount = { stratum: string; population: number; available: number; invited: number };

/** Per stratum: how many shops the target covers, and how many of them are still under this month's invitation cap. */
async function countStrata(db: DbTx, surveyId: number, target: TTarget, monthStart: Date, cap: number): Promise<StratumCount[]> {
  const rows = await db.$queryRaw<{ stratum: string; population: bigint; available: bigint; invited: bigint }[]>`
    SELECT s.stratum, count(*) AS population, count(*) FILTER (WHERE s.invited OR s.this_month < ${cap}) AS available, count(*) FILTER (WHERE s.invited) AS invited
    FROM (
      SELECT ${STRATUM_SQL} AS stratum,
        EXISTS (SELECT 1 FROM "SurveyInvitation" i WHERE i."surveyId" = ${surveyId} AND i."retailerId" = r.id) AS invited,
        (SELECT count(*) FROM "SurveyInvitation" i WHERE i."retailerId" = r.id AND i."invitedAt" >= ${monthStart}) AS this_month
      FROM "Retailer" r
      WHERE ${targetWhere(target)}
    ) s
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({
    stratum: r.stratum,
    population: Number(r.population),
    available: Number(r.available),
    invited: Number(r.invited),
  }));
}

function planFor(target: TTarget, strata: StratumCount[], defaultRate: number): StratumPlan[] {
  const population = strata.map((s) => ({ key: s.stratum, population: s.population }));
  return target.kind === 'SAMPLE'
    ? allocateSample(population, target.rate ?? defaultRate)
    : population.map((s) => ({ ...s, planned: s.population }));
}

/**
 * Planned and achieved sample per stratum (城乡 × size × form × grade band). Before opening, "achieved" is
 * what the invitations would reach given this month's cap; once open, it is who was invited, with how many
 * of them have answered.
 */
export async function getSamplePlan({ db, clock }: StaffDeps, input: { id: number }) {
  const survey = await db.survey.findUnique({
    where: { id: input.id },
    select: { id: true, state: true, targetKind: true, target: true, sampleRate: true },
  });
  if (!survey) throw notFound();
  const target = parseTarget(survey.targetKind, survey.target, survey.sampleRate);
  const settings = await getSettings(db, ['surveys.sampleRate', 'surveys.invitationsPerMonth']);
  const strata = await countStrata(db, survey.id, target, chinaMonthStart(clock()), settings['surveys.invitationsPerMonth']);
  const plan = planFor(target, strata, settings['surveys.sampleRate']);
  const invitedRows = await db.$queryRaw<{ stratum: string; invited: bigint; responded: bigint }[]>`
    SELECT i.stratum, count(*) AS invited, count(resp.id) AS responded
    FROM "SurveyInvitation" i
    LEFT JOIN "SurveyResponse" resp ON resp."surveyId" = i."surveyId" AND resp."retailerId" = i."retailerId" AND resp.state = 'SUBMITTED'
    WHERE i."surveyId" = ${survey.id}
    GROUP BY i.stratum`;
  const invited = new Map(invitedRows.map((r) => [r.stratum ?? '', { invited: Number(r.invited), responded: Number(r.responded) }]));
  const sent = invitedRows.length > 0;
  const available = new Map(strata.map((s) => [s.stratum, s.available]));
  const keys = [...new Set([...plan.map((p) => p.key), ...invited.keys()])].sort();
  const planned = new Map(plan.map((p) => [p.key, p]));
  const rows = keys.map((key) => {
    const [market = '', sizeClass = '', businessForm = '', gradeBand = ''] = key.split('-');
    const p = planned.get(key);
    const i = invited.get(key);
    const achieved = sent ? (i?.invited ?? 0) : Math.min(p?.planned ?? 0, available.get(key) ?? 0);
    return {
      key,
      market,
      sizeClass: Number(sizeClass),
      businessForm,
      gradeBand: Number(gradeBand),
      population: p?.population ?? 0,
      planned: p?.planned ?? 0,
      achieved,
      responded: i?.responded ?? 0,
      responseRate: achieved > 0 && sent ? (i?.responded ?? 0) / achieved : null,
    };
  });
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    target,
    rate: target.kind === 'SAMPLE' ? (target.rate ?? settings['surveys.sampleRate']) : 1,
    invitationsPerMonth: settings['surveys.invitationsPerMonth'],
    sent,
    rows,
    totals: {
      population: sum((r) => r.population),
      planned: sum((r) => r.planned),
      achieved: sum((r) => r.achieved),
      responded: sum((r) => r.responded),
    },
  };
}

/**
 * The invitation job: chooses the retailers (all, a segment, or each stratum's planned number at random but
 * reproducibly), skips anyone already at this month's cap, and writes the invitations and their inbox
 * entries in one INSERT … SELECT each. A lock serialises invitation runs so two surveys opening together
 * cannot both use a shop's last place under the cap.
 */
export async function sendSurveyInvitations(db: Db, payload: { surveyId: number }, now: Date): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('surveys.invite'))`;
      const survey = await tx.survey.findUnique({
        where: { id: payload.surveyId },
        select: { id: true, title: true, state: true, targetKind: true, target: true, sampleRate: true },
      });
      if (!survey || survey.state !== 'OPEN') return 0;
      const target = parseTarget(survey.targetKind, survey.target, survey.sampleRate);
      const settings = await getSettings(tx, ['surveys.sampleRate', 'surveys.invitationsPerMonth']);
      const cap = settings['surveys.invitationsPerMonth'];
      const monthStart = chinaMonthStart(now);
      const strata = await countStrata(tx, survey.id, target, monthStart, cap);
      // What each stratum still lacks: a second run of the job (a retry, a restart) invites nobody twice over its quota.
      const invited = new Map(strata.map((s) => [s.stratum, s.invited]));
      const quotas = planFor(target, strata, settings['surveys.sampleRate']).map((p) => ({
        key: p.key,
        planned: Math.max(0, p.planned - (invited.get(p.key) ?? 0)),
      }));
      // The invitation notice as a message key: each shop reads it in its own language.
      const notice = { messageKey: 'surveys.notify.invitation', params: { title: survey.title } };
      const link = `/surveys/${survey.id}`;
      const invitations = await tx.$executeRaw`
        WITH eligible AS (
          SELECT r.id, ${STRATUM_SQL} AS stratum
          FROM "Retailer" r
          WHERE ${targetWhere(target)}
            AND NOT EXISTS (SELECT 1 FROM "SurveyInvitation" i WHERE i."surveyId" = ${survey.id} AND i."retailerId" = r.id)
            AND (SELECT count(*) FROM "SurveyInvitation" i WHERE i."retailerId" = r.id AND i."invitedAt" >= ${monthStart}) < ${cap}
        ), ranked AS (
          SELECT e.id, e.stratum, row_number() OVER (PARTITION BY e.stratum ORDER BY md5(${String(survey.id)} || ':' || e.id)) AS n
          FROM eligible e
        ), chosen AS (
          SELECT ranked.id, ranked.stratum
          FROM ranked JOIN jsonb_to_recordset(${JSON.stringify(quotas)}::jsonb) AS q(key text, planned int) ON q.key = ranked.stratum
          WHERE ranked.n <= q.planned
        ), inserted AS (
          INSERT INTO "SurveyInvitation" ("surveyId", "retailerId", stratum, "invitedAt")
          SELECT ${survey.id}, id, stratum, ${now} FROM chosen
          ON CONFLICT DO NOTHING
          RETURNING "retailerId"
        )
        INSERT INTO "Notification" ("retailerId", kind, "messageKey", params, link, "createdAt")
        SELECT "retailerId", 'SURVEY_INVITATION', ${notice.messageKey}, ${JSON.stringify(notice.params)}::jsonb, ${link}, ${now} FROM inserted`;
      await queueFanOutDeliveries(tx, { kind: 'SURVEY_INVITATION', messageKey: notice.messageKey, link, createdAt: now });
      return invitations;
    },
    { timeout: 120_000 },
  );
}

/** Districts for the target editor. */
export async function getTargetOptions({ db }: StaffDeps) {
  const districts = await db.district.findMany({
    where: { active: true },
    orderBy: { code: 'asc' },
    select: { id: true, name: true, nameEn: true },
  });
  const settings = await getSettings(db, ['surveys.sampleRate']);
  return { districts, defaultSampleRate: settings['surveys.sampleRate'] };
}

// ---------------------------------------------------------------- answering

type AnswerableSurvey = {
  id: number;
  title: string;
  description: string;
  state: string;
  opensAt: Date | null;
  closesAt: Date | null;
  definition: TSurveyDefinition;
};

/** The survey if the retailer is invited to it; NOT_FOUND otherwise, so ids cannot be probed. */
async function invitedSurvey(db: DbTx, surveyId: number, retailerId: number): Promise<AnswerableSurvey> {
  const invitation = await db.surveyInvitation.findUnique({
    where: { surveyId_retailerId: { surveyId, retailerId } },
    select: {
      survey: { select: { id: true, title: true, description: true, state: true, opensAt: true, closesAt: true, definition: true } },
    },
  });
  if (!invitation || !['OPEN', 'CLOSED'].includes(invitation.survey.state)) throw notFound();
  return { ...invitation.survey, definition: parseDefinition(invitation.survey.definition) };
}

function assertAcceptsAnswers(survey: AnswerableSurvey, now: Date) {
  if (!acceptsAnswers(survey, now)) throw new DomainError('INVALID_STATE', 'surveys.error.notOpen');
}

/** The retailer's surveys: open ones first, then what they answered before; at most 50 (a shop gets a few a month). */
export async function listMySurveys({ db, actor, clock }: RetailerDeps) {
  const now = clock();
  const rows = await db.surveyInvitation.findMany({
    where: { retailerId: actor.retailerId, survey: { state: { in: ['OPEN', 'CLOSED'] } } },
    orderBy: { invitedAt: 'desc' },
    take: 50,
    select: {
      invitedAt: true,
      survey: { select: { id: true, title: true, description: true, state: true, opensAt: true, closesAt: true } },
    },
  });
  const responses = await db.surveyResponse.findMany({
    where: { retailerId: actor.retailerId, surveyId: { in: rows.map((r) => r.survey.id) } },
    select: { surveyId: true, state: true, submittedAt: true, updatedAt: true },
  });
  const bySurvey = new Map(responses.map((r) => [r.surveyId, r]));
  // A survey opened ahead of its window waits until the window starts.
  const items = rows
    .filter((r) => !(r.survey.opensAt && r.survey.opensAt > now))
    .map((r) => ({
      ...r.survey,
      invitedAt: r.invitedAt,
      open: acceptsAnswers(r.survey, now),
      response: bySurvey.get(r.survey.id) ?? null,
    }));
  const open = items.filter((i) => i.open && i.response?.state !== 'SUBMITTED');
  return { open, done: items.filter((i) => !open.includes(i)) };
}

export async function getMySurvey({ db, actor, clock }: RetailerDeps, input: { surveyId: number }) {
  const survey = await invitedSurvey(db, input.surveyId, actor.retailerId);
  const response = await db.surveyResponse.findUnique({
    where: { surveyId_retailerId: { surveyId: survey.id, retailerId: actor.retailerId } },
    select: { state: true, answers: true, updatedAt: true, submittedAt: true, channel: true },
  });
  return {
    id: survey.id,
    title: survey.title,
    description: survey.description,
    opensAt: survey.opensAt,
    closesAt: survey.closesAt,
    definition: survey.definition,
    open: acceptsAnswers(survey, clock()),
    response: response ? { ...response, answers: (response.answers ?? {}) as TAnswers } : null,
  };
}

/**
 * Autosave: one draft per retailer and survey (the unique key), overwritten in place; refused once submitted.
 * A second device reads the same draft.
 */
export async function saveDraft({ db, actor, clock }: RetailerDeps, input: { surveyId: number; answers: TAnswers }) {
  const now = clock();
  const survey = await invitedSurvey(db, input.surveyId, actor.retailerId);
  assertAcceptsAnswers(survey, now);
  const answers = JSON.stringify(cleanDraft(survey.definition, input.answers));
  const saved = await db.$queryRaw<{ id: number; updatedAt: Date }[]>`
    INSERT INTO "SurveyResponse" ("surveyId", "retailerId", state, channel, answers, "startedAt", "updatedAt")
    VALUES (${survey.id}, ${actor.retailerId}, 'DRAFT', 'PORTAL', ${answers}::jsonb, ${now}, ${now})
    ON CONFLICT ("surveyId", "retailerId") DO UPDATE SET answers = EXCLUDED.answers, "updatedAt" = EXCLUDED."updatedAt"
    WHERE "SurveyResponse".state = 'DRAFT'
    RETURNING id, "updatedAt"`;
  if (!saved[0]) throw new DomainError('INVALID_STATE', 'surveys.error.alreadySubmitted');
  return { savedAt: saved[0].updatedAt };
}

/** The shop's figures a response is counted under in the running totals. */
type Shop = { districtId: number; market: string; businessForm: string; grade: number | null; accountManagerId: number | null };

type SubmitInput = {
  survey: AnswerableSurvey;
  retailerId: number;
  /** Read already by the caller, or read here. */
  shop?: Shop;
  answers: TAnswers;
  channel: 'PORTAL' | 'PHONE' | 'VISIT';
  enteredById: number | null;
};

/**
 * The one way a response becomes final: the answers checked against the definition (required and show-if
 * rules, ranges), then in one statement (so one transaction) the response row turned SUBMITTED (insert or the draft updated,
 * never a submitted one), its answers normalised, the index's running totals moved, and the audit row.
 * Two submits at once (two tabs, a double click) meet at the unique (surveyId, retailerId): the second finds
 * the response submitted and gets it back unchanged.
 */
async function submit(db: Db, actor: Actor, now: Date, input: SubmitInput) {
  const { survey } = input;
  const checked = validateAnswers(survey.definition, input.answers);
  if (checked.issues.length > 0) {
    const labels = new Map(flattenQuestions(survey.definition).map((q) => [q.key, q.label]));
    throw new DomainError('VALIDATION', 'surveys.error.answersInvalid', {
      questions: checked.issues.map((i) => labels.get(i.questionKey) ?? i.questionKey).slice(0, 5),
    });
  }
  const existing = async () => {
    const found = await db.surveyResponse.findUnique({
      where: { surveyId_retailerId: { surveyId: survey.id, retailerId: input.retailerId } },
      select: { id: true, submittedAt: true },
    });
    return { responseId: found!.id, submittedAt: found!.submittedAt!, alreadySubmitted: true };
  };
  const shop =
    input.shop ??
    (await db.retailer.findUnique({
      where: { id: input.retailerId },
      select: { districtId: true, market: true, businessForm: true, grade: true, accountManagerId: true },
    }));
  if (!shop) throw notFound();
  const cell: Cell = {
    districtId: shop.districtId,
    market: shop.market,
    businessForm: shop.businessForm,
    gradeBand: gradeBandOf(shop.grade),
    accountManagerId: shop.accountManagerId ?? 0,
  };
  const rows = normaliseAnswers(survey.definition, checked.answers);
  const after = JSON.stringify({ surveyId: survey.id, retailerId: input.retailerId, channel: input.channel });
  try {
    // One statement, so one round trip and one implicit transaction: the running totals' rows stay locked
    // only while it runs, which is what lets many shops submit at once (bench/survey-submit).
    const [row] = await db.$queryRaw<{ id: number }[]>`
      WITH resp AS (
        INSERT INTO "SurveyResponse" ("surveyId", "retailerId", state, channel, "enteredById", answers, "startedAt", "updatedAt", "submittedAt",
          "districtId", market, "businessForm", "gradeBand", "accountManagerId")
        VALUES (${survey.id}, ${input.retailerId}, 'SUBMITTED', ${input.channel}::"ResponseChannel", ${input.enteredById}, ${JSON.stringify(checked.answers)}::jsonb, ${now}, ${now}, ${now},
          ${shop.districtId}, ${shop.market}::"Market", ${shop.businessForm}::"BusinessForm", ${cell.gradeBand}, ${shop.accountManagerId})
        ON CONFLICT ("surveyId", "retailerId") DO UPDATE SET state = 'SUBMITTED', channel = EXCLUDED.channel, "enteredById" = EXCLUDED."enteredById",
          answers = EXCLUDED.answers, "updatedAt" = EXCLUDED."updatedAt", "submittedAt" = EXCLUDED."submittedAt",
          "districtId" = EXCLUDED."districtId", market = EXCLUDED.market, "businessForm" = EXCLUDED."businessForm",
          "gradeBand" = EXCLUDED."gradeBand", "accountManagerId" = EXCLUDED."accountManagerId"
        WHERE "SurveyResponse".state = 'DRAFT'
        RETURNING id
      ), answers AS (
        INSERT INTO "SurveyAnswer" ("responseId", "questionId", "rowKey", "numericValue", choices, text)
        SELECT resp.id, q.id, a."rowKey", a."numericValue", ARRAY(SELECT jsonb_array_elements_text(a.choices)), a.text
        FROM resp
        CROSS JOIN jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS a("questionKey" text, "rowKey" text, "numericValue" int, choices jsonb, text text)
        JOIN "SurveyQuestion" q ON q."surveyId" = ${survey.id} AND q.key = a."questionKey"
        RETURNING "questionId", "numericValue"
      ), cells AS (${indexCellsSql(survey.id, cell)}
      ), respondents AS (
        INSERT INTO "SurveyRespondentCell" ("surveyId", "districtId", market, "businessForm", "gradeBand", "accountManagerId", respondents)
        SELECT ${survey.id}, ${cell.districtId}, ${cell.market}::"Market", ${cell.businessForm}::"BusinessForm", ${cell.gradeBand}, ${cell.accountManagerId}, 1 FROM resp
        ON CONFLICT ("surveyId", "districtId", market, "businessForm", "gradeBand", "accountManagerId") DO UPDATE SET respondents = "SurveyRespondentCell".respondents + 1
      ), logged AS (
        INSERT INTO "AuditLog" ("actorStaffId", "actorLoginId", action, "entityType", "entityId", after)
        SELECT ${actor.kind === 'staff' ? actor.userId : null}::int, ${actor.kind === 'retailer' ? actor.loginId : null}::int, 'survey.response.submit', 'SurveyResponse', resp.id::text, ${after}::jsonb FROM resp
      )
      SELECT id FROM resp`;
    return row ? { responseId: row.id, submittedAt: now, alreadySubmitted: false } : await existing();
  } catch (error) {
    if (isUniqueViolation(error)) return existing();
    throw error;
  }
}

type Cell = { districtId: number; market: string; businessForm: string; gradeBand: number; accountManagerId: number };

/**
 * The running totals' upsert for one response's rating and NPS answers (the `answers` CTE beside it: what the
 * same statement just inserted), in key order, so that concurrent submits cannot deadlock.
 */
function indexCellsSql(surveyId: number, cell: Cell): Prisma.Sql {
  return Prisma.sql`
        INSERT INTO "SurveyIndexCell" ("surveyId", "questionId", "districtId", market, "businessForm", "gradeBand", "accountManagerId", "valueSum", "answerCount", promoters, detractors)
        SELECT ${surveyId}, q.id, ${cell.districtId}, ${cell.market}::"Market", ${cell.businessForm}::"BusinessForm", ${cell.gradeBand}, ${cell.accountManagerId},
          sum(a."numericValue" - coalesce(q."scaleMin", CASE WHEN q.type = 'NPS' THEN 0 ELSE 1 END)), count(*),
          count(*) FILTER (WHERE q.type = 'NPS' AND a."numericValue" >= 9), count(*) FILTER (WHERE q.type = 'NPS' AND a."numericValue" <= 6)
        FROM answers a JOIN "SurveyQuestion" q ON q.id = a."questionId"
        WHERE q.type IN ('RATING', 'MATRIX', 'NPS') AND a."numericValue" IS NOT NULL
        GROUP BY q.id ORDER BY q.id
        ON CONFLICT ("surveyId", "questionId", "districtId", market, "businessForm", "gradeBand", "accountManagerId") DO UPDATE SET
          "valueSum" = "SurveyIndexCell"."valueSum" + EXCLUDED."valueSum",
          "answerCount" = "SurveyIndexCell"."answerCount" + EXCLUDED."answerCount",
          promoters = "SurveyIndexCell".promoters + EXCLUDED.promoters,
          detractors = "SurveyIndexCell".detractors + EXCLUDED.detractors`;
}

/**
 * Rebuilds a survey's running totals from its submitted answers: for data loaded in bulk (the demo seed, the
 * benchmark) and as a repair. The same arithmetic as indexCellsSql, over all responses at once.
 */
export async function rebuildIndexCells(db: DbTx, surveyId: number): Promise<void> {
  await db.$executeRaw`DELETE FROM "SurveyIndexCell" WHERE "surveyId" = ${surveyId}`;
  await db.$executeRaw`DELETE FROM "SurveyRespondentCell" WHERE "surveyId" = ${surveyId}`;
  await db.$executeRaw`
    INSERT INTO "SurveyIndexCell" ("surveyId", "questionId", "districtId", market, "businessForm", "gradeBand", "accountManagerId", "valueSum", "answerCount", promoters, detractors)
    SELECT ${surveyId}, q.id, resp."districtId", resp.market, resp."businessForm", resp."gradeBand", coalesce(resp."accountManagerId", 0),
      sum(a."numericValue" - coalesce(q."scaleMin", CASE WHEN q.type = 'NPS' THEN 0 ELSE 1 END)), count(*),
      count(*) FILTER (WHERE q.type = 'NPS' AND a."numericValue" >= 9), count(*) FILTER (WHERE q.type = 'NPS' AND a."numericValue" <= 6)
    FROM "SurveyResponse" resp
    JOIN "SurveyAnswer" a ON a."responseId" = resp.id
    JOIN "SurveyQuestion" q ON q.id = a."questionId"
    WHERE resp."surveyId" = ${surveyId} AND resp.state = 'SUBMITTED' AND resp."districtId" IS NOT NULL
      AND q.type IN ('RATING', 'MATRIX', 'NPS') AND a."numericValue" IS NOT NULL
    GROUP BY 2, 3, 4, 5, 6, 7`;
  await db.$executeRaw`
    INSERT INTO "SurveyRespondentCell" ("surveyId", "districtId", market, "businessForm", "gradeBand", "accountManagerId", respondents)
    SELECT ${surveyId}, resp."districtId", resp.market, resp."businessForm", resp."gradeBand", coalesce(resp."accountManagerId", 0), count(*)
    FROM "SurveyResponse" resp
    WHERE resp."surveyId" = ${surveyId} AND resp.state = 'SUBMITTED' AND resp."districtId" IS NOT NULL
    GROUP BY 2, 3, 4, 5, 6`;
}

export async function submitMyResponse({ db, actor, clock }: RetailerDeps, input: { surveyId: number; answers: TAnswers }) {
  const now = clock();
  // One read for everything a submission checks (the invitation with its survey, the shop's response so far,
  // the shop's figures for the running totals): a submission is this read and one writing statement.
  const [found] = await db.$queryRaw<
    (Omit<AnswerableSurvey, 'definition'> & {
      definition: unknown;
      responseId: number | null;
      responseState: string | null;
      submittedAt: Date | null;
      shop: Shop;
    })[]
  >`
    SELECT s.id, s.title, s.description, s.state, s."opensAt", s."closesAt", s.definition,
      r.id AS "responseId", r.state AS "responseState", r."submittedAt",
      json_build_object('districtId', sh."districtId", 'market', sh.market, 'businessForm', sh."businessForm", 'grade', sh.grade,
        'accountManagerId', sh."accountManagerId") AS shop
    FROM "SurveyInvitation" i
    JOIN "Survey" s ON s.id = i."surveyId"
    JOIN "Retailer" sh ON sh.id = i."retailerId"
    LEFT JOIN "SurveyResponse" r ON r."surveyId" = i."surveyId" AND r."retailerId" = i."retailerId"
    WHERE i."surveyId" = ${input.surveyId} AND i."retailerId" = ${actor.retailerId} AND s.state IN ('OPEN', 'CLOSED')`;
  if (!found) throw notFound();
  // A second click after the first went through: the same answer back, not an error.
  if (found.responseState === 'SUBMITTED')
    return { responseId: found.responseId!, submittedAt: found.submittedAt!, alreadySubmitted: true };
  const { responseId: _r, responseState: _s, submittedAt: _a, shop, ...survey } = found;
  const answerable = { ...survey, definition: parseDefinition(survey.definition) };
  assertAcceptsAnswers(answerable, now);
  return submit(db, actor as RetailerActor, now, {
    survey: answerable,
    retailerId: actor.retailerId,
    shop,
    answers: input.answers,
    channel: 'PORTAL',
    enteredById: null,
  });
}

// ---------------------------------------------------------------- phone and visit entry

/** Open surveys an agent may enter answers for. */
export async function listSurveysForEntry({ db, clock }: StaffDeps) {
  const now = clock();
  const surveys = await db.survey.findMany({
    where: { state: 'OPEN' },
    orderBy: { opensAt: 'desc' },
    take: 50,
    select: { id: true, title: true, state: true, opensAt: true, closesAt: true },
  });
  return surveys.filter((s) => acceptsAnswers(s, now));
}

export async function getSurveyForEntry({ db, clock }: StaffDeps, input: { id: number }) {
  const survey = await db.survey.findUnique({
    where: { id: input.id },
    select: { id: true, title: true, description: true, state: true, opensAt: true, closesAt: true, definition: true },
  });
  if (!survey || survey.state !== 'OPEN') throw notFound();
  return { ...survey, definition: parseDefinition(survey.definition), open: acceptsAnswers(survey, clock()) };
}

/**
 * The retailer an agent is on the phone with, by licence number: only one in the staff member's scope (an
 * account manager's own shops) and invited to this survey; with their draft if they started in the portal.
 */
export async function findRespondent({ db, actor }: StaffDeps, input: z.output<typeof ZFindRespondentInput>) {
  const shop = await db.retailer.findFirst({
    where: { AND: [retailerScope(actor), { licenceNo: input.licenceNo }] },
    select: {
      id: true,
      licenceNo: true,
      shopName: true,
      ownerName: true,
      phone: true,
      grade: true,
      district: { select: { name: true, nameEn: true } },
    },
  });
  if (!shop) throw new DomainError('NOT_FOUND', 'surveys.error.retailerNotFound');
  const [invitation, response] = await Promise.all([
    db.surveyInvitation.findUnique({
      where: { surveyId_retailerId: { surveyId: input.surveyId, retailerId: shop.id } },
      select: { invitedAt: true },
    }),
    db.surveyResponse.findUnique({
      where: { surveyId_retailerId: { surveyId: input.surveyId, retailerId: shop.id } },
      select: { state: true, answers: true, channel: true, submittedAt: true },
    }),
  ]);
  if (!invitation) throw new DomainError('NOT_FOUND', 'surveys.error.notInvited');
  return { retailer: shop, response: response ? { ...response, answers: (response.answers ?? {}) as TAnswers } : null };
}

export async function enterResponse({ db, actor, clock }: StaffDeps, input: z.output<typeof ZEnterResponseInput>) {
  const now = clock();
  const shop = await db.retailer.findFirst({ where: { AND: [retailerScope(actor), { id: input.retailerId }] }, select: { id: true } });
  if (!shop) throw notFound();
  const survey = await invitedSurvey(db, input.surveyId, shop.id).catch(() => {
    throw new DomainError('NOT_FOUND', 'surveys.error.notInvited');
  });
  const current = await db.surveyResponse.findUnique({
    where: { surveyId_retailerId: { surveyId: survey.id, retailerId: shop.id } },
    select: { state: true },
  });
  if (current?.state === 'SUBMITTED') throw new DomainError('CONFLICT', 'surveys.error.alreadySubmitted');
  assertAcceptsAnswers(survey, now);
  return submit(db, actor as StaffActor, now, {
    survey,
    retailerId: shop.id,
    answers: input.answers,
    channel: input.channel,
    enteredById: actor.userId,
  });
}
