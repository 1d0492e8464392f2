import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb, uniqueNumber } from '@tobacco/db/testing';
import type { Actor } from '../actor';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { remindOverdueCase, sweepBreaches } from './complaints.jobs';
import { readMyAttachment } from './complaints.retailer.service';
import { readCaseAttachment } from './complaints.staff.service';
import { localStorage } from './complaints.storage';
import { findJob } from '../jobs/jobs.service';

// Every test makes its own shops, staff, departments and categories, and runs on a fixed clock in 2033 (a
// year no other test writes calendar rows for): weekends only, 08:30–17:30 business hours by default.
const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'complaints-storage-'));
vi.stubEnv('STORAGE_DIR', storageDir);

const db = testDb();
const at = (local: string) => new Date(`${local}+08:00`);
const clockAt = (local: string) => () => at(local);
const TUESDAY_10 = '2033-03-08T10:00:00';

// A real 1×1 PNG and a real (tiny) PDF: their first bytes are what the check reads.
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'),
);
const PDF = Uint8Array.from(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'));

let passwordHash: string;
let districtA: number;
let districtB: number;
let serviceDept: number;
let logisticsDept: number;
let categoryId: number;
let agent: Awaited<ReturnType<typeof createStaff>>;
let agent2: Awaited<ReturnType<typeof createStaff>>;
let manager: Awaited<ReturnType<typeof createStaff>>;
let am1: Awaited<ReturnType<typeof createStaff>>;
let am2: Awaited<ReturnType<typeof createStaff>>;
let exec: Awaited<ReturnType<typeof createStaff>>;
let marketing: Awaited<ReturnType<typeof createStaff>>;
let shopA: Awaited<ReturnType<typeof createRetailer>>;
let shopB: Awaited<ReturnType<typeof createRetailer>>;

async function department(kind: 'SERVICE_CENTRE' | 'LOGISTICS' | 'MONOPOLY') {
  const n = uniqueNumber();
  return (await db.department.create({ data: { code: `CD${n}`, name: `部门${n}`, nameEn: `Dept ${n}`, kind } })).id;
}

async function staffIn(roles: Parameters<typeof createStaff>[1]['roles'], departmentId?: number) {
  const user = await createStaff(db, { roles, passwordHash });
  if (departmentId) await db.staffUser.update({ where: { id: user.id }, data: { departmentId } });
  return { ...user, departmentId: departmentId ?? null };
}

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtA = (await createDistrict(db)).id;
  districtB = (await createDistrict(db)).id;
  serviceDept = await department('SERVICE_CENTRE');
  logisticsDept = await department('LOGISTICS');
  const n = uniqueNumber();
  categoryId = (
    await db.complaintCategory.create({
      data: { code: `CAT${n}`, name: `送货${n}`, nameEn: `Delivery ${n}`, dimension: 'DELIVERY', departmentId: logisticsDept },
    })
  ).id;
  agent = await staffIn(['SERVICE_AGENT'], serviceDept);
  agent2 = await staffIn(['SERVICE_AGENT'], serviceDept);
  manager = await staffIn(['MANAGER'], logisticsDept);
  am1 = await staffIn(['ACCOUNT_MANAGER']);
  am2 = await staffIn(['ACCOUNT_MANAGER']);
  exec = await staffIn(['EXECUTIVE']);
  marketing = await staffIn(['MARKETING']);
  shopA = await createRetailer(db, { districtId: districtA, passwordHash, accountManagerId: am1.id, grade: 24 });
  shopB = await createRetailer(db, { districtId: districtB, passwordHash, accountManagerId: am2.id, grade: 8 });
});

afterAll(() => {
  fs.rmSync(storageDir, { recursive: true, force: true });
});

const key = () => `key-${uniqueNumber()}-${Math.random().toString(36).slice(2, 10)}`;
const portal = (shop: typeof shopA, clock = clockAt(TUESDAY_10)) => portalCallerFor(db, retailerActor(shop), clock);
const staff = (user: typeof agent | Actor, clock = clockAt(TUESDAY_10)) =>
  backofficeCallerFor(db, 'kind' in user ? user : staffActor(user), clock);

async function fileAs(
  shop: typeof shopA,
  overrides: Partial<Parameters<ReturnType<typeof portal>['complaints']['file']>[0]> = {},
  clock = clockAt(TUESDAY_10),
) {
  return portal(shop, clock).complaints.file({
    kind: 'COMPLAINT',
    categoryId,
    subject: '送货延迟',
    description: '本周送货比平时晚了两个多小时。',
    idempotencyKey: key(),
    ...overrides,
  });
}

