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
};
const staffOf: Partial<Record<StaffRoleName, Actor>> = {};
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
  };
});

const portalProcedures = ALL_PROCEDURES.filter((p) => p.app === 'portal');
const backofficeProcedures = ALL_PROCEDURES.filter((p) => p.app === 'backoffice');

describe(`access matrix over ${ALL_PROCEDURES.length} procedures`, () => {
  it('knows every procedure of both routers', () => {
    expect(portalProcedures.length).toBeGreaterThan(30);
    expect(backofficeProcedures.length).toBeGreaterThan(100);
    expect(ALL_PROCEDURES.map((p) => p.path)).toContain('routes.surveyExport');
  });

  it.each(ALL_PROCEDURES.map((p) => [`${p.app} ${p.path}`, p] as const))('%s: no one is UNAUTHORIZED', async (_name, entry) => {
    expect(await outcome(entry, null)).toBe('UNAUTHORIZED');
  });

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
    expect: (r) => expect(JSON.stringify(r)).not.toContain(partyB.shop.licenceNo),
  },
  'backoffice allocation.adjustments': {
    input: () => ({ licenceNo: partyB.shop.licenceNo }),
    expect: (r) => expect(r).toMatchObject({ total: 0 }),
  },
  'backoffice retailers.list': { input: () => ({ q: partyB.shop.licenceNo }), expect: (r) => expect(r).toMatchObject({ total: 0 }) },
  'backoffice routes.complaintAttachment': { input: () => ({ id: b.attachmentId }), expect: 'NOT_FOUND' },
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

// Procedures added this round whose wrong-party refusal is tested in their own area's integration tests, not
// yet here with party B's ids: each names the file. Moving them into WRONG_PARTY is open work.
const SCOPE_TESTED_IN_AREA: Record<string, string> = {
  'portal alerts.question': 'alerts.integration.test.ts (another shop cannot read or answer)',
  'portal alerts.answer': 'alerts.integration.test.ts',
  'backoffice retailers.get360': 'retailer360.integration.test.ts (another account manager: not found)',
  'backoffice retailers.fileChangeRequest': 'visits.integration.test.ts',
  'backoffice retailers.timeline': 'retailer360.integration.test.ts',
  'backoffice grading.review': 'grading.run.integration.test.ts (account managers see only their rows)',
  'backoffice grading.rows': 'grading.run.integration.test.ts',
  'backoffice grading.explain': 'grading.run.integration.test.ts',
  'backoffice grading.integrityHistory': 'grading.decisions.integration.test.ts',
  'backoffice alerts.list': 'alerts.integration.test.ts',
  'backoffice alerts.get': 'alerts.integration.test.ts',
  'backoffice alerts.triage': 'alerts.integration.test.ts',
  'backoffice visits.formContext': 'visits.integration.test.ts',
  'backoffice visits.plan': 'visits.integration.test.ts',
  'backoffice visits.log': 'visits.integration.test.ts',
  'backoffice routes.gradingRunExport': 'grading.run.integration.test.ts (the rows come from the review’s scoped query)',
  'backoffice routes.visitPhoto': 'visits.integration.test.ts (the service scopes the photo by retailer)',
};

describe('the wrong retailer and the wrong account manager with another party’s real ids', () => {
  it('every reachable procedure that takes an id is in one of the two tables', () => {
    const unclassified = reachable
      .filter((p) => inputKeys(p).some((key) => ID_KEY.test(key)))
      .map((p) => `${p.app} ${p.path}`)
      .filter((name) => !(name in WRONG_PARTY) && !(name in NOT_SHOP_RECORDS) && !(name in SCOPE_TESTED_IN_AREA));
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
