import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openSession } from '@tobacco/auth/next-auth';
import { hashPassword } from '@tobacco/auth/password';
import { hasPermission, STAFF_ROLES, type StaffRoleName } from '@tobacco/auth/permissions';
import { createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import type { Actor } from '../actor';
import { createBackofficeCaller } from '../backoffice';
import { createPortalCaller } from '../portal';
import { createProduct } from '../testing/portal-fixtures';
import { createBackofficeRoutesCaller, createPortalRoutesCaller } from '../routes';
import { ALL_PROCEDURES, callPath, type ProcedureEntry } from './procedures';
import { SETTINGS } from '../admin/settings.registry';
import { computeMonthlyRankings } from '../rankings/rankings.service';

// The access matrix: every procedure of both apps (read from the routers) called as no one, as a retailer,
// as each staff role, as staff holding a temporary password, and, where it names another party's records,
// as the wrong retailer and the wrong account manager with that party's real ids.

const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matrix-storage-'));
vi.stubEnv('STORAGE_DIR', storageDir);
afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

const db = testDb();
const clock = () => new Date('2033-03-08T02:00:00Z');
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);

function callersFor(app: 'portal' | 'backoffice', actor: Actor | null) {
  const ctx = { db, actor, requestId: 'matrix', clock };
  return app === 'portal'
    ? { api: createPortalCaller(ctx), routes: createPortalRoutesCaller(ctx) }
    : { api: createBackofficeCaller(ctx), routes: createBackofficeRoutesCaller(ctx) };
}

async function outcome(entry: ProcedureEntry, actor: Actor | null, input?: unknown): Promise<string> {
  try {
    await callPath(callersFor(entry.app, actor), entry.path, input);
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? 'THROWN';
  }
}

type Party = { shop: Awaited<ReturnType<typeof createRetailer>>; manager: Actor; retailer: Actor };
let partyA: Party;
let partyB: Party;
// Party B's real records, which party A must never reach.
let b: {
  retailerSessionId: string;
  managerSessionId: string;
  complaintId: number;
  version: number;
  attachmentId: number;
  changeRequestId: number;
  notificationId: number;
  orderId: number;
  categoryId: number;
  alertId: number;
  visitId: number;
  visitPhotoId: number;
  runId: number;
};
const staffOf: Partial<Record<StaffRoleName, Actor>> = {};
// A month of rankings of its own (the computation covers every shop of the database).
const RANKED_MONTH = `${2200 + (uniqueNumber() % 500)}-06`;
let temporary: Actor;

