import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import type { AttachmentStorage } from '../complaints/complaints.storage';
import { backofficeCallerFor, staffActor } from '../testing/callers';
import { ZLogVisitInput, type TLogVisitInput } from './visits.schema';
import { logVisit as logVisitService } from './visits.service';

/** The service with its input parsed as the procedure parses it. */
const logVisit = (deps: Parameters<typeof logVisitService>[0], input: TLogVisitInput) => logVisitService(deps, ZLogVisitInput.parse(input));

const db = testDb();
let passwordHash: string;
let districtId: number;

// A Wednesday in the middle of a month, pinned.
const NOW = new Date('2031-07-16T03:00:00Z');
const clock = () => NOW;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

function memoryStorage(): AttachmentStorage & { keys: Map<string, Uint8Array> } {
  const keys = new Map<string, Uint8Array>();
  return {
    keys,
    put: async (k, b) => void keys.set(k, b),
    get: async (k) => keys.get(k) ?? null,
    delete: async (k) => void keys.delete(k),
  };
}

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  districtId = (await createDistrict(db)).id;
});

async function people() {
  const [am1, am2, manager] = await Promise.all([
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['ACCOUNT_MANAGER'], passwordHash }),
    createStaff(db, { roles: ['MANAGER'], passwordHash }),
  ]);
  return { am1, am2, manager };
}

describe('visit log', () => {
  it('logs a visit with a photo, market information and position; it is on the shop timeline', async () => {
    const { am1 } = await people();
    const shop = await createRetailer(db, { districtId, passwordHash, accountManagerId: am1.id });
    const storage = memoryStorage();
    const actor = staffActor(am1) as Parameters<typeof logVisitService>[0]['actor'];
    const done = await logVisit(
      { db, actor, clock, storage },
      {
        retailerId: shop.id,
        purpose: '月度走访',
        findings: '陈列规范',
        competitorPrices: '某品牌 ¥230/条',
        scarceStock: undefined,
        latitude: 30.27,
        longitude: 120.15,
        photos: [{ fileName: 'shop.png', bytes: PNG }],
      },
    );
    expect(done.photos).toBe(1);
    const visit = await db.visit.findUniqueOrThrow({ where: { id: done.id }, include: { photos: true } });
    expect(visit).toMatchObject({
      staffId: am1.id,
      purpose: '月度走访',
      findings: '陈列规范',
      marketInfo: { competitorPrices: '某品牌 ¥230/条', scarceStock: null },
      visitedAt: NOW,
    });
    expect(visit.photos[0]).toMatchObject({ mimeType: 'image/png', fileName: 'shop.png' });
    expect(storage.keys.has(visit.photos[0]!.storageKey)).toBe(true);
    const timeline = await backofficeCallerFor(db, staffActor(am1), clock).retailers.timeline({ retailerId: shop.id, kinds: ['VISIT'] });
    expect(timeline.items.map((e) => e.id)).toEqual([done.id]);
  });

  it('refuses a file that is not an image, another manager’s shop, and a wrong role: nothing stored', async () => {
    const { am1, am2, manager } = await people();
    const shop = await createRetailer(db, { districtId, passwordHash, accountManagerId: am1.id });
    const storage = memoryStorage();
    const input = { retailerId: shop.id, purpose: '检查', photos: [{ fileName: 'photo.jpg', bytes: PDF }] };
    await expect(logVisit({ db, actor: staffActor(am1) as never, clock, storage }, input)).rejects.toMatchObject({
      code: 'VALIDATION',
      messageKey: 'visits.error.notAnImage',
    });
    await expect(logVisit({ db, actor: staffActor(am2) as never, clock, storage }, { ...input, photos: [] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(backofficeCallerFor(db, staffActor(manager), clock).visits.log({ ...input, photos: [] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await db.visit.count({ where: { retailerId: shop.id } })).toBe(0);
    expect(storage.keys.size).toBe(0);
  });

  it('plans, lists what is due from the matrix, completes a planned visit; managers see completion', async () => {
    const { am1, am2, manager } = await people();
    // Grade 25, integrity A: 3 visits a month by the default matrix; grade 5, AAA: 1.
    const big = await createRetailer(db, { districtId, passwordHash, accountManagerId: am1.id, grade: 25, integrityLevel: 'A' });
    const small = await createRetailer(db, { districtId, passwordHash, accountManagerId: am1.id, grade: 5, integrityLevel: 'AAA' });
    const caller = backofficeCallerFor(db, staffActor(am1), clock);
    await expect(caller.visits.plan({ retailerId: big.id, plannedFor: '2031-07-01', purpose: '补拜访' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      backofficeCallerFor(db, staffActor(am2), clock).visits.plan({ retailerId: big.id, plannedFor: '2031-07-18', purpose: '走访' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const planned = await caller.visits.plan({ retailerId: big.id, plannedFor: '2031-07-18', purpose: '新品推介' });
    await db.visit.create({
      data: { retailerId: small.id, staffId: am1.id, visitedAt: new Date('2031-07-02T02:00:00Z'), purpose: '走访' },
    });
    // Logged on 30 June China time (before the month): does not count for July.
    await db.visit.create({ data: { retailerId: big.id, staffId: am1.id, visitedAt: new Date('2031-06-30T15:00:00Z'), purpose: '走访' } });

    const due = await caller.visits.due({});
    expect(due.month).toEqual({ from: '2031-07-01', to: '2031-07-31' });
    expect(due.items).toEqual([
      expect.objectContaining({ retailerId: big.id, perMonth: 3, done: 0, planned: 1, due: 3, overdue: true }),
      expect.objectContaining({ retailerId: small.id, perMonth: 1, done: 1, due: 0, overdue: false }),
    ]);
    const week = await caller.visits.weekPlan();
    expect(week.week.map((v) => v.id)).toEqual([planned.id]);

    await logVisit(
      { db, actor: staffActor(am1) as never, clock, storage: memoryStorage() },
      { retailerId: big.id, visitId: planned.id, purpose: '新品推介', photos: [] },
    );
    expect((await caller.visits.due({})).items[0]).toMatchObject({ retailerId: big.id, done: 1, planned: 0, due: 2 });

    const completion = await backofficeCallerFor(db, staffActor(manager), clock).visits.completion({});
    expect(completion.rows.find((r) => r.staffId === am1.id)).toMatchObject({ districtId, shops: 2, required: 4, done: 2 });
    await expect(caller.visits.completion({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('files a contact-detail change for one of my shops; not for another manager’s', async () => {
    const { am1, am2 } = await people();
    const shop = await createRetailer(db, { districtId, passwordHash, accountManagerId: am1.id });
    const filed = await backofficeCallerFor(db, staffActor(am1), clock).retailers.fileChangeRequest({
      retailerId: shop.id,
      change: { phone: '13812345678', reason: '拜访时店主告知' },
    });
    expect(await db.changeRequest.findUniqueOrThrow({ where: { id: filed.id } })).toMatchObject({
      requestedByStaffId: am1.id,
      state: 'PENDING',
      changes: { phone: '13812345678' },
    });
    await expect(
      backofficeCallerFor(db, staffActor(am2), clock).retailers.fileChangeRequest({
        retailerId: shop.id,
        change: { phone: '13812345679' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
