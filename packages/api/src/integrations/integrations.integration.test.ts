import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import { addDays, chinaDateTime } from '../schedule/calendar.rules';
import { backofficeCallerFor, portalCallerFor, retailerActor, staffActor } from '../testing/callers';
import { createPolicy, createProduct, ensureCycle } from '../testing/portal-fixtures';
import { handleOrderBatchPost, handleOrderPost, handleProductsPost } from './integrations.http';
import { ingestOpenApiDocument } from './integrations.openapi';
import { INGEST_MAX_BATCH, INGEST_MAX_BODY_BYTES } from './integrations.schema';

// The ingestion API through the very handlers the back office's routes call, on real PostgreSQL. The
// orders fall in weeks of 2083, which no other test file uses.

const db = testDb();
const MONDAY = '2083-03-01';
const now = chinaDateTime(addDays(MONDAY, 1), '10:00');
let passwordHash: string;
let admin: Awaited<ReturnType<typeof createStaff>>;
let marketing: Awaited<ReturnType<typeof createStaff>>;
let shop: Awaited<ReturnType<typeof createRetailer>>;
let limited: Awaited<ReturnType<typeof createProduct>>;
let free: Awaited<ReturnType<typeof createProduct>>;
let key: string;
let integrationId: number;

beforeAll(async () => {
  passwordHash = await hashPassword('irrelevant-1');
  const districtId = (await createDistrict(db)).id;
  admin = await createStaff(db, { roles: ['ADMIN'], passwordHash });
  marketing = await createStaff(db, { roles: ['MARKETING'], passwordHash });
  shop = await createRetailer(db, { districtId, passwordHash, grade: 12, orderWeekday: 3 });
  limited = await createProduct(db, { scarce: true });
  free = await createProduct(db);
  const cycle = await ensureCycle(db, MONDAY);
  await ensureCycle(db, addDays(MONDAY, 7));
  await createPolicy(db, {
    cycleId: cycle.id,
    createdById: marketing.id,
    publishedAt: chinaDateTime(addDays(MONDAY, -2), '12:00'),
    limits: [{ productId: limited.id, gradeFrom: 1, gradeTo: 30, limitQuantity: 5 }],
  });
  const created = await backofficeCallerFor(db, staffActor(admin), () => now).integrations.create({ name: '新商盟订货系统' });
  key = created.key;
  integrationId = created.id;
});

function post(
  path: 'orders' | 'orders/batch' | 'products',
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${key}` },
) {
  return new Request(`http://localhost/api/ingest/v1/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const order = (
  externalOrderNo: string,
  lines: { productCode: string; quantity: number; unitPriceFen?: number }[],
  extra: Record<string, unknown> = {},
) => ({
  licenceNo: shop.licenceNo,
  externalOrderNo,
  orderedAt: `${addDays(MONDAY, 2)}T09:30:00+08:00`,
  status: 'CONFIRMED',
  lines: lines.map((l) => ({ unitPriceFen: 20_000, ...l })),
  ...extra,
});