const staffActorOf = (u: { id: number }, roles: StaffRoleName[], extra: Partial<Extract<Actor, { kind: 'staff' }>> = {}): Actor => ({
  kind: 'staff',
  userId: u.id,
  roles,
  districtId: null,
  departmentId: null,
  ...extra,
});

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  const districtId = (await createDistrict(db)).id;
  for (const role of STAFF_ROLES) staffOf[role] = staffActorOf(await createStaff(db, { roles: [role], passwordHash }), [role]);
  temporary = staffActorOf(await createStaff(db, { roles: [...STAFF_ROLES], passwordHash }), [...STAFF_ROLES], {
    mustChangePassword: true,
  });
  const party = async (): Promise<Party> => {
    const am = await createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash });
    const shop = await createRetailer(db, { districtId, passwordHash, accountManagerId: am.id });
    return {
      shop,
      manager: staffActorOf(am, ['ACCOUNT_MANAGER']),
      retailer: { kind: 'retailer', retailerId: shop.id, loginId: shop.logins[0]!.id },
    };
  };
  partyA = await party();
  partyB = await party();

  const n = uniqueNumber();
  const department = await db.department.create({
    data: { code: `MX${n}`, name: `部门${n}`, nameEn: `Dept ${n}`, kind: 'SERVICE_CENTRE' },
  });
  const category = await db.complaintCategory.create({
    data: { code: `MX${n}`, name: `类别${n}`, nameEn: `Cat ${n}`, dimension: 'DELIVERY', departmentId: department.id },
  });
  const filed = await createPortalCaller({ db, actor: partyB.retailer, requestId: 'matrix', clock }).complaints.file({
    kind: 'COMPLAINT',
    categoryId: category.id,
    subject: '送货延迟',
    description: '本周送货比平时晚了两个多小时。',
    idempotencyKey: `matrix-${n}`,
    attachments: [{ fileName: '照片.png', bytes: PNG }],
  });
  const complaint = await db.complaint.findUniqueOrThrow({
    where: { id: filed.id },
    select: { version: true, attachments: { select: { id: true } } },
  });
  const weekStart = new Date(Date.UTC(2300, 0, 1) + (n % 100_000) * 7 * 86_400_000);
  const cycle = await db.orderCycle.create({
    data: { code: `MX${n}`, weekStart, weekEnd: new Date(weekStart.getTime() + 6 * 86_400_000) },
  });
  const order = await db.order.create({
    data: { retailerId: partyB.shop.id, cycleId: cycle.id, orderDate: weekStart, channel: 'ONLINE', totalQuantity: 5, totalAmountFen: 100 },
  });
  const change = await db.changeRequest.create({
    data: { retailerId: partyB.shop.id, changes: { phone: '13900000000' }, previous: { phone: partyB.shop.phone } },
  });
  const product = await createProduct(db);
  await db.allocationAdjustment.create({
    data: {
      retailerId: partyB.shop.id,
      cycleId: cycle.id,
      productId: product.id,
      delta: 2,
      reason: '保供',
      createdById: (staffOf.MARKETING as { userId: number }).userId,
    },
  });
  const notice = await db.notification.create({
    data: { retailerId: partyB.shop.id, kind: 'COMPLAINT_UPDATE', messageKey: 'notifications.stored', params: { title: 't', detail: 'b' } },
  });
  const alert = await db.alert.create({
    data: { retailerId: partyB.shop.id, rule: 'ORDER_SPIKE', cycleId: cycle.id, details: { ratio: 3 }, askedAt: clock() },
  });
  const visit = await db.visit.create({
    data: {
      retailerId: partyB.shop.id,
      staffId: (partyB.manager as { userId: number }).userId,
      visitedAt: clock(),
      purpose: '例行拜访',
      photos: { create: { fileName: '门头.png', mimeType: 'image/png', sizeBytes: PNG.length, storageKey: `matrix-${n}.png` } },
    },
    select: { id: true, photos: { select: { id: true } } },
  });
  await db.integrityRecord.create({
    data: { retailerId: partyB.shop.id, level: 'C', source: 'IMPORT', note: '违规记录', effectiveFrom: weekStart },
  });
  const period = await db.gradePeriod.create({
    data: {
      code: `MX${n}`,
      ordersFrom: weekStart,
      ordersTo: weekStart,
      effectiveFrom: weekStart,
      effectiveTo: weekStart,
      scoreWeights: {},
    },
  });
  const run = await db.gradeRun.create({
    data: {
      periodId: period.id,
      state: 'DRAFT',
      startedById: (staffOf.MARKETING as { userId: number }).userId,
      startedAt: clock(),
      computedAt: clock(),
      scoreWeights: SETTINGS['grading.scoreWeights'].default,
      shareTable: SETTINGS['grading.shareTable'].default,
      settings: {
        integrityCapGrade: SETTINGS['grading.integrityCapGrade'].default,
        initialGrades: SETTINGS['grading.initialGrades'].default,
        periodMonths: SETTINGS['grading.periodMonths'].default,
      },
      retailerCount: 1,
      rankedCount: 1,
      rows: {
        create: {
          retailerId: partyB.shop.id,
          volumeTiao: 5,
          amountFen: 100n,
          distinctProducts: 1,
          premiumTiao: 0,
          volumeScore: 1,
          amountScore: 1,
          varietyScore: 1,
          classShareScore: 1,
          score: 4,
          rank: 1,
          computedGrade: 10,
          grade: 10,
          initial: false,
          capped: false,
          integrityLevel: 'A',
        },
      },
    },
  });
  await computeMonthlyRankings(db, RANKED_MONTH);
  const retailerSessionId = await openSession(db, 'portal', {
    kind: 'retailer',
    loginId: partyB.shop.logins[0]!.id,
    retailerId: partyB.shop.id,
    sessionVersion: 0,
    name: 'b',
  });
  const managerSessionId = await openSession(db, 'backoffice', {
    kind: 'staff',
    userId: (partyB.manager as { userId: number }).userId,
    sessionVersion: 0,
    name: 'b',
  });
  b = {
    retailerSessionId,
    managerSessionId,
    complaintId: filed.id,
    version: complaint.version,
    attachmentId: complaint.attachments[0]!.id,
    changeRequestId: change.id,
    notificationId: notice.id,
    orderId: order.id,
    categoryId: category.id,
    alertId: alert.id,
    visitId: visit.id,
    visitPhotoId: visit.photos[0]!.id,
    runId: run.id,
  };
});

