import { describe, expect, it } from 'vitest';
import { bearerKey, hashKey, keyMatches, keyPrefixOf, orderContent, orderDifferences, orderFingerprint } from './integrations.rules';
import { ZIngestOrder, ZIngestProducts } from './integrations.schema';

const order = {
  licenceNo: '330100000001',
  externalOrderNo: 'XSM-20261209-0001',
  orderedAt: '2026-12-09T09:30:00+08:00',
  status: 'CONFIRMED' as const,
  channel: 'ONLINE' as const,
  lines: [
    { productCode: 'B2', quantity: 3, unitPriceFen: 26_000 },
    { productCode: 'A1', quantity: 1, unitPriceFen: 45_000 },
  ],
};

describe('keys', () => {
  const key = `tsk_0a1b2c3d_${'x'.repeat(43)}`;
  it('finds the prefix of a well-formed key only', () => {
    expect(keyPrefixOf(key)).toBe('0a1b2c3d');
    expect(keyPrefixOf('tsk_0a1b2c3d_short')).toBeNull();
    expect(keyPrefixOf(`Bearer ${key}`)).toBeNull();
  });
  it('checks a key against its hash', () => {
    expect(keyMatches(key, hashKey(key))).toBe(true);
    expect(keyMatches(`${key.slice(0, -1)}y`, hashKey(key))).toBe(false);
  });
  it('reads a bearer header', () => {
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer  ${key} `)).toBe(key);
    expect(bearerKey(key)).toBeNull();
    expect(bearerKey(null)).toBeNull();
  });
});

describe('order fingerprint and differences', () => {
  it('ignores line order and the offset notation of the same instant', () => {
    const same = { ...order, orderedAt: '2026-12-09T01:30:00Z', lines: [...order.lines].reverse() };
    expect(orderFingerprint(orderContent(same))).toBe(orderFingerprint(orderContent(order)));
  });
  it('ignores the status, so a cancellation is not a conflict', () => {
    const cancelled = { ...order, status: 'CANCELLED' as const };
    expect(orderFingerprint(orderContent(cancelled))).toBe(orderFingerprint(orderContent(order)));
    expect(Object.keys(orderContent(order))).not.toContain('status');
  });
  it('lists each changed field, added and removed lines', () => {
    const changed = {
      ...order,
      channel: 'PHONE' as const,
      lines: [
        { productCode: 'A1', quantity: 2, unitPriceFen: 45_000 },
        { productCode: 'C3', quantity: 1, unitPriceFen: 10_000 },
      ],
    };
    expect(orderDifferences(orderContent(order), orderContent(changed))).toEqual([
      { field: 'channel', stored: 'ONLINE', received: 'PHONE' },
      { field: 'lines[A1].quantity', stored: 1, received: 2 },
      { field: 'lines[B2].quantity', stored: 3, received: null },
      { field: 'lines[B2].unitPriceFen', stored: 26_000, received: null },
      { field: 'lines[C3].quantity', stored: null, received: 1 },
      { field: 'lines[C3].unitPriceFen', stored: null, received: 10_000 },
    ]);
    expect(orderDifferences(orderContent(order), orderContent(order))).toEqual([]);
  });
});

describe('row schemas', () => {
  it('accepts a well-formed order and defaults the channel', () => {
    const { channel: _c, ...withoutChannel } = order;
    expect(ZIngestOrder.parse(withoutChannel).channel).toBe('ONLINE');
  });
  it.each([
    ['a short licence', { licenceNo: '33010000001' }, 'licenceNo'],
    ['a fractional quantity', { lines: [{ productCode: 'A1', quantity: 1.5, unitPriceFen: 1 }] }, 'lines.0.quantity'],
    ['a negative quantity', { lines: [{ productCode: 'A1', quantity: -1, unitPriceFen: 1 }] }, 'lines.0.quantity'],
    ['a time without offset', { orderedAt: '2026-12-09T09:30:00' }, 'orderedAt'],
    ['no lines', { lines: [] }, 'lines'],
    ['an unknown status', { status: 'PENDING' }, 'status'],
    ['a duplicated product', { lines: [order.lines[0], order.lines[0]] }, 'lines.1.productCode'],
    ['an unknown field', { discount: 5 }, ''],
  ])('refuses %s', (_label, change, path) => {
    const result = ZIngestOrder.safeParse({ ...order, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
  it('refuses a product batch with a repeated code or a class out of range', () => {
    const p = { code: 'A1', brand: '中华', name: '硬', productClass: 1, wholesalePriceFen: 1, retailPriceFen: 2 };
    expect(ZIngestProducts.safeParse({ products: [p, p] }).success).toBe(false);
    expect(ZIngestProducts.safeParse({ products: [{ ...p, productClass: 6 }] }).success).toBe(false);
    expect(ZIngestProducts.parse({ products: [p] }).products[0]).toMatchObject({ scarce: false, active: true });
  });
});
