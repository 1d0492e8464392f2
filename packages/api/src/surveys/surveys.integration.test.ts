import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import type { StaffActor } from '../actor';
import { queryImportance, queryIndexGroups, queryIndexWithBreakdowns } from './surveys.analytics';
import { exportRows } from './surveys.export';
import { computeIndex, computeNps, pearson, scaleRating, type IndexQuestion } from './surveys.rules';
import type { TSurveyDefinition, TTargetInput } from './surveys.schema';
import { rebuildIndexCells, sendSurveyInvitations } from './surveys.service';

const db = testDb();

let passwordHash: string;
let marketing: Awaited<ReturnType<typeof createStaff>>;
let manager: Awaited<ReturnType<typeof createStaff>>;
let manager2: Awaited<ReturnType<typeof createStaff>>;
let agent: Awaited<ReturnType<typeof createStaff>>;
let exec: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  [marketing, manager, manager2, agent, exec] = await Promise.all([
    createStaff(db, { roles: ['MARKETING'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
    createStaff(db, { roles: ['SERVICE_AGENT'], passwordHash }),
    createStaff(db, { roles: ['EXECUTIVE'], passwordHash }),
  ]);
});

const staff = (user: Awaited<ReturnType<typeof createStaff>>) => backofficeCallerFor(db, staffActor(user));
const portal = (shop: Awaited<ReturnType<typeof createRetailer>>) => portalCallerFor(db, retailerActor(shop));

function definition(): TSurveyDefinition {
  return {
    sections: [
      {
        key: 'supply',
        dimension: 'SUPPLY',
        weight: 0.5,
        title: '卷烟供应',
        questions: [
          { key: 'supply_a', type: 'RATING', label: '货源满足需要', required: true, scaleMin: 1, scaleMax: 5 },
          { key: 'supply_b', type: 'RATING', label: '投放公平', required: true, scaleMin: 1, scaleMax: 5 },
          {
            key: 'why',
            type: 'TEXT',
            label: '哪里不满意',
            required: true,
            showIf: { mode: 'any', conditions: [{ questionKey: 'supply_a', op: 'lte', value: 2 }] },
          },
        ],
      },
      {
        key: 'delivery',
        dimension: 'DELIVERY',
        weight: 0.3,
        title: '送货服务',
        questions: [
          {
            key: 'delivery_m',
            type: 'MATRIX',
            label: '送货',
            required: true,
            scaleMin: 1,
            scaleMax: 10,
            rows: [
              { key: 'time', label: '准时' },
              { key: 'care', label: '态度' },
            ],
          },
          {
            key: 'channel',
            type: 'SINGLE_CHOICE',
            label: '订货方式',
            required: false,
            options: [
              { value: 'online', label: '网上' },
              { value: 'phone', label: '电话' },
            ],
          },
        ],
      },
      {
        key: 'market',
        dimension: 'MARKET',
        weight: 0.2,
        title: '市场管理',
        questions: [
          { key: 'market_a', type: 'RATING', label: '执法规范', required: true, scaleMin: 0, scaleMax: 10 },
          { key: 'nps', type: 'NPS', label: '推荐', required: true },
          { key: 'note', type: 'TEXT', label: '建议', required: false },
        ],
      },
    ],
  };
}

/** Marketing drafts, another manager approves, a manager opens: the survey is open with its invitations sent. */
async function openSurvey(target: TTargetInput, title = `测试问卷${Date.now()}`) {
  const { id } = await staff(marketing).surveys.create({
    title,
    description: '',
    opensAt: null,
    closesAt: new Date(Date.now() + 30 * 86_400_000),
    target,
    definition: definition(),
  });
  await staff(marketing).surveys.submitForApproval({ id });
  await staff(manager).surveys.approve({ id });
  await staff(manager).surveys.open({ id });
  return id;
}

function answersFor(i: number) {
  const a = 1 + (i % 5);
  return {
    supply_a: a,
    supply_b: 1 + ((i * 3) % 5),
    ...(a <= 2 ? { why: `原因${i}` } : {}),
    delivery_m: { time: 1 + ((i * 7) % 10), care: 1 + ((i * 11) % 10) },
    channel: i % 2 ? 'online' : 'phone',
    market_a: (i * 5) % 11,
    nps: (i * 13) % 11,
    note: i % 3 === 0 ? `建议${i}` : '',
  };
}

describe('lifecycle', () => {
  it('runs draft → pending → approved → open → closed, each step by the right people', async () => {
    const district = await createDistrict(db);
    const shops = await Promise.all([1, 2, 3].map(() => createRetailer(db, { districtId: district.id, passwordHash })));
    const { id } = await staff(marketing).surveys.create({
      title: '生命周期',
      description: '说明',
      opensAt: null,
      closesAt: null,
      target: { kind: 'SEGMENT', districtIds: [district.id] },
      definition: definition(),
    });

    await expect(
      staff(agent).surveys.create({
        title: 'x',
        description: '',
        opensAt: null,
        closesAt: null,
        target: { kind: 'ALL' },
        definition: definition(),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(marketing).surveys.approve({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(manager).surveys.open({ id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    await staff(marketing).surveys.submitForApproval({ id });
    await staff(manager).surveys.approve({ id });
    const approved = await staff(manager).surveys.get({ id });
    expect(approved.state).toBe('APPROVED');
    expect(approved.approvedBy?.id).toBe(manager.id);
    expect(await db.surveyQuestion.count({ where: { surveyId: id } })).toBe(8);
    // Frozen once approved.
    await expect(
      staff(marketing).surveys.update({
        id,
        title: '改',
        description: '',
        opensAt: null,
        closesAt: null,
        target: { kind: 'ALL' },
        definition: definition(),
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });

    await staff(manager).surveys.open({ id });
    expect(await db.surveyInvitation.count({ where: { surveyId: id } })).toBe(3);
    expect(
      await db.notification.count({
        where: { retailerId: { in: shops.map((s) => s.id) }, kind: 'SURVEY_INVITATION', link: `/surveys/${id}` },
      }),
    ).toBe(3);
    // The queued job finds nothing left to do.
    await sendSurveyInvitations(db, { surveyId: id }, new Date());
    expect(await db.surveyInvitation.count({ where: { surveyId: id } })).toBe(3);
    expect(await db.notification.count({ where: { retailerId: { in: shops.map((s) => s.id) }, link: `/surveys/${id}` } })).toBe(3);

    await staff(manager).surveys.close({ id });
    expect((await staff(manager).surveys.get({ id })).state).toBe('CLOSED');
    expect(await db.auditLog.count({ where: { entityType: 'Survey', entityId: String(id) } })).toBe(5);
  });

  it('refuses approval by the manager who wrote it, and by anyone twice', async () => {
    const { id } = await staff(manager).surveys.create({
      title: '自己写的',
      description: '',
      opensAt: null,
      closesAt: null,
      target: { kind: 'ALL' },
      definition: definition(),
    });
    await expect(staff(manager).surveys.approve({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await staff(manager2).surveys.approve({ id });
    await expect(staff(manager2).surveys.approve({ id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('refuses a definition that breaks the rules, with nothing saved', async () => {
    const bad = definition();
    bad.sections[0]!.questions[2]!.showIf = { mode: 'all', conditions: [{ questionKey: 'nps', op: 'gte', value: 9 }] };
    const title = `坏的${Date.now()}`;
    await expect(
      staff(marketing).surveys.create({ title, description: '', opensAt: null, closesAt: null, target: { kind: 'ALL' }, definition: bad }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.survey.count({ where: { title } })).toBe(0);
  });

  it('copies a survey as a draft whose title says "copy" in the language of the person copying it', async () => {
    const title = `复制${Date.now()}`;
    const { id } = await staff(marketing).surveys.create({
      title,
      description: '说明',
      opensAt: null,
      closesAt: null,
      target: { kind: 'ALL' },
      definition: definition(),
    });
    const zh = await staff(marketing).surveys.duplicate({ id, locale: 'zh-CN' });
    const en = await staff(marketing).surveys.duplicate({ id, locale: 'en' });
    const copies = await db.survey.findMany({ where: { id: { in: [zh.id, en.id] } }, select: { id: true, title: true, state: true } });
    expect(copies.find((c) => c.id === zh.id)).toMatchObject({ title: `${title}（副本）`, state: 'DRAFT' });
    expect(copies.find((c) => c.id === en.id)).toMatchObject({ title: `${title} (copy)`, state: 'DRAFT' });
    await expect(staff(agent).surveys.duplicate({ id, locale: 'en' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(marketing).surveys.duplicate({ id, locale: 'fr' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('keeps retailers and anonymous callers out of the back office', async () => {
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    await expect(portalCallerFor(db, null).surveys.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(backofficeCallerFor(db, retailerActor(shop)).surveys.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, null).surveys.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(portalCallerFor(db, staffActor(agent)).surveys.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('answering in the portal', () => {
  it('autosaves a draft that another device resumes, then submits once', async () => {
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const id = await openSurvey({ kind: 'SEGMENT', districtIds: [district.id] });
    const mine = await portal(shop).surveys.list();
    expect(mine.open.map((s) => s.id)).toEqual([id]);

    await portal(shop).surveys.saveDraft({ surveyId: id, answers: { supply_a: 4, ghost: 3 } });
    // The clerk's phone (another session of the same shop) reads the same draft.
    const clerk = await db.retailerLogin.create({
      data: { retailerId: shop.id, loginName: `${shop.licenceNo}-1`, role: 'CLERK', displayName: '店员', passwordHash },
    });
    const other = portalCallerFor(db, { kind: 'retailer', retailerId: shop.id, loginId: clerk.id });
    const resumed = await other.surveys.get({ surveyId: id });
    expect(resumed.response).toMatchObject({ state: 'DRAFT', answers: { supply_a: 4 } });

    const answers = answersFor(3);
    const [a, b] = await Promise.all([
      portal(shop).surveys.submit({ surveyId: id, answers }),
      other.surveys.submit({ surveyId: id, answers }),
    ]);
    expect(a.responseId).toBe(b.responseId);
    expect([a.alreadySubmitted, b.alreadySubmitted].sort()).toEqual([false, true]);
    expect(await db.surveyResponse.count({ where: { surveyId: id, retailerId: shop.id } })).toBe(1);
    // 2 ratings, the matrix's 2 rows, choice, rating, NPS, note: 8 answer rows, once.
    expect(await db.surveyAnswer.count({ where: { responseId: a.responseId } })).toBe(8);
    expect(await db.surveyRespondentCell.aggregate({ where: { surveyId: id }, _sum: { respondents: true } })).toMatchObject({
      _sum: { respondents: 1 },
    });

    await expect(portal(shop).surveys.saveDraft({ surveyId: id, answers })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const again = await portal(shop).surveys.submit({ surveyId: id, answers: answersFor(4) });
    expect(again).toMatchObject({ responseId: a.responseId, alreadySubmitted: true });
    const stored = await db.surveyResponse.findUniqueOrThrow({ where: { id: a.responseId } });
    expect(stored).toMatchObject({ state: 'SUBMITTED', channel: 'PORTAL', districtId: district.id, gradeBand: 1 });
    expect((await portal(shop).surveys.list()).done.map((s) => s.id)).toContain(id);
  });

  it('makes one response from many concurrent first submits', async () => {
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const id = await openSurvey({ kind: 'SEGMENT', districtIds: [district.id] });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => portal(shop).surveys.submit({ surveyId: id, answers: answersFor(7) })),
    );
    expect(new Set(results.map((r) => r.responseId)).size).toBe(1);
    expect(results.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    expect(await db.surveyResponse.count({ where: { surveyId: id } })).toBe(1);
    const cells = await db.surveyRespondentCell.findMany({ where: { surveyId: id } });
    expect(cells.map((c) => c.respondents)).toEqual([1]);
    // The answers, the index's running totals and the audit row come with the one response, once.
    const response = await db.surveyResponse.findFirstOrThrow({ where: { surveyId: id }, select: { id: true } });
    const indexCells = await db.surveyIndexCell.findMany({ where: { surveyId: id } });
    expect(indexCells.length).toBeGreaterThan(0);
    const scored = await db.surveyAnswer.count({
      where: { responseId: response.id, numericValue: { not: null }, question: { type: { in: ['RATING', 'MATRIX', 'NPS'] } } },
    });
    expect(indexCells.reduce((sum, c) => sum + c.answerCount, 0)).toBe(scored);
    expect(await db.auditLog.count({ where: { action: 'survey.response.submit', entityId: String(response.id) } })).toBe(1);
  });

  it('enforces required and conditional rules on the server', async () => {
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const id = await openSurvey({ kind: 'SEGMENT', districtIds: [district.id] });
    const low = { ...answersFor(0), supply_a: 1 } as Record<string, unknown>;
    delete low.why;
    // The questions travel as a list, joined in the reader's language when the message is shown.
    await expect(portal(shop).surveys.submit({ surveyId: id, answers: low as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'surveys.error.answersInvalid', params: { questions: ['哪里不满意'] } },
    });
    await expect(portal(shop).surveys.submit({ surveyId: id, answers: { ...answersFor(2), nps: 11 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await db.surveyResponse.count({ where: { surveyId: id, state: 'SUBMITTED' } })).toBe(0);
    // With the rating above 2 the follow-up is hidden: not required, and an answer to it is dropped.
    const result = await portal(shop).surveys.submit({ surveyId: id, answers: { ...answersFor(2), supply_a: 4, why: '不该保存' } });
    const rows = await db.surveyAnswer.findMany({ where: { responseId: result.responseId }, select: { text: true } });
    expect(rows.map((r) => r.text)).not.toContain('不该保存');
  });

  it('answers NOT_FOUND for a survey the shop is not invited to', async () => {
    const district = await createDistrict(db);
    const other = await createDistrict(db);
    const outsider = await createRetailer(db, { districtId: other.id, passwordHash });
    await createRetailer(db, { districtId: district.id, passwordHash });
    const id = await openSurvey({ kind: 'SEGMENT', districtIds: [district.id] });
    await expect(portal(outsider).surveys.get({ surveyId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(portal(outsider).surveys.submit({ surveyId: id, answers: answersFor(1) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('phone and visit entry', () => {
  it('lets an agent enter a shop’s answers with the channel, and only once', async () => {
    const district = await createDistrict(db);
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const id = await openSurvey({ kind: 'SEGMENT', districtIds: [district.id] });
    const found = await staff(agent).surveys.entry.findRespondent({ surveyId: id, licenceNo: shop.licenceNo });
    expect(found.retailer.id).toBe(shop.id);
    const result = await staff(agent).surveys.entry.submit({ surveyId: id, retailerId: shop.id, channel: 'PHONE', answers: answersFor(6) });
    expect(await db.surveyResponse.findUniqueOrThrow({ where: { id: result.responseId } })).toMatchObject({
      channel: 'PHONE',
      enteredById: agent.id,
      state: 'SUBMITTED',
    });
    await expect(
      staff(agent).surveys.entry.submit({ surveyId: id, retailerId: shop.id, channel: 'VISIT', answers: answersFor(6) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps account managers to their own shops and refuses those without the permission', async () => {
    const district = await createDistrict(db);
    const am = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const shop = await createRetailer(db, { districtId: district.id, passwordHash });
    const id = await openSurvey({ kind: 'SEGMENT', districtIds: [district.id] });
    await expect(staff(am).surveys.entry.findRespondent({ surveyId: id, licenceNo: shop.licenceNo })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      staff(am).surveys.entry.submit({ surveyId: id, retailerId: shop.id, channel: 'VISIT', answers: answersFor(1) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      staff(marketing).surveys.entry.submit({ surveyId: id, retailerId: shop.id, channel: 'PHONE', answers: answersFor(1) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const notInvited = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash });
    await expect(staff(agent).surveys.entry.findRespondent({ surveyId: id, licenceNo: notInvited.licenceNo })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('stratified sample', () => {
  it('allocates per stratum, shows planned against achieved, and respects the monthly cap', async () => {
    const district = await createDistrict(db);
    // Stratum C-2-B-1: 30 shops of grade 5. Stratum X-2-Z-3: 10 shops of grade 25, all at this month's cap.
    const urban = await Promise.all(
      Array.from({ length: 30 }, () =>
        createRetailer(db, { districtId: district.id, passwordHash, grade: 5, market: 'C', businessForm: 'B' }),
      ),
    );
    const rural = await Promise.all(
      Array.from({ length: 10 }, () =>
        createRetailer(db, { districtId: district.id, passwordHash, grade: 25, market: 'X', businessForm: 'Z' }),
      ),
    );
    const earlier = await db.survey.create({
      data: { title: '本月已发', description: '', definition: definition(), target: {}, createdById: marketing.id, state: 'CLOSED' },
    });
    const earlier2 = await db.survey.create({
      data: { title: '本月已发2', description: '', definition: definition(), target: {}, createdById: marketing.id, state: 'CLOSED' },
    });
    await db.surveyInvitation.createMany({
      data: rural.flatMap((r) => [earlier.id, earlier2.id].map((surveyId) => ({ surveyId, retailerId: r.id, invitedAt: new Date() }))),
    });

    const { id } = await staff(marketing).surveys.create({
      title: '抽样',
      description: '',
      opensAt: null,
      closesAt: null,
      target: { kind: 'SAMPLE', rate: 0.1, districtIds: [district.id] },
      definition: definition(),
    });
    const before = await staff(marketing).surveys.samplePlan({ id });
    expect(before.sent).toBe(false);
    // 40 shops at 10 %: 4 seats, 3 for the 30 urban shops and 1 for the 10 rural ones, none of whom can take it.
    expect(before.rows.map((r) => [r.key, r.population, r.planned, r.achieved])).toEqual([
      ['C-2-B-1', 30, 3, 3],
      ['X-2-Z-3', 10, 1, 0],
    ]);

    await staff(marketing).surveys.submitForApproval({ id });
    await staff(manager).surveys.approve({ id });
    await staff(manager).surveys.open({ id });
    const after = await staff(marketing).surveys.samplePlan({ id });
    expect(after.sent).toBe(true);
    const invited = await db.surveyInvitation.findMany({ where: { surveyId: id }, select: { retailerId: true, stratum: true } });
    expect(invited.some((i) => rural.some((r) => r.id === i.retailerId))).toBe(false);
    const urbanInvited = invited.filter((i) => urban.some((u) => u.id === i.retailerId));
    expect(urbanInvited.every((i) => i.stratum === 'C-2-B-1')).toBe(true);
    expect(invited).toHaveLength(3);
    expect(after.rows.map((r) => [r.key, r.planned, r.achieved, r.responded])).toEqual([
      ['C-2-B-1', 3, 3, 0],
      ['X-2-Z-3', 1, 0, 0],
    ]);
    // A second run of the job (a retry) adds nobody.
    await sendSurveyInvitations(db, { surveyId: id }, new Date());
    expect(await db.surveyInvitation.count({ where: { surveyId: id } })).toBe(invited.length);
  });
});

describe('the index in SQL against the pure function', () => {
  let surveyId: number;
  let districts: number[];
  let questions: IndexQuestion[];

  beforeAll(async () => {
    districts = [(await createDistrict(db)).id, (await createDistrict(db)).id, (await createDistrict(db)).id];
    const am = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const shops = await Promise.all(
      Array.from({ length: 45 }, (_, i) =>
        createRetailer(db, {
          districtId: districts[i % 3]!,
          passwordHash,
          grade: 1 + ((i * 7) % 30),
          market: i % 4 === 0 ? 'X' : 'C',
          businessForm: (['B', 'Z', 'S'] as const)[i % 3],
          accountManagerId: i % 2 ? am.id : null,
        }),
      ),
    );
    surveyId = await openSurvey({ kind: 'SEGMENT', districtIds: districts });
    // District 3 gets only 2 respondents: under the anonymity threshold.
    const answering = shops.filter((s, i) => i % 3 !== 2 || i < 6);
    for (const [i, shop] of answering.entries()) {
      const answers = answersFor(i * 17 + 3);
      if (i % 5 === 0) await staff(agent).surveys.entry.submit({ surveyId, retailerId: shop.id, channel: 'PHONE', answers });
      else await portal(shop).surveys.submit({ surveyId, answers });
    }
    questions = (await db.surveyQuestion.findMany({ where: { surveyId } })).map((q) => ({ ...q, weight: Number(q.weight) }));
  });

  async function rawAnswers(where: { districtId?: number } = {}) {
    return db.surveyAnswer.findMany({
      where: { response: { surveyId, state: 'SUBMITTED', ...where }, numericValue: { not: null } },
      select: {
        questionId: true,
        numericValue: true,
        responseId: true,
        response: { select: { districtId: true, market: true, businessForm: true, gradeBand: true, accountManagerId: true } },
      },
    });
  }

  it('gives the same index and dimension scores overall and per group', async () => {
    const raw = await rawAnswers();
    const [overall] = await queryIndexGroups(db, [surveyId], 'overall', {});
    const pure = computeIndex(
      questions,
      raw.map((a) => ({ questionId: a.questionId, value: a.numericValue! })),
    );
    expect(overall!.index).toBeCloseTo(pure.index!, 9);
    for (const d of pure.dimensions) expect(overall!.dimensions[d.dimension]!.score).toBeCloseTo(d.score!, 9);

    const groupers = {
      district: (a: (typeof raw)[number]) => String(a.response.districtId),
      market: (a: (typeof raw)[number]) => String(a.response.market),
      businessForm: (a: (typeof raw)[number]) => String(a.response.businessForm),
      gradeBand: (a: (typeof raw)[number]) => String(a.response.gradeBand),
      accountManager: (a: (typeof raw)[number]) => String(a.response.accountManagerId ?? 0),
    } as const;
    for (const [by, key] of Object.entries(groupers) as [keyof typeof groupers, (a: (typeof raw)[number]) => string][]) {
      const groups = await queryIndexGroups(db, [surveyId], by, {});
      const keys = [...new Set(raw.map(key))].sort();
      expect(groups.map((g) => g.key).sort()).toEqual(keys);
      for (const g of groups) {
        const mine = raw.filter((a) => key(a) === g.key);
        const expected = computeIndex(
          questions,
          mine.map((a) => ({ questionId: a.questionId, value: a.numericValue! })),
        );
        expect(g.index).toBeCloseTo(expected.index!, 9);
        expect(g.respondents).toBe(new Set(mine.map((a) => a.responseId)).size);
        const npsQuestion = questions.find((q) => q.type === 'NPS')!;
        expect(g.nps).toEqual(computeNps(mine.filter((a) => a.questionId === npsQuestion.id).map((a) => a.numericValue!)));
      }
    }
  });

  it('gives the same groups from the one-statement GROUPING SETS query the screen and the benchmark use', async () => {
    const filters = [{}, { market: 'C' as const }, { districtId: districts[1] }];
    for (const filter of filters) {
      const all = await queryIndexWithBreakdowns(db, { surveyId, ...filter });
      expect(all.overall).toEqual((await queryIndexGroups(db, [surveyId], 'overall', filter))[0]);
      for (const by of ['district', 'market', 'businessForm', 'gradeBand', 'accountManager'] as const) {
        expect(all.breakdowns[by]).toEqual(await queryIndexGroups(db, [surveyId], by, filter));
      }
    }
  });

  it('gives the same numbers after rebuilding the running totals from the answers', async () => {
    const before = await queryIndexGroups(db, [surveyId], 'district', {});
    await rebuildIndexCells(db, surveyId);
    expect(await queryIndexGroups(db, [surveyId], 'district', {})).toEqual(before);
  });

  it('derives importance as the correlation with NPS, as Pearson’s r computes it', async () => {
    const raw = await rawAnswers({ districtId: districts[0] });
    const byQuestion = new Map(questions.map((q) => [q.id, q]));
    const perResponse = new Map<number, { nps?: number; dims: Map<string, number[]> }>();
    for (const a of raw) {
      const q = byQuestion.get(a.questionId)!;
      const entry: { nps?: number; dims: Map<string, number[]> } = perResponse.get(a.responseId) ?? { dims: new Map() };
      perResponse.set(a.responseId, entry);
      if (q.type === 'NPS') entry.nps = a.numericValue!;
      else if (q.type === 'RATING' || q.type === 'MATRIX') {
        const list = entry.dims.get(q.dimension) ?? [];
        list.push(scaleRating(a.numericValue!, q.scaleMin!, q.scaleMax!));
        entry.dims.set(q.dimension, list);
      }
    }
    const sql = await queryImportance(db, { surveyId, districtId: districts[0] });
    for (const dimension of ['SUPPLY', 'DELIVERY', 'MARKET']) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (const e of perResponse.values()) {
        const scores = e.dims.get(dimension);
        if (!scores || e.nps === undefined) continue;
        xs.push(scores.reduce((s, v) => s + v, 0) / scores.length);
        ys.push(e.nps);
      }
      const expected = pearson(xs, ys);
      if (expected === null) expect(sql.get(dimension) ?? null).toBeNull();
      else expect(sql.get(dimension)).toBeCloseTo(expected, 9);
    }
  });

  it('hides groups under the threshold and individual answers from staff below manager', async () => {
    const execCaller = staff(exec);
    const forExec = await execCaller.surveys.analytics.breakdown({ surveyId, by: 'district' });
    const forManager = await staff(manager).surveys.analytics.breakdown({ surveyId, by: 'district' });
    expect(forManager.rows.map((r) => r.key).sort()).toEqual(districts.map(String).sort());
    // District 3 is under the threshold, and the next-smallest district is hidden with it (complementary).
    expect(forExec.rows).toHaveLength(1);
    expect(forExec.hidden).toBe(2);
    expect(forExec.rows.every((r) => r.respondents >= 5)).toBe(true);

    const small = await execCaller.surveys.analytics.overview({ surveyId, districtId: districts[2] });
    expect(small).toMatchObject({ suppressed: true, index: null });
    expect(small.dimensions.every((d) => d.score === null)).toBe(true);
    expect((await staff(manager).surveys.analytics.overview({ surveyId, districtId: districts[2] })).index).not.toBeNull();

    await expect(execCaller.surveys.analytics.texts({ surveyId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const texts = await staff(manager).surveys.analytics.texts({ surveyId });
    expect(texts.total).toBeGreaterThan(0);
    await expect(
      exportRows(
        { db, actor: staffActor(exec) as StaffActor, clock: () => new Date() },
        { surveyId, table: 'answers', format: 'csv' },
        'zh-CN',
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const exported = await exportRows(
      { db, actor: staffActor(exec) as StaffActor, clock: () => new Date() },
      { surveyId, table: 'district', format: 'csv' },
      'zh-CN',
    );
    const rows: unknown[][] = [];
    for await (const row of exported.rows) rows.push(row);
    expect(rows).toHaveLength(1 + 1);
  });

  it('survives the subtraction attack: overall minus the shown groups never isolates fewer than the threshold', async () => {
    const execCaller = staff(exec);
    const overall = await execCaller.surveys.analytics.overview({ surveyId });
    for (const by of ['district', 'market', 'businessForm', 'gradeBand', 'accountManager'] as const) {
      const shown = await execCaller.surveys.analytics.breakdown({ surveyId, by });
      const remainder = overall.respondents - shown.rows.reduce((sum, r) => sum + r.respondents, 0);
      // What subtraction recovers is all hidden groups together: none, or at least the threshold.
      expect([by, remainder === 0 || remainder >= overall.threshold]).toEqual([by, true]);
    }
    // The small district alone, found by the attacker as overall minus the other two: its index would be
    // (N·I − Σ nᵢ·Iᵢ) / (N − Σ nᵢ); with complementary suppression the other two are not both shown.
    const district = await execCaller.surveys.analytics.breakdown({ surveyId, by: 'district' });
    expect(district.rows.map((r) => r.key)).not.toContain(String(districts[2]));
    expect(district.rows.length).toBeLessThan(2);
    // Nor by filters: the overview of "everything but the small district" is not available either.
    for (const districtId of [districts[0]!, districts[1]!]) {
      const other = await execCaller.surveys.analytics.overview({ surveyId, districtId });
      const others = await staff(manager).surveys.analytics.overview({ surveyId, districtId });
      if (overall.respondents - others.respondents < overall.threshold) expect(other).toMatchObject({ suppressed: true, index: null });
    }
    const rural = await staff(manager).surveys.analytics.overview({ surveyId, market: 'X' });
    const urbanForExec = await execCaller.surveys.analytics.overview({ surveyId, market: 'C' });
    expect(urbanForExec.suppressed).toBe(rural.respondents > 0 && rural.respondents < overall.threshold);
  });

  it('exports exactly the filtered answers, one row per response', async () => {
    const actor = staffActor(manager) as StaffActor;
    const filter = { surveyId, districtId: districts[1], market: 'C' as const };
    const out = await exportRows({ db, actor, clock: () => new Date() }, { ...filter, table: 'answers', format: 'xlsx' }, 'zh-CN');
    const rows: (string | number | null)[][] = [];
    for await (const row of out.rows) rows.push(row);
    const [header, ...body] = rows;
    const expected = await db.surveyResponse.findMany({
      where: { surveyId, state: 'SUBMITTED', districtId: districts[1], market: 'C' },
      orderBy: { id: 'asc' },
      include: { rows: { include: { question: true } } },
    });
    expect(out.total).toBe(expected.length);
    expect(body.map((r) => r[0])).toEqual(expected.map((r) => r.id));
    const npsColumn = header!.indexOf('推荐');
    for (const [i, response] of expected.entries()) {
      expect(body[i]![npsColumn]).toBe(response.rows.find((a) => a.question.key === 'nps')!.numericValue);
    }
  });
});