const portalProcedures = ALL_PROCEDURES.filter((p) => p.app === 'portal');
const backofficeProcedures = ALL_PROCEDURES.filter((p) => p.app === 'backoffice');

describe(`access matrix over ${ALL_PROCEDURES.length} procedures`, () => {
  it('knows every procedure of both routers', () => {
    expect(portalProcedures.length).toBeGreaterThan(30);
    expect(backofficeProcedures.length).toBeGreaterThan(100);
    expect(ALL_PROCEDURES.map((p) => p.path)).toContain('routes.surveyExport');
    expect(ALL_PROCEDURES.map((p) => p.path)).toContain('dashboard.get');
  });

  it.each(ALL_PROCEDURES.filter((p) => !p.meta.anonymous).map((p) => [`${p.app} ${p.path}`, p] as const))(
    '%s: no one is UNAUTHORIZED',
    async (_name, entry) => {
      expect(await outcome(entry, null)).toBe('UNAUTHORIZED');
    },
  );

  // The forgotten-password procedures are for people who cannot sign in: only they pass (to validation,
  // called here without input), and only in the portal. Their throttles and answers: password-reset.integration.test.ts.
  it('the anonymous procedures are exactly the portal’s forgotten-password path', () => {
    expect(ALL_PROCEDURES.filter((p) => p.meta.anonymous).map((p) => `${p.app} ${p.path}`)).toEqual([
      'portal passwordReset.request',
      'portal passwordReset.confirm',
    ]);
  });

  it.each(ALL_PROCEDURES.filter((p) => p.meta.anonymous).map((p) => [p.path, p] as const))(
    'portal %s: no one reaches validation; a signed-in retailer is FORBIDDEN',
    async (_name, entry) => {
      expect(await outcome(entry, null)).toBe('BAD_REQUEST');
      expect(await outcome(entry, partyA.retailer)).toBe('FORBIDDEN');
    },
  );

  it.each(portalProcedures.map((p) => [p.path, p] as const))('portal %s: every staff role is FORBIDDEN', async (_name, entry) => {
    for (const role of STAFF_ROLES) expect([role, await outcome(entry, staffOf[role]!)]).toEqual([role, 'FORBIDDEN']);
  });

  it.each(backofficeProcedures.map((p) => [p.path, p] as const))(
    'backoffice %s: a retailer is FORBIDDEN; each role as the permission table says',
    async (_name, entry) => {
      expect(await outcome(entry, partyA.retailer)).toBe('FORBIDDEN');
      for (const role of STAFF_ROLES) {
        const allowed = !entry.meta.permission || hasPermission([role], entry.meta.permission);
        // Called with no input: a caller who passes the checks stops at validation (or reads, for a query without input).
        const got = await outcome(entry, staffOf[role]!);
        const refused = got === 'FORBIDDEN' || got === 'UNAUTHORIZED';
        expect(`${role}: ${refused ? 'refused' : 'passes'}`).toBe(`${role}: ${allowed ? 'passes' : 'refused'}`);
        if (!allowed) expect(got).toBe('FORBIDDEN');
      }
      // A temporary password opens only reading who one is and changing it.
      expect(await outcome(entry, temporary)).toBe(
        entry.meta.temporaryPassword ? (entry.inputs.length ? 'BAD_REQUEST' : 'OK') : 'FORBIDDEN',
      );
    },
  );
});

