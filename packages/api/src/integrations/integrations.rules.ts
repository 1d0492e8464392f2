import { createHash, timingSafeEqual } from 'node:crypto';
import type { TIngestOrder } from './integrations.schema';

// Pure rules of the ingestion API: keys, and telling a replay of an order from a conflicting one.

/** Keys look like `tsk_<8 hex prefix>_<43 base64url secret>`; the prefix finds the row, the hash checks it. */
const KEY_RE = /^tsk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function keyPrefixOf(key: string): string | null {
  return KEY_RE.exec(key)?.[1] ?? null;
}

export function keyMatches(key: string, storedHash: string): boolean {
  const a = Buffer.from(hashKey(key), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Bearer <key>` → the key, or null. */
export function bearerKey(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/** What an order says, in a canonical form: the same order always gives the same fingerprint. */
export type OrderContent = {
  licenceNo: string;
  orderedAt: string;
  channel: string;
  lines: { productCode: string; quantity: number; unitPriceFen: number }[];
};

export function orderContent(order: Pick<TIngestOrder, 'licenceNo' | 'orderedAt' | 'channel' | 'lines'>): OrderContent {
  return {
    licenceNo: order.licenceNo,
    orderedAt: new Date(order.orderedAt).toISOString(),
    channel: order.channel,
    lines: [...order.lines]
      .map((l) => ({ productCode: l.productCode, quantity: l.quantity, unitPriceFen: l.unitPriceFen }))
      .sort((a, b) => (a.productCode < b.productCode ? -1 : a.productCode > b.productCode ? 1 : 0)),
  };
}

/** The status is left out: a confirmed order sent again as cancelled is a cancellation, not a conflict. */
export function orderFingerprint(content: OrderContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export type OrderDifference = { field: string; stored: string | number | null; received: string | number | null };

/** Field by field, what a conflicting replay changes: the body of a 409. */
export function orderDifferences(stored: OrderContent, received: OrderContent): OrderDifference[] {
  const out: OrderDifference[] = [];
  for (const field of ['licenceNo', 'orderedAt', 'channel'] as const) {
    if (stored[field] !== received[field]) out.push({ field, stored: stored[field], received: received[field] });
  }
  const before = new Map(stored.lines.map((l) => [l.productCode, l]));
  const after = new Map(received.lines.map((l) => [l.productCode, l]));
  for (const code of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(code);
    const b = after.get(code);
    for (const field of ['quantity', 'unitPriceFen'] as const) {
      if ((a?.[field] ?? null) !== (b?.[field] ?? null))
        out.push({ field: `lines[${code}].${field}`, stored: a?.[field] ?? null, received: b?.[field] ?? null });
    }
  }
  return out;
}