describe('integrations in the back office', () => {
  it('shows the key once, keeps only its prefix and hash, and refuses non-administrators', async () => {
    expect(key).toMatch(/^tsk_[0-9a-f]{8}_/);
    const row = await db.integration.findUniqueOrThrow({ where: { id: integrationId } });
    expect(row.keyHash).not.toContain(key.slice(13));
    expect(key.startsWith(`tsk_${row.keyPrefix}_`)).toBe(true);
    const list = await backofficeCallerFor(db, staffActor(admin)).integrations.list();
    expect(list.find((i) => i.id === integrationId)).toMatchObject({ name: '新商盟订货系统', keyPrefix: row.keyPrefix });
    expect(JSON.stringify(list)).not.toContain(key);
    await expect(backofficeCallerFor(db, staffActor(marketing)).integrations.create({ name: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(backofficeCallerFor(db, staffActor(marketing)).integrations.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, retailerActor(shop)).integrations.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(backofficeCallerFor(db, null).integrations.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(backofficeCallerFor(db, staffActor(admin)).integrations.create({ name: '  ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(backofficeCallerFor(db, staffActor(admin)).integrations.calls({ integrationId: 2_000_000_000 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('POST /orders', () => {
  it('stores an order in the cycle of its order day, flags what goes over the limit, and the portal counts it', async () => {
    const res = await handleOrderPost(
      db,
      post(
        'orders',
        order('XSM-A-1', [
          { productCode: limited.code, quantity: 3 },
          { productCode: free.code, quantity: 40 },
        ]),
      ),
      now,
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ outcome: 'created', status: 'CONFIRMED', cycle: `T-${MONDAY}` });
    expect(body.lines).toEqual(
      expect.arrayContaining([
        { productCode: limited.code, quantity: 3, overLimitBy: 0 },
        { productCode: free.code, quantity: 40, overLimitBy: 0 },
      ]),
    );

    // A second order takes 4 more of a limit of 5 with 3 used: 2 over, stored anyway.
    const over = await (
      await handleOrderPost(db, post('orders', order('XSM-A-2', [{ productCode: limited.code, quantity: 4 }])), now)
    ).json();
    expect(over.lines).toEqual([{ productCode: limited.code, quantity: 4, overLimitBy: 2 }]);
    const stored = await db.order.findUniqueOrThrow({ where: { externalRef: 'XSM-A-2' }, include: { lines: true } });
    expect(stored).toMatchObject({ integrationId, retailerId: shop.id, totalQuantity: 4, totalAmountFen: 80_000n });
    expect(stored.lines[0]!.overLimitBy).toBe(2);

    const mine = await portalCallerFor(db, retailerActor(shop), () => now).allocation.mine({ cycle: 'current' });
    expect(mine.items.find((i) => i.productId === limited.id)!.allowance).toEqual({
      effectiveLimit: 5,
      ordered: 7,
      remaining: 0,
      overBy: 2,
    });

    const calls = await backofficeCallerFor(db, staffActor(admin)).integrations.calls({ integrationId });
    expect(calls.items.find((c) => c.externalRef === 'XSM-A-2')).toMatchObject({
      endpoint: 'POST /orders',
      status: 201,
      outcome: 'created',
      received: 1,
      written: 1,
      flaggedLines: 1,
    });
  });

  it('answers a replay with the first result, a changed replay with 409 and the differences, and takes a cancellation', async () => {
    const first = order('XSM-B-1', [{ productCode: free.code, quantity: 2 }]);
    const created = await (await handleOrderPost(db, post('orders', first), now)).json();
    const replay = await handleOrderPost(
      db,
      post('orders', { ...first, lines: [...first.lines].reverse(), orderedAt: `${addDays(MONDAY, 2)}T01:30:00Z` }),
      now,
    );
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: 'replayed', orderId: created.orderId });
    expect(await db.order.count({ where: { externalRef: 'XSM-B-1' } })).toBe(1);
    expect(await db.orderLine.count({ where: { orderId: created.orderId } })).toBe(1);

    const conflict = await handleOrderPost(
      db,
      post('orders', { ...first, lines: [{ productCode: free.code, quantity: 5, unitPriceFen: 20_000 }] }),
      now,
    );
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).differences).toEqual([{ field: `lines[${free.code}].quantity`, stored: 2, received: 5 }]);
    expect((await db.orderLine.findFirstOrThrow({ where: { orderId: created.orderId } })).quantity).toBe(2);

    const cancelled = await handleOrderPost(db, post('orders', { ...first, status: 'CANCELLED' }), now);
    expect(await cancelled.json()).toMatchObject({ outcome: 'cancelled', status: 'CANCELLED', orderId: created.orderId });
    expect((await db.order.findUniqueOrThrow({ where: { id: created.orderId } })).status).toBe('CANCELLED');
    expect((await handleOrderPost(db, post('orders', first), now)).status).toBe(409);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [order('XSM-C-1', [{ productCode: free.code, quantity: 1.5 }]), 'lines.0.quantity'],
      [order('XSM-C-2', [{ productCode: free.code, quantity: -1 }]), 'lines.0.quantity'],
      [order('XSM-C-3', [{ productCode: 'NO-SUCH', quantity: 1 }]), 'lines.0.productCode'],
      [{ ...order('XSM-C-4', [{ productCode: free.code, quantity: 1 }]), licenceNo: '999999999999' }, 'licenceNo'],
      [order('XSM-C-5', [{ productCode: free.code, quantity: 1 }], { orderedAt: '2099-06-01T10:00:00+08:00' }), 'orderedAt'],
    ];
    for (const [body, path] of cases) {
      const res = await handleOrderPost(db, post('orders', body), now);
      expect(res.status).toBe(400);
      const json = await res.json();
      expect(json.error.code).toBe('ingest.errors.invalid');
      expect(json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await db.order.count({ where: { externalRef: { startsWith: 'XSM-C-' } } })).toBe(0);
    const notJson = await handleOrderPost(db, post('orders', '{"licenceNo":'), now);
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.code).toBe('ingest.errors.notJson');
    const english = await handleOrderPost(
      db,
      post('orders', order('XSM-C-6', [{ productCode: 'NO-SUCH', quantity: 1 }]), {
        authorization: `Bearer ${key}`,
        'accept-language': 'en-GB',
      }),
      now,
    );
    expect((await english.json()).errors[0].message).toBe('Unknown product code');
  });

  it('answers 413 to an oversize body, whether or not it says its length', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(INGEST_MAX_BODY_BYTES) });
    expect((await handleOrderPost(db, post('orders', big), now)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = new Request('http://localhost/api/ingest/v1/orders', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await handleOrderPost(db, chunked, now)).status).toBe(413);
  });

  it('answers 401 without a key, with a wrong one, with a rotated one and with a revoked one', async () => {
    const body = order('XSM-D-1', [{ productCode: free.code, quantity: 1 }]);
    expect((await handleOrderPost(db, post('orders', body, {}), now)).status).toBe(401);
    expect(
      (
        await handleOrderPost(
          db,
          post('orders', body, { authorization: `Bearer ${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}` }),
          now,
        )
      ).status,
    ).toBe(401);
    const other = await backofficeCallerFor(db, staffActor(admin), () => now).integrations.create({ name: '分销系统' });
    const rotated = await backofficeCallerFor(db, staffActor(admin), () => now).integrations.rotate({ integrationId: other.id });
    expect((await handleOrderPost(db, post('orders', body, { authorization: `Bearer ${other.key}` }), now)).status).toBe(401);
    expect((await handleOrderPost(db, post('orders', body, { authorization: `Bearer ${rotated.key}` }), now)).status).toBe(201);
    await backofficeCallerFor(db, staffActor(admin), () => now).integrations.revoke({ integrationId: other.id });
    const revoked = await handleOrderPost(
      db,
      post('orders', { ...body, externalOrderNo: 'XSM-D-2' }, { authorization: `Bearer ${rotated.key}` }),
      now,
    );
    expect(revoked.status).toBe(401);
    expect(await db.order.count({ where: { externalRef: 'XSM-D-2' } })).toBe(0);
    await expect(
      backofficeCallerFor(db, staffActor(admin), () => now).integrations.rotate({ integrationId: other.id }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(await db.auditLog.count({ where: { entityType: 'Integration', entityId: String(other.id) } })).toBe(3);
  });
});

describe('POST /orders/batch', () => {
  it('answers every order as its single call would, in the order sent, and logs the batch once', async () => {
    await handleOrderPost(db, post('orders', order('XSM-E-0', [{ productCode: free.code, quantity: 1 }])), now);
    const used = (await portalCallerFor(db, retailerActor(shop), () => now).allocation.mine({ cycle: 'current' })).items.find(
      (i) => i.productId === limited.id,
    )!.allowance.ordered;
    const orders = [
      order('XSM-E-1', [{ productCode: limited.code, quantity: 1 }]),
      // The second order of the same shop sees what the first took: everything beyond the limit of 5 is flagged.
      order('XSM-E-2', [{ productCode: limited.code, quantity: 6 }]),
      order('XSM-E-0', [{ productCode: free.code, quantity: 1 }]),
      order('XSM-E-0', [{ productCode: free.code, quantity: 9 }]),
      { ...order('XSM-E-3', [{ productCode: free.code, quantity: 1 }]), licenceNo: '12' },
      order('XSM-E-4', [{ productCode: 'NO-SUCH-CODE', quantity: 1 }]),
    ];
    const res = await handleOrderBatchPost(
      db,
      post('orders/batch', { orders }, { authorization: `Bearer ${key}`, 'accept-language': 'en' }),
      now,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.counts).toEqual({ created: 2, replayed: 1, cancelled: 0, conflict: 1, invalid: 2 });
    expect(body.results.map((r: { index: number; status: number }) => [r.index, r.status])).toEqual([
      [0, 201],
      [1, 201],
      [2, 200],
      [3, 409],
      [4, 400],
      [5, 400],
    ]);
    const firstOver = Math.min(1, Math.max(0, used + 1 - 5));
    const secondOver = Math.min(6, Math.max(0, used + 1 + 6 - 5));
    expect(secondOver).toBeGreaterThan(0);
    expect(body.results[0].body.lines).toEqual([{ productCode: limited.code, quantity: 1, overLimitBy: firstOver }]);
    expect(body.results[1].body.lines).toEqual([{ productCode: limited.code, quantity: 6, overLimitBy: secondOver }]);
    expect(body.results[3].body.differences).toEqual([{ field: `lines[${free.code}].quantity`, stored: 1, received: 9 }]);
    expect(body.results[4]).toMatchObject({
      externalOrderNo: 'XSM-E-3',
      body: { errors: [{ path: 'licenceNo', message: 'A licence number has 12 digits' }] },
    });
    expect(body.results[5].body.errors).toEqual([{ path: 'lines.0.productCode', message: 'Unknown product code' }]);
    expect(await db.order.count({ where: { externalRef: { in: ['XSM-E-3', 'XSM-E-4'] } } })).toBe(0);

    const calls = await backofficeCallerFor(db, staffActor(admin)).integrations.calls({ integrationId });
    expect(calls.items.filter((c) => c.endpoint === 'POST /orders/batch')).toEqual([
      expect.objectContaining({ status: 200, outcome: 'batch', received: 6, written: 2, flaggedLines: firstOver > 0 ? 2 : 1 }),
    ]);
  });

  it('stores each number once when two senders send overlapping batches at the same moment', async () => {
    const a = Array.from({ length: 30 }, (_, i) => order(`XSM-G-${i}`, [{ productCode: free.code, quantity: 1 + (i % 3) }]));
    const b = [
      ...a.slice(15),
      ...Array.from({ length: 15 }, (_, i) => order(`XSM-G-${30 + i}`, [{ productCode: free.code, quantity: 2 }])),
    ].reverse();
    const answers = await Promise.all([a, b, a].map((orders) => handleOrderBatchPost(db, post('orders/batch', { orders }), now)));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const body of bodies) expect(body.results.every((r: { status: number }) => r.status === 201 || r.status === 200)).toBe(true);
    // Every number created exactly once across the three calls, and stored once.
    const created = bodies.reduce((n, body) => n + body.counts.created, 0);
    expect(created).toBe(45);
    expect(await db.order.count({ where: { externalRef: { startsWith: 'XSM-G-' } } })).toBe(45);
    expect(await db.orderLine.count({ where: { order: { externalRef: { startsWith: 'XSM-G-' } } } })).toBe(45);
  });

  it('cancels within a batch and answers a number repeated in the batch as a replay', async () => {
    const first = order('XSM-H-1', [{ productCode: free.code, quantity: 2 }]);
    const body = await (
      await handleOrderBatchPost(db, post('orders/batch', { orders: [first, first, { ...first, status: 'CANCELLED' }] }), now)
    ).json();
    expect(body.results.map((r: { body: { outcome: string } }) => r.body.outcome)).toEqual(['created', 'replayed', 'cancelled']);
    expect(await db.order.findUniqueOrThrow({ where: { externalRef: 'XSM-H-1' } })).toMatchObject({ status: 'CANCELLED' });
  });

  it('refuses an empty batch, one too large and a batch without a key, writing nothing', async () => {
    expect((await handleOrderBatchPost(db, post('orders/batch', { orders: [] }), now)).status).toBe(400);
    const many = Array.from({ length: INGEST_MAX_BATCH + 1 }, (_, i) => order(`XSM-F-${i}`, [{ productCode: free.code, quantity: 1 }]));
    expect((await handleOrderBatchPost(db, post('orders/batch', { orders: many }), now)).status).toBe(400);
    expect((await handleOrderBatchPost(db, post('orders/batch', { orders: many.slice(0, 1) }, {}), now)).status).toBe(401);
    expect(await db.order.count({ where: { externalRef: { startsWith: 'XSM-F-' } } })).toBe(0);
  });
});

describe('POST /products and the OpenAPI document', () => {
  it('creates new codes and updates known ones', async () => {
    const code = `P${Date.now()}`;
    const products = [
      { code, brand: '黄鹤楼', name: '硬奇景', productClass: 1, wholesalePriceFen: 70_000, retailPriceFen: 80_000, scarce: true },
      { code: limited.code, brand: limited.brand, name: '改名', productClass: 2, wholesalePriceFen: 30_000, retailPriceFen: 35_000 },
    ];
    const res = await handleProductsPost(db, post('products', { products }), now);
    expect(await res.json()).toEqual({ created: 1, updated: 1 });
    expect(await db.product.findUniqueOrThrow({ where: { code: limited.code } })).toMatchObject({
      name: '改名',
      productClass: 2,
      scarce: false,
    });
    expect((await handleProductsPost(db, post('products', { products: [{ ...products[0], productClass: 7 }] }), now)).status).toBe(400);
  });

  it('documents both endpoints from the zod schemas', () => {
    const doc = ingestOpenApiDocument('http://localhost:3001/api/ingest/v1');
    expect(Object.keys(doc.paths)).toEqual(['/orders', '/orders/batch', '/products']);
    const orderSchema = doc.components.schemas.Order as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(orderSchema.properties)).toEqual(['licenceNo', 'externalOrderNo', 'orderedAt', 'status', 'channel', 'lines']);
    expect(orderSchema.required).not.toContain('channel');
  });
});