// Procedures that name a record belonging to a shop, with party B's real ids: party A's retailer (portal)
// and party A's account manager (back office) get NOT_FOUND, or an empty list where the input is a filter.
type WrongParty = { input: () => unknown; expect: 'NOT_FOUND' | ((result: unknown) => void) };
const caseRef = () => ({ id: b.complaintId, version: b.version });
/** The call answered (no error) and nothing in its answer names party B's shop. */
const answersWithoutShopB = (result: unknown) => {
  expect(result).not.toBeInstanceOf(Error);
  expect(JSON.stringify(result)).not.toContain(partyB.shop.licenceNo);
};
const WRONG_PARTY: Record<string, WrongParty> = {
  'portal retailers.cancelChangeRequest': { input: () => ({ id: b.changeRequestId }), expect: 'NOT_FOUND' },
  'portal notifications.markRead': { input: () => ({ id: b.notificationId }), expect: 'NOT_FOUND' },
  'portal complaints.get': { input: () => ({ id: b.complaintId }), expect: 'NOT_FOUND' },
  'portal complaints.respond': { input: () => ({ ...caseRef(), body: '补充说明一下情况。' }), expect: 'NOT_FOUND' },
  'portal complaints.confirm': { input: () => ({ ...caseRef(), rating: 5 }), expect: 'NOT_FOUND' },
  'portal complaints.rate': { input: () => ({ ...caseRef(), rating: 5 }), expect: 'NOT_FOUND' },
  'portal complaints.reopen': { input: () => ({ ...caseRef(), reason: '问题没有解决。' }), expect: 'NOT_FOUND' },
  'portal complaints.file': {
    input: () => ({
      kind: 'COMPLAINT',
      categoryId: b.categoryId,
      subject: '订单问题',
      description: '这笔订单少了两条。',
      relatedOrderId: b.orderId,
      idempotencyKey: `wrong-${uniqueNumber()}`,
    }),
    expect: (result) => expect(result).toMatchObject({ cause: { messageKey: 'complaints.error.order' } }),
  },
  'portal sessions.end': { input: () => ({ id: b.retailerSessionId }), expect: 'NOT_FOUND' },
  'backoffice sessions.end': { input: () => ({ id: b.managerSessionId }), expect: 'NOT_FOUND' },
  'portal routes.complaintAttachment': { input: () => ({ id: b.attachmentId }), expect: 'NOT_FOUND' },
  'backoffice complaints.get': { input: () => ({ id: b.complaintId }), expect: 'NOT_FOUND' },
  'backoffice complaints.note': { input: () => ({ id: b.complaintId, body: '内部备注' }), expect: 'NOT_FOUND' },
  'backoffice complaints.fileForRetailer': {
    input: () => ({
      kind: 'QUESTION',
      categoryId: b.categoryId,
      subject: '发票咨询',
      description: '客户来电询问如何开具发票。',
      retailerId: partyB.shop.id,
      channel: 'PHONE',
      idempotencyKey: `wrong-${uniqueNumber()}`,
    }),
    expect: 'NOT_FOUND',
  },
  'backoffice complaints.lookupRetailer': {
    input: () => ({ q: partyB.shop.licenceNo }),
    expect: answersWithoutShopB,
  },
  'backoffice allocation.adjustments': {
    input: () => ({ licenceNo: partyB.shop.licenceNo }),
    expect: (r) => expect(r).toMatchObject({ total: 0 }),
  },
  'backoffice retailers.list': { input: () => ({ q: partyB.shop.licenceNo }), expect: (r) => expect(r).toMatchObject({ total: 0 }) },
  'backoffice routes.complaintAttachment': { input: () => ({ id: b.attachmentId }), expect: 'NOT_FOUND' },
  'portal alerts.question': { input: () => ({ id: b.alertId }), expect: 'NOT_FOUND' },
  'portal alerts.answer': { input: () => ({ id: b.alertId, answer: '这周店里搞活动。' }), expect: 'NOT_FOUND' },
  'backoffice alerts.get': { input: () => ({ id: b.alertId }), expect: 'NOT_FOUND' },
  'backoffice alerts.triage': {
    input: () => ({ id: b.alertId, state: 'CONFIRMED', note: '已核实', version: 0 }),
    expect: 'NOT_FOUND',
  },
  'backoffice alerts.list': { input: () => ({ retailerId: partyB.shop.id }), expect: (r) => expect(r).toMatchObject({ total: 0 }) },
  'backoffice retailers.get360': { input: () => ({ id: partyB.shop.id }), expect: 'NOT_FOUND' },
  'backoffice retailers.timeline': { input: () => ({ retailerId: partyB.shop.id }), expect: 'NOT_FOUND' },
  'backoffice retailers.fileChangeRequest': {
    input: () => ({ retailerId: partyB.shop.id, change: { phone: '13900000001' } }),
    expect: 'NOT_FOUND',
  },
  'backoffice visits.formContext': { input: () => ({ retailerId: partyB.shop.id, visitId: b.visitId }), expect: 'NOT_FOUND' },
  'backoffice visits.plan': {
    input: () => ({ retailerId: partyB.shop.id, plannedFor: '2033-03-10', purpose: '例行拜访' }),
    expect: 'NOT_FOUND',
  },
  'backoffice visits.log': { input: () => ({ retailerId: partyB.shop.id, purpose: '例行拜访' }), expect: 'NOT_FOUND' },
  'backoffice routes.visitPhoto': { input: () => ({ id: b.visitPhotoId }), expect: 'NOT_FOUND' },
  'backoffice grading.explain': { input: () => ({ runId: b.runId, retailerId: partyB.shop.id }), expect: 'NOT_FOUND' },
  'backoffice grading.rows': { input: () => ({ runId: b.runId }), expect: (r) => expect(r).toMatchObject({ total: 0 }) },
  'backoffice grading.review': { input: () => ({ runId: b.runId }), expect: answersWithoutShopB },
  'backoffice report.forRetailer': { input: () => ({ retailerId: partyB.shop.id }), expect: 'NOT_FOUND' },
  'backoffice report.analysis': { input: () => ({ retailerId: partyB.shop.id }), expect: 'NOT_FOUND' },
  // The matrix's clock is in March 2033: February's commentary is open, so only the scope refuses it.
  'backoffice report.saveComment': {
    input: () => ({ retailerId: partyB.shop.id, month: '2033-02', body: '本月订货稳定。', version: 0 }),
    expect: 'NOT_FOUND',
  },
  'backoffice rankings.list': {
    input: () => ({ month: RANKED_MONTH, districtId: partyB.shop.districtId }),
    expect: (r) => {
      answersWithoutShopB(r);
      // Party A's own shop is there: the list answered with the district's ranking, narrowed to A's book.
      expect(JSON.stringify(r)).toContain(partyA.shop.licenceNo);
    },
  },
  'backoffice routes.rankingsExport': {
    input: () => ({ month: RANKED_MONTH, districtId: partyB.shop.districtId, format: 'csv', locale: 'zh-CN' }),
    expect: (r) => {
      answersWithoutShopB(r);
      expect(JSON.stringify(r)).toContain(partyA.shop.licenceNo);
    },
  },
  'backoffice routes.gradingRunExport': { input: () => ({ id: b.runId, format: 'csv', locale: 'zh-CN' }), expect: answersWithoutShopB },
  'backoffice grading.integrityHistory': { input: () => ({ retailerId: partyB.shop.id }), expect: 'NOT_FOUND' },
};