async function version(id: number) {
  return (await db.complaint.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

describe('filing in the portal', () => {
  it('files a complaint with a photo, routed to the category’s department, with working-day deadlines', async () => {
    const filed = await fileAs(shopA, {
      attachments: [
        { fileName: '照片.jpg', bytes: PNG },
        { fileName: '送货单.pdf', bytes: PDF },
      ],
    });
    expect(filed.duplicate).toBe(false);
    expect(filed.caseNo).toMatch(/^TS20330308\d{6}$/);
    const row = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, include: { attachments: true, events: true } });
    expect(row).toMatchObject({ state: 'SUBMITTED', channel: 'PORTAL', departmentId: logisticsDept, retailerId: shopA.id, ownerId: null });
    // Tuesday 10:00 + 1 working day = Wednesday 10:00; a complaint: + 13 working days = Friday 2033-03-25 10:00.
    expect(row.acceptDueAt).toEqual(at('2033-03-09T10:00:00'));
    expect(row.resolveDueAt).toEqual(at('2033-03-25T10:00:00'));
    expect(row.events.map((e) => e.type)).toEqual(['FILED']);
    // Stored as what the bytes are: the PNG named .jpg is a .png.
    expect(row.attachments.map((a) => [a.fileName, a.mimeType]).sort()).toEqual([
      ['照片.png', 'image/png'],
      ['送货单.pdf', 'application/pdf'],
    ]);
    expect(
      row.attachments.every(
        (a) => a.eventId === row.events[0]!.id && a.storageKey.startsWith('complaints/') && !a.storageKey.includes(filed.caseNo),
      ),
    ).toBe(true);

    const mine = await portal(shopA).complaints.get({ id: filed.id });
    expect(mine.events[0]!.attachments).toHaveLength(2);
    const file = await readMyAttachment(
      { db, actor: retailerActor(shopA) as never, clock: () => new Date() },
      { id: row.attachments[0]!.id },
      localStorage(storageDir),
    );
    expect(file.bytes.byteLength).toBeGreaterThan(0);
  });

  it('files one case for a double-submitted form (same idempotency key)', async () => {
    const idempotencyKey = key();
    const [first, second] = await Promise.all([fileAs(shopA, { idempotencyKey }), fileAs(shopA, { idempotencyKey })]);
    expect(first.id).toBe(second.id);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(await db.complaint.count({ where: { idempotencyKey: `r${shopA.id}:${idempotencyKey}` } })).toBe(1);
    // Another shop using the same key files its own case.
    const other = await fileAs(shopB, { idempotencyKey });
    expect(other.id).not.toBe(first.id);
  });

  it('routes a report of illegal sales to the monopoly department at once, and keeps the routing internal', async () => {
    await department('MONOPOLY');
    const filed = await fileAs(shopA, { kind: 'REPORT', subject: '举报无证销售', description: '路口小店没有许可证却在卖烟。' });
    const row = await db.complaint.findUniqueOrThrow({ where: { id: filed.id }, include: { department: true, events: true } });
    expect(row.department.kind).toBe('MONOPOLY');
    expect(row.events.map((e) => [e.type, e.visibility])).toEqual([
      ['FILED', 'PUBLIC'],
      ['REASSIGNED', 'INTERNAL'],
    ]);
    const mine = await portal(shopA).complaints.get({ id: filed.id });
    expect(mine.events.map((e) => e.type)).toEqual(['FILED']);
  });

  it('refuses a file that is not an image or PDF, one too large, and too many, and files nothing', async () => {
    const idempotencyKey = key();
    const exe = Uint8Array.from(Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00 this is not a photo', 'latin1'));
    await expect(fileAs(shopA, { idempotencyKey, attachments: [{ fileName: 'photo.jpg', bytes: exe }] })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { messageKey: 'complaints.error.fileType' },
    });
    const text = Uint8Array.from(Buffer.from('just some words in a file called scan.pdf'));
    await expect(fileAs(shopA, { idempotencyKey, attachments: [{ fileName: 'scan.pdf', bytes: text }] })).rejects.toMatchObject({
      cause: { messageKey: 'complaints.error.fileType' },
    });
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PNG);
    await expect(fileAs(shopA, { idempotencyKey, attachments: [{ fileName: 'big.png', bytes: big }] })).rejects.toMatchObject({
      cause: { messageKey: 'complaints.error.fileTooLarge' },
    });
    const six = Array.from({ length: 6 }, (_, i) => ({ fileName: `p${i}.png`, bytes: PNG }));
    await expect(fileAs(shopA, { idempotencyKey, attachments: six })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.complaint.count({ where: { idempotencyKey: `r${shopA.id}:${idempotencyKey}` } })).toBe(0);
  });

  it('refuses an unknown category, another shop’s order, staff and anonymous callers', async () => {
    await expect(fileAs(shopA, { categoryId: 999_999_999 })).rejects.toMatchObject({ cause: { messageKey: 'complaints.error.category' } });
    const n = uniqueNumber();
    const weekStart = new Date(Date.UTC(2200, 0, 1) + (n % 100_000) * 7 * 86_400_000);
    const cycle = await db.orderCycle.create({
      data: { code: `CC${n}`, weekStart, weekEnd: new Date(weekStart.getTime() + 6 * 86_400_000) },
    });
    const order = await db.order.create({
      data: { retailerId: shopB.id, cycleId: cycle.id, orderDate: weekStart, channel: 'ONLINE', totalQuantity: 5, totalAmountFen: 100 },
    });
    await expect(fileAs(shopA, { relatedOrderId: order.id })).rejects.toMatchObject({ cause: { messageKey: 'complaints.error.order' } });
    const mine = await db.order.create({
      data: { retailerId: shopA.id, cycleId: cycle.id, orderDate: weekStart, channel: 'ONLINE', totalQuantity: 5, totalAmountFen: 100 },
    });
    const filed = await fileAs(shopA, { relatedOrderId: mine.id });
    expect((await portal(shopA).complaints.get({ id: filed.id })).relatedOrder?.id).toBe(mine.id);
    await expect(portalCallerFor(db, staffActor(agent)).complaints.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(portalCallerFor(db, null).complaints.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('who sees what', () => {
  it('shop B can read neither shop A’s case nor its attachment', async () => {
    const filed = await fileAs(shopA, { attachments: [{ fileName: 'a.png', bytes: PNG }] });
    const attachment = await db.complaintAttachment.findFirstOrThrow({ where: { complaintId: filed.id } });
    await expect(portal(shopB).complaints.get({ id: filed.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(portal(shopB).complaints.respond({ id: filed.id, version: 0, body: '试探' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(portal(shopB).complaints.confirm({ id: filed.id, version: 0, rating: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      readMyAttachment({ db, actor: retailerActor(shopB) as never, clock: () => new Date() }, { id: attachment.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await portal(shopB).complaints.list({ pageSize: 50 })).items.map((c) => c.id)).not.toContain(filed.id);
  });

  it('an account manager sees only their own retailers’ cases and attachments', async () => {
    const a = await fileAs(shopA, { attachments: [{ fileName: 'a.png', bytes: PNG }] });
    const b = await fileAs(shopB, { attachments: [{ fileName: 'b.png', bytes: PNG }] });
    const queue = await staff(am1).complaints.queue({ state: 'all', pageSize: 100 });
    expect(queue.items.map((c) => c.id)).toContain(a.id);
    expect(queue.items.map((c) => c.id)).not.toContain(b.id);
    expect(queue.items.every((c) => c.retailerId === shopA.id)).toBe(true);
    await expect(staff(am1).complaints.get({ id: b.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const attachmentB = await db.complaintAttachment.findFirstOrThrow({ where: { complaintId: b.id } });
    await expect(
      readCaseAttachment({ db, actor: staffActor(am1) as never, clock: () => new Date() }, { id: attachmentB.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const attachmentA = await db.complaintAttachment.findFirstOrThrow({ where: { complaintId: a.id } });
    expect(
      (await readCaseAttachment({ db, actor: staffActor(am1) as never, clock: () => new Date() }, { id: attachmentA.id })).mimeType,
    ).toBe('image/png');
    // The agent sees both.
    expect((await staff(agent).complaints.get({ id: b.id })).retailer.id).toBe(shopB.id);
    // The overview counts only the account manager's shops.
    const overview = await staff(am1).complaints.overview({ from: '2033-03-01', to: '2033-03-31' });
    const all = await staff(agent).complaints.overview({ from: '2033-03-01', to: '2033-03-31' });
    expect(overview.total).toBeLessThan(all.total);
  });

  it('moves a shop’s cases to its new account manager’s queue when the shop changes hands', async () => {
    const amBefore = await staffIn(['ACCOUNT_MANAGER']);
    const amAfter = await staffIn(['ACCOUNT_MANAGER']);
    const shop = await createRetailer(db, { districtId: districtA, passwordHash, accountManagerId: amBefore.id });
    const filed = await fileAs(shop);
    const ids = async (who: typeof amBefore) => (await staff(who).complaints.queue({ pageSize: 100 })).items.map((c) => c.id);
    expect(await ids(amBefore)).toEqual([filed.id]);
    expect(await ids(amAfter)).toEqual([]);

    await db.retailer.update({ where: { id: shop.id }, data: { accountManagerId: amAfter.id } });
    expect(await ids(amBefore)).toEqual([]);
    expect(await ids(amAfter)).toEqual([filed.id]);
    expect((await staff(amAfter).complaints.queue({})).counts.open).toBe(1);
    // The staff home's figure and the overview count it for the new manager too.
    const shopsOpen = async (who: typeof amBefore) =>
      (await staff(who).admin.home()).flatMap((area) => area.figures).find((f) => f.id === 'complaints.shopsOpen')?.value;
    expect(await shopsOpen(amAfter)).toBe(1);
    expect(await shopsOpen(amBefore)).toBe(0);
    expect((await staff(amAfter).complaints.overview({ from: '2033-03-01', to: '2033-03-31' })).total).toBe(1);
    // Nobody writes the copy by hand: a write of another manager's id is replaced by the shop's.
    await db.$executeRaw`UPDATE "Complaint" SET "accountManagerId" = ${amBefore.id} WHERE id = ${filed.id}`;
    expect(await ids(amAfter)).toEqual([filed.id]);
    // A shop left without a manager leaves its cases in no manager's queue.
    await db.retailer.update({ where: { id: shop.id }, data: { accountManagerId: null } });
    expect(await ids(amAfter)).toEqual([]);
  });

  it('files a case under its shop’s district and moves it when the shop moves, open and closed alike', async () => {
    const from = (await createDistrict(db)).id;
    const to = (await createDistrict(db)).id;
    const shop = await createRetailer(db, { districtId: from, passwordHash, accountManagerId: am1.id });
    const open = await fileAs(shop);
    const closed = await fileAs(shop);
    await db.complaint.update({ where: { id: closed.id }, data: { state: 'CLOSED', closedAt: new Date() } });
    const ids = async (districtId: number, state: 'open' | 'CLOSED') =>
      (await staff(agent).complaints.queue({ districtId, state, pageSize: 100 })).items.map((c) => c.id);
    expect(await ids(from, 'open')).toEqual([open.id]);
    expect(await ids(from, 'CLOSED')).toEqual([closed.id]);

    await db.retailer.update({ where: { id: shop.id }, data: { districtId: to } });
    expect(await ids(from, 'open')).toEqual([]);
    expect(await ids(from, 'CLOSED')).toEqual([]);
    expect(await ids(to, 'open')).toEqual([open.id]);
    expect(await ids(to, 'CLOSED')).toEqual([closed.id]);
    expect((await staff(agent).complaints.queue({ districtId: to, state: 'CLOSED' })).total).toBe(1);
    // A district written by hand is replaced by the shop's.
    await db.$executeRaw`UPDATE "Complaint" SET "districtId" = ${from} WHERE id = ${closed.id}`;
    expect(await ids(to, 'CLOSED')).toEqual([closed.id]);
  });

  it('refuses the back office to retailers, other roles and anonymous callers', async () => {
    const filed = await fileAs(shopA);
    await expect(backofficeCallerFor(db, retailerActor(shopA)).complaints.queue({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, null).complaints.queue({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(staff(marketing).complaints.queue({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(marketing).complaints.get({ id: filed.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(am1).complaints.accept({ id: filed.id, version: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(exec).complaints.accept({ id: filed.id, version: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(exec).complaints.note({ id: filed.id, body: '领导批示' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      staff(am1).complaints.reassign({ id: filed.id, version: 0, departmentId: serviceDept, ownerId: null }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(staff(am1).complaints.followUp({ id: filed.id, version: 0, reached: true, satisfied: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // Reading is allowed to the executive.
    expect((await staff(exec).complaints.get({ id: filed.id })).id).toBe(filed.id);
  });

  it('never returns an internal note to the portal', async () => {
    const filed = await fileAs(shopA);
    await staff(agent).complaints.accept({ id: filed.id, version: 0 });
    await staff(agent).complaints.note({ id: filed.id, body: '内部：该客户上月已投诉过一次' });
    await staff(agent).complaints.reply({ id: filed.id, version: await version(filed.id), body: '我们正在核实送货记录。' });
    const mine = await portal(shopA).complaints.get({ id: filed.id });
    expect(mine.events.map((e) => e.type)).toEqual(['FILED', 'ACCEPTED', 'STARTED', 'REPLY']);
    expect(JSON.stringify(mine)).not.toContain('内部：');
    const list = await portal(shopA).complaints.list({ pageSize: 50 });
    expect(JSON.stringify(list)).not.toContain('内部：');
    const theirs = await staff(agent).complaints.get({ id: filed.id });
    expect(theirs.events.map((e) => e.type)).toContain('INTERNAL_NOTE');
  });

  it('answers the portal only what its pages read: the follow-up deadline, internal routing and staff fields stay behind', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.accept({ id, version: 0 });
    await staff(agent).complaints.start({ id, version: 1 });
    await staff(agent).complaints.resolve({ id, version: 2, body: '已补送并致歉。' });
    const row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row.ownerId).toBe(agent.id);
    expect(row.departmentId).toBe(logisticsDept);
    expect(row.followUpDueAt).not.toBeNull();
    const resolved = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: id, type: 'RESOLVED' } });
    expect(resolved).toMatchObject({ visibility: 'PUBLIC', data: { followUpDueAt: row.followUpDueAt!.toISOString() } });
    const filed = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: id, type: 'FILED' } });
    expect(filed.data).toMatchObject({ acceptDueAt: expect.any(String), resolveDueAt: expect.any(String) });

    const mine = await portal(shopA).complaints.get({ id });
    for (const field of ['ownerId', 'departmentId', 'followUpDueAt', 'idempotencyKey', 'filedById', 'breachedAt', 'lastReminderAt'])
      expect(mine).not.toHaveProperty(field);
    expect(mine.events.find((e) => e.type === 'RESOLVED')!.data).toEqual({});
    expect(mine.events.find((e) => e.type === 'FILED')!.data).toEqual({});
    expect(JSON.stringify(mine)).not.toContain(row.followUpDueAt!.toISOString());
    for (const e of mine.events) {
      expect(e).not.toHaveProperty('fromState');
      expect(e).not.toHaveProperty('toState');
    }
    const list = await portal(shopA).complaints.list({ pageSize: 50 });
    const item = list.items.find((c) => c.id === id)!;
    expect(item).not.toHaveProperty('ownerId');
    expect(item).not.toHaveProperty('departmentId');
  });
});

describe('the state machine, by role', () => {
  it('runs a case end to end: accept → reply → ask → answer → resolve → confirm and rate', async () => {
    const filed = await fileAs(shopA);
    const id = filed.id;
    // Not yet accepted: no reply (and no Reply button), no resolving.
    expect((await staff(agent).complaints.get({ id })).can.reply).toBe(false);
    await expect(staff(agent).complaints.reply({ id, version: 0, body: '太早了' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(staff(agent).complaints.resolve({ id, version: 0, body: '太早了' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(portal(shopA).complaints.confirm({ id, version: 0, rating: 5 })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    await staff(agent).complaints.accept({ id, version: 0 });
    let row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'ACCEPTED', ownerId: agent.id, version: 1 });
    await expect(staff(agent).complaints.accept({ id, version: 1 })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });

    expect((await staff(agent).complaints.get({ id })).can.reply).toBe(true);
    await staff(agent).complaints.reply({ id, version: 1, body: '已联系物流核实。' });
    // Friday 16:00: ask the shop for the delivery note; it answers Monday 10:00.
    await staff(agent, clockAt('2033-03-11T16:00:00')).complaints.requestInfo({
      id,
      version: await version(id),
      body: '请上传送货单照片。',
    });
    row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe('WAITING_RETAILER');
    expect(row.pausedAt).toEqual(at('2033-03-11T16:00:00'));
    const before = row.resolveDueAt;
    expect((await portal(shopA).complaints.list({})).items.find((c) => c.id === id)?.waitingForMe).toBe(true);

    await portal(shopA, clockAt('2033-03-14T10:00:00')).complaints.respond({
      id,
      version: row.version,
      body: '照片已上传。',
      attachments: [{ fileName: 'note.png', bytes: PNG }],
    });
    row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe('IN_PROGRESS');
    expect(row.pausedAt).toBeNull();
    // Paused Fri 16:00–17:30 and Mon 08:30–10:00: three working hours later.
    expect(row.resolveDueAt.getTime() - before.getTime()).toBe(3 * 3_600_000);
    const owner = await db.notification.findFirst({ where: { staffUserId: agent.id, link: `/complaints/${id}` }, orderBy: { id: 'desc' } });
    expect(owner).toMatchObject({
      messageKey: 'complaints.notify.retailerAnswered',
      params: { caseNo: row.caseNo, detail: '照片已上传。' },
    });

    await staff(agent, clockAt('2033-03-15T11:00:00')).complaints.resolve({ id, version: row.version, body: '已补送一条并致歉。' });
    row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'RESOLVED', resolvedAt: at('2033-03-15T11:00:00') });
    // The follow-up call is due by the close of the next working day.
    expect(row.followUpDueAt).toEqual(at('2033-03-16T17:30:00'));
    expect((await portal(shopA).complaints.get({ id })).actions).toEqual(expect.arrayContaining(['confirm', 'reopen']));

    await staff(agent, clockAt('2033-03-16T09:00:00')).complaints.followUp({
      id,
      version: row.version,
      reached: true,
      satisfied: true,
      note: '客户表示满意',
    });
    await portal(shopA, clockAt('2033-03-16T12:00:00')).complaints.confirm({
      id,
      version: await version(id),
      rating: 5,
      comment: '处理及时',
    });
    row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'CLOSED', rating: 5, ratingComment: '处理及时' });
    const events = await db.complaintEvent.findMany({ where: { complaintId: id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.type)).toEqual([
      'FILED',
      'ACCEPTED',
      'REASSIGNED',
      'STARTED',
      'REPLY',
      'INFO_REQUESTED',
      'RETAILER_RESPONSE',
      'DEADLINE_CHANGED',
      'RESOLVED',
      'FOLLOW_UP',
      'CLOSED',
    ]);
    expect(events.every((e) => e.actorStaffId !== null || e.actorLoginId !== null)).toBe(true);
    // Closed: nothing more but a staff reopen.
    await expect(staff(agent).complaints.reply({ id, version: row.version, body: '补充' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(portal(shopA).complaints.reopen({ id, version: row.version, reason: '还想再说' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('a rating of 1–2 reopens the case for a follow-up', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.accept({ id, version: 0 });
    await staff(agent).complaints.start({ id, version: 1 });
    await staff(agent).complaints.resolve({ id, version: 2, body: '已处理' });
    const result = await portal(shopA).complaints.confirm({ id, version: 3, rating: 2, comment: '还是没解决' });
    expect(result.reopened).toBe(true);
    const row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: 'IN_PROGRESS', rating: 2, reopenCount: 1, resolvedAt: null, closedAt: null });
    const types = (await db.complaintEvent.findMany({ where: { complaintId: id }, orderBy: { id: 'asc' } })).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['CLOSED', 'REOPENED']);
  });

  it('lets the retailer reopen within 7 days of resolution, not after; staff may reopen a closed case', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.accept({ id, version: 0 });
    await staff(agent).complaints.start({ id, version: 1 });
    await staff(agent).complaints.resolve({ id, version: 2, body: '已处理' });
    await expect(
      portal(shopA, clockAt('2033-03-16T10:00:01')).complaints.reopen({ id, version: 3, reason: '问题又出现了' }),
    ).rejects.toMatchObject({ cause: { messageKey: 'complaints.error.reopenWindow' } });
    await portal(shopA, clockAt('2033-03-15T09:00:00')).complaints.reopen({ id, version: 3, reason: '问题又出现了' });
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).state).toBe('IN_PROGRESS');

    await staff(agent).complaints.resolve({ id, version: 4, body: '再次处理' });
    await staff(agent).complaints.close({ id, version: 5 });
    await expect(portal(shopA).complaints.reopen({ id, version: 6, reason: 'x' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await staff(agent).complaints.reopen({ id, version: 6, body: '回访发现未解决' });
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).state).toBe('IN_PROGRESS');
  });

  it('records the retailer’s answer taken by phone, and a rating on a case staff closed', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.accept({ id, version: 0 });
    await staff(agent).complaints.start({ id, version: 1 });
    await staff(agent).complaints.requestInfo({ id, version: 2, body: '请告知送货时间' });
    await staff(agent).complaints.recordResponse({ id, version: 3, body: '客户电话告知：下午三点' });
    await staff(agent).complaints.resolve({ id, version: 4, body: '已处理' });
    await staff(agent).complaints.close({ id, version: 5 });
    const mine = await portal(shopA).complaints.get({ id });
    expect(mine.actions).toEqual(['rate']);
    await portal(shopA).complaints.rate({ id, version: 6, rating: 4 });
    await expect(portal(shopA).complaints.rate({ id, version: 7, rating: 4 })).rejects.toMatchObject({
      cause: { messageKey: 'complaints.error.alreadyRated' },
    });
  });
});

describe('each step by each role', () => {
  it('lets a manager take every staff step, an account manager only note and file, an executive none', async () => {
    const { id } = await fileAs(shopA);
    const mgr = staff(manager);
    await mgr.complaints.accept({ id, version: 0 });
    await mgr.complaints.reply({ id, version: 1, body: '经理回复' });
    await mgr.complaints.requestInfo({ id, version: 2, body: '请补充' });
    await mgr.complaints.recordResponse({ id, version: 3, body: '电话补充' });
    await mgr.complaints.reassign({ id, version: 4, departmentId: serviceDept, ownerId: agent.id });
    await mgr.complaints.resolve({ id, version: 5, body: '已处理' });
    await mgr.complaints.followUp({ id, version: 6, reached: false, satisfied: null });
    await mgr.complaints.close({ id, version: 7 });
    await mgr.complaints.reopen({ id, version: 8, body: '回访不满意' });
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).state).toBe('IN_PROGRESS');

    const v = await version(id);
    for (const who of [am1, exec]) {
      const caller = staff(who);
      for (const call of [
        () => caller.complaints.reply({ id, version: v, body: 'x' }),
        () => caller.complaints.requestInfo({ id, version: v, body: 'x' }),
        () => caller.complaints.recordResponse({ id, version: v, body: 'x' }),
        () => caller.complaints.resolve({ id, version: v, body: 'x' }),
        () => caller.complaints.close({ id, version: v }),
        () => caller.complaints.start({ id, version: v }),
        () => caller.complaints.reopen({ id, version: v, body: 'x' }),
      ]) {
        await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      }
    }
    // The account manager of the shop may add a note; another account manager does not even find the case.
    await staff(am1).complaints.note({ id, body: '客户经理：已上门了解情况' });
    await expect(staff(am2).complaints.note({ id, body: '试探' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await version(id)).toBe(v);
  });
});

describe('integrity', () => {
  it('gives the second of two staff acting on one version a conflict, and loses nothing', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.accept({ id, version: 0 });
    const results = await Promise.allSettled([
      staff(agent).complaints.reply({ id, version: 1, body: '第一位坐席的回复' }),
      staff(agent2).complaints.reply({ id, version: 1, body: '第二位坐席的回复' }),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'CONFLICT',
      cause: { messageKey: 'complaints.error.conflict' },
    });
    const replies = await db.complaintEvent.findMany({ where: { complaintId: id, type: 'REPLY' } });
    expect(replies).toHaveLength(1);
    // A stale version after that is refused too, and changes nothing.
    await expect(staff(agent2).complaints.resolve({ id, version: 1, body: '过时' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await db.complaint.findUniqueOrThrow({ where: { id } })).state).toBe('IN_PROGRESS');
  });

  it('reassigns to a department and a person, on the internal timeline, and tells the new owner', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.reassign({ id, version: 0, departmentId: serviceDept, ownerId: agent2.id, note: '转客服中心' });
    const row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ departmentId: serviceDept, ownerId: agent2.id, version: 1 });
    const event = await db.complaintEvent.findFirstOrThrow({ where: { complaintId: id, type: 'REASSIGNED' } });
    expect(event).toMatchObject({ visibility: 'INTERNAL', actorStaffId: agent.id });
    expect(await db.notification.count({ where: { staffUserId: agent2.id, link: `/complaints/${id}` } })).toBe(1);
    await expect(staff(agent).complaints.reassign({ id, version: 1, departmentId: serviceDept, ownerId: agent2.id })).rejects.toMatchObject(
      { cause: { messageKey: 'complaints.error.sameAssignment' } },
    );
    await expect(
      staff(agent).complaints.reassign({ id, version: 1, departmentId: serviceDept, ownerId: shopA.id + 10_000_000 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('filing by phone', () => {
  it('finds the shop by licence number or phone and files on its behalf', async () => {
    const byLicence = await staff(agent).complaints.lookupRetailer({ q: shopB.licenceNo });
    expect(byLicence.map((r) => r.id)).toEqual([shopB.id]);
    const byPhone = await staff(agent).complaints.lookupRetailer({ q: shopB.phone });
    expect(byPhone.map((r) => r.id)).toContain(shopB.id);
    // An account manager finds only their own shops.
    expect(await staff(am1).complaints.lookupRetailer({ q: shopB.licenceNo })).toEqual([]);

    const filed = await staff(agent).complaints.fileForRetailer({
      retailerId: shopB.id,
      kind: 'QUESTION',
      categoryId,
      subject: '发票咨询',
      description: '客户来电询问如何开具发票。',
      idempotencyKey: key(),
    });
    const row = await db.complaint.findUniqueOrThrow({ where: { id: filed.id } });
    expect(row).toMatchObject({ channel: 'PHONE', filedById: agent.id, retailerId: shopB.id, kind: 'QUESTION' });
    // A question: 3 working days.
    expect(row.resolveDueAt).toEqual(at('2033-03-11T10:00:00'));
    expect(await db.notification.count({ where: { retailerId: shopB.id, link: `/complaints/${filed.id}` } })).toBe(1);
    expect((await portal(shopB).complaints.get({ id: filed.id })).channel).toBe('PHONE');
    await expect(
      staff(am1).complaints.fileForRetailer({
        retailerId: shopB.id,
        kind: 'QUESTION',
        categoryId,
        subject: '发票咨询',
        description: '客户来电询问。',
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(staff(exec).complaints.lookupRetailer({ q: shopB.licenceNo })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the breach job', () => {
  it('marks an overdue case, reminds the owner and a manager once a day, and repeats the next day', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.reassign({ id, version: 0, departmentId: logisticsDept, ownerId: agent2.id });
    // Accept deadline Wednesday 10:00; at 10:05 the sweep finds it.
    const now = at('2033-03-09T10:05:00');
    const found = await sweepBreaches(db, now);
    expect(found).toContain(id);
    const job = await findJob(db, `complaints:remind:${id}:2033-03-09`);
    expect(job?.queue).toBe('complaints.remind');
    // A second sweep the same day enqueues nothing new for it.
    await sweepBreaches(db, at('2033-03-09T10:20:00'));
    expect(await db.$queryRaw`SELECT id FROM pgboss.job WHERE singleton_key LIKE ${`complaints:remind:${id}:%`}`).toHaveLength(1);

    expect(await remindOverdueCase(db, { complaintId: id }, now)).toEqual({ reminded: true, breach: 'accept' });
    expect(await remindOverdueCase(db, { complaintId: id }, at('2033-03-09T15:00:00'))).toEqual({ reminded: false });
    let row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row.breachedAt).toEqual(now);
    // The version is untouched: a colleague's concurrent action is not turned into a conflict.
    expect(row.version).toBe(1);
    expect(await db.notification.count({ where: { staffUserId: agent2.id, kind: 'SLA_REMINDER', link: `/complaints/${id}` } })).toBe(1);
    expect(await db.notification.count({ where: { staffUserId: manager.id, kind: 'SLA_REMINDER', link: `/complaints/${id}` } })).toBe(1);

    // Still overdue the next day: reminded again, breachedAt kept from the first time.
    expect(await sweepBreaches(db, at('2033-03-10T08:00:00'))).toContain(id);
    expect(await remindOverdueCase(db, { complaintId: id }, at('2033-03-10T08:00:00'))).toEqual({ reminded: true, breach: 'accept' });
    row = await db.complaint.findUniqueOrThrow({ where: { id } });
    expect(row.breachedAt).toEqual(now);
    expect(await db.complaintEvent.count({ where: { complaintId: id, type: 'BREACHED', visibility: 'INTERNAL' } })).toBe(2);
    expect(await db.notification.count({ where: { staffUserId: manager.id, kind: 'SLA_REMINDER', link: `/complaints/${id}` } })).toBe(2);

    // Not on a Saturday; and once accepted (resolve clock still running) no more reminders.
    expect(await sweepBreaches(db, at('2033-03-12T10:00:00'))).toEqual([]);
    await staff(agent2, clockAt('2033-03-10T09:00:00')).complaints.accept({ id, version: 1 });
    expect(await remindOverdueCase(db, { complaintId: id }, at('2033-03-11T09:00:00'))).toEqual({ reminded: false });
  });

  it('does not remind a case waiting for the retailer', async () => {
    const { id } = await fileAs(shopA);
    await staff(agent).complaints.accept({ id, version: 0 });
    await staff(agent).complaints.start({ id, version: 1 });
    await staff(agent).complaints.requestInfo({ id, version: 2, body: '请补充' });
    expect(await sweepBreaches(db, at('2033-04-20T10:00:00'))).not.toContain(id);
    expect(await remindOverdueCase(db, { complaintId: id }, at('2033-04-20T10:00:00'))).toEqual({ reminded: false });
  });
});

describe('the queue and the overview', () => {
  it('filters, sorts by deadline and counts per state, overdue and due today', async () => {
    const district = (await createDistrict(db)).id;
    const shop = await createRetailer(db, { districtId: district, passwordHash, accountManagerId: am1.id });
    const first = await fileAs(shop, {}, clockAt('2033-03-07T09:00:00'));
    const second = await fileAs(shop, { kind: 'QUESTION' }, clockAt('2033-03-08T09:00:00'));
    const third = await fileAs(shop, {}, clockAt('2033-03-08T09:30:00'));
    await staff(agent).complaints.accept({ id: third.id, version: 0 });
    const at1030 = clockAt('2033-03-08T10:00:00');
    const queue = await staff(agent, at1030).complaints.queue({ districtId: district });
    expect(queue.total).toBe(3);
    // The question resolves first (3 working days), then the two complaints by filing time.
    expect(queue.items.map((c) => c.id)).toEqual([second.id, first.id, third.id]);
    expect(queue.counts.byState).toMatchObject({ SUBMITTED: 2, ACCEPTED: 1 });
    // The first was due to be accepted by Tuesday 09:00: overdue at 10:00.
    expect(queue.counts.overdue).toBe(1);
    const overdue = await staff(agent, at1030).complaints.queue({ districtId: district, overdue: true });
    expect(overdue.items.map((c) => c.id)).toEqual([first.id]);
    expect(overdue.items[0]?.overdue).toBe(true);
    // On Wednesday the second must be accepted by 09:00; the third is accepted and due on the 25th.
    expect(
      (await staff(agent, clockAt('2033-03-09T08:00:00')).complaints.queue({ districtId: district, dueToday: true })).items.map(
        (c) => c.id,
      ),
    ).toEqual([second.id]);
    expect((await staff(agent, at1030).complaints.queue({ districtId: district, owner: 'me' })).items.map((c) => c.id)).toEqual([third.id]);
    expect((await staff(agent, at1030).complaints.queue({ districtId: district, owner: 'none' })).total).toBe(2);
    expect((await staff(agent, at1030).complaints.queue({ districtId: district, kind: 'QUESTION' })).items.map((c) => c.id)).toEqual([
      second.id,
    ]);
    expect((await staff(agent, at1030).complaints.queue({ districtId: district, state: 'ACCEPTED' })).items.map((c) => c.id)).toEqual([
      third.id,
    ]);
    expect((await staff(agent, at1030).complaints.queue({ districtId: district, pageSize: 20, page: 2 })).items).toEqual([]);
    await expect(staff(agent).complaints.queue({ pageSize: 7 as 20 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('aggregates the overview in SQL: states, categories, departments, SLA and satisfaction', async () => {
    const district = (await createDistrict(db)).id;
    const lonelyAm = await staffIn(['ACCOUNT_MANAGER']);
    const shop = await createRetailer(db, { districtId: district, passwordHash, accountManagerId: lonelyAm.id });
    const { id } = await fileAs(shop, {}, clockAt('2033-05-10T09:00:00'));
    await fileAs(shop, { kind: 'SUGGESTION' }, clockAt('2033-05-10T09:00:00'));
    const clock = clockAt('2033-05-10T11:00:00');
    await staff(agent, clock).complaints.accept({ id, version: 0 });
    await staff(agent, clock).complaints.start({ id, version: 1 });
    await staff(agent, clock).complaints.resolve({ id, version: 2, body: '已处理' });
    await portal(shop, clock).complaints.confirm({ id, version: 3, rating: 4 });
    const overview = await staff(lonelyAm, clock).complaints.overview({ from: '2033-05-01', to: '2033-05-31' });
    expect(overview.total).toBe(2);
    expect(overview.byState.sort((a, b) => a.state.localeCompare(b.state))).toEqual([
      { state: 'CLOSED', n: 1 },
      { state: 'SUBMITTED', n: 1 },
    ]);
    expect(overview.byKind.find((k) => k.kind === 'SUGGESTION')?.n).toBe(1);
    expect(overview.byCategory).toEqual([expect.objectContaining({ id: categoryId, n: 2 })]);
    expect(overview.sla).toMatchObject({ accepted: 1, acceptedInTime: 1, resolved: 1, resolvedInTime: 1, acceptedInTimeRate: 1 });
    expect(overview.sla.meanAcceptHours).toBeCloseTo(2, 5);
    expect(overview.satisfaction).toMatchObject({ closed: 1, rated: 1, meanRating: 4 });
    expect(overview.ratings.find((r) => r.rating === 4)?.n).toBe(1);
  });
});