// Procedures a wrong party can call whose ids are not a shop's records, with where their own rule is tested.
const NOT_SHOP_RECORDS: Record<string, string> = {
  'portal allocation.limitHistory': 'a product id; the history shown is the caller’s own',
  'portal promotions.open': 'a promotion; one not targeting the shop is NOT_FOUND (promotions.integration.test.ts)',
  'portal rewards.redeem': 'a catalogue item; idempotency keys are per shop (rewards.integration.test.ts)',
  'portal surveys.get': 'a survey; one the shop is not invited to is NOT_FOUND (surveys.integration.test.ts)',
  'portal surveys.saveDraft': 'as surveys.get',
  'portal surveys.submit': 'as surveys.get',
  'portal allocation.mine': 'a product search over the caller’s own allowances',
  'portal passwordReset.request':
    'anonymous; a signed-in retailer is FORBIDDEN (above); same answer for any licence (password-reset tests)',
  'portal passwordReset.confirm': 'as passwordReset.request',
  'backoffice allocation.products': 'a product search',
  'backoffice allocation.policy': 'a company-wide allocation policy',
  'backoffice allocation.compare': 'two company-wide policies',
  'backoffice allocation.create': 'allocation.draft only (account managers are FORBIDDEN above)',
  'backoffice surveys.entry.survey': 'a survey',
  'backoffice surveys.entry.findRespondent': 'a shop outside the manager’s book is NOT_FOUND (surveys.integration.test.ts)',
  'backoffice surveys.entry.submit': 'as findRespondent',
  'backoffice surveys.analytics.options': 'aggregates with anonymity thresholds (surveys.analytics tests)',
  'backoffice surveys.analytics.overview': 'aggregates',
  'backoffice surveys.analytics.breakdown': 'aggregates',
  'backoffice surveys.analytics.trend': 'aggregates',
  'backoffice surveys.analytics.quadrant': 'aggregates',
  'backoffice surveys.analytics.strata': 'aggregates',
  'backoffice surveys.analytics.texts': 'aggregates; text answers only of groups at or above the threshold',
  'backoffice routes.surveyExport': 'the analytics screen’s tables, same rules',
  'backoffice complaints.queue': 'a filter; the queue is narrowed by caseScope (complaints tests)',
  'backoffice complaints.overview': 'aggregates narrowed by caseScope',
  'backoffice retailers.filterOptions': 'lists of districts and managers',
  'portal knowledge.get': 'a company-wide article; a draft, retired or staff-only one is NOT_FOUND (knowledge.integration.test.ts)',
  'portal knowledge.search': 'a search over published articles for retailers (knowledge.integration.test.ts)',
  'portal knowledge.solved': 'as knowledge.get; the count is per shop',
  'portal knowledge.notHelpful': 'as knowledge.get',
  'backoffice knowledge.get': 'a company-wide article every staff member may read',
  'backoffice knowledge.list': 'a filter over company-wide articles',
  'backoffice products.pareto': 'a district id; company-wide product aggregates with no shop in them',
  'backoffice products.composite': 'as products.pareto',
  'backoffice routes.productsParetoExport': 'the 80/20 screen’s list, same aggregates',
  'backoffice products.demand':
    'a district and a product id; company-wide per-cycle aggregates with no shop in them (forecast.integration.test.ts)',
  'backoffice routes.productsDemandExport': 'the demand screen’s list, same aggregates',
  'backoffice dashboard.get': 'a district id; company-wide monthly aggregates, dashboard.read only (executive.integration.test.ts)',
};

const ID_KEY = /(^id$|Id$|^licenceNo$|Licences$|^q$)/;

function inputKeys(entry: ProcedureEntry): string[] {
  const keys: string[] = [];
  for (const schema of entry.inputs) {
    const shape = (schema as { shape?: Record<string, unknown>; _zod?: { def?: { shape?: Record<string, unknown> } } }).shape ?? {};
    keys.push(...Object.keys(shape));
  }
  return keys;
}

/** The procedures party A's retailer or account manager gets past the role checks of. */
const reachable = ALL_PROCEDURES.filter(
  (p) => p.app === 'portal' || !p.meta.permission || hasPermission(['ACCOUNT_MANAGER'], p.meta.permission),
);

describe('the wrong retailer and the wrong account manager with another party’s real ids', () => {
  it('every reachable procedure that takes an id is in one of the two tables', () => {
    const unclassified = reachable
      .filter((p) => inputKeys(p).some((key) => ID_KEY.test(key)))
      .map((p) => `${p.app} ${p.path}`)
      .filter((name) => !(name in WRONG_PARTY) && !(name in NOT_SHOP_RECORDS));
    expect(unclassified).toEqual([]);
  });

  it.each(Object.entries(WRONG_PARTY))('%s', async (name, rule) => {
    const entry = ALL_PROCEDURES.find((p) => `${p.app} ${p.path}` === name);
    expect(entry, name).toBeDefined();
    const actor = entry!.app === 'portal' ? partyA.retailer : partyA.manager;
    let result: unknown;
    let code = 'OK';
    try {
      result = await callPath(callersFor(entry!.app, actor), entry!.path, rule.input());
      // An export's rows are in its stream: read them, so the rule checks what would be downloaded.
      if (result && typeof result === 'object' && 'body' in result && result.body instanceof ReadableStream) {
        result = { ...result, body: await new Response(result.body).text() };
      }
    } catch (error) {
      result = error;
      code = (error as { code?: string }).code ?? 'THROWN';
    }
    if (rule.expect === 'NOT_FOUND') expect(code).toBe('NOT_FOUND');
    else rule.expect(result);
    // Party B's own caller reaches the same record, so the refusal is about the party, not the input.
    if (rule.expect === 'NOT_FOUND' && entry!.path.endsWith('get')) {
      await expect(
        callPath(callersFor(entry!.app, entry!.app === 'portal' ? partyB.retailer : partyB.manager), entry!.path, rule.input()),
      ).resolves.toBeDefined();
    }
  });
});
