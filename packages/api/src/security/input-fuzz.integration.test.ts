import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@tobacco/auth/password';
import { STAFF_ROLES } from '@tobacco/auth/permissions';
import { createDistrict, createRetailer, createStaff, testDb } from '@tobacco/db/testing';
import type { Actor } from '../actor';
import { createBackofficeCaller } from '../backoffice';
import { createPortalCaller } from '../portal';
import { createBackofficeRoutesCaller, createPortalRoutesCaller } from '../routes';
import { ALL_PROCEDURES, callPath, type ProcedureEntry } from './procedures';

// A fuzz over the routers' own input schemas: for every procedure (the routes' included) and every field of
// its input that takes a number or text, an input that is otherwise acceptable to the schema gets 2^31 or a
// NUL character in that field. Every one must answer BAD_REQUEST, as a caller allowed to call it; never a
// 500, never a write.

const db = testDb();
let retailer: Actor;
let everyone: Actor;

beforeAll(async () => {
  const passwordHash = await hashPassword('irrelevant-1');
  const shop = await createRetailer(db, { districtId: (await createDistrict(db)).id, passwordHash });
  retailer = { kind: 'retailer', retailerId: shop.id, loginId: shop.logins[0]!.id };
  const staff = await createStaff(db, { roles: [...STAFF_ROLES], passwordHash });
  everyone = { kind: 'staff', userId: staff.id, roles: [...STAFF_ROLES], districtId: null, departmentId: null };
});

type Schema = { safeParse: (v: unknown) => { success: boolean }; shape?: Record<string, Schema> };

// Values tried, in order, for a field that is not being fuzzed: the first one its schema accepts is used.
const PROBES: unknown[] = [1, 'a', '330100000001', true, '2033-03-08', new Date('2033-03-08T02:00:00Z'), [], {}, 'COMPLAINT', null];
const probeFor = (schema: Schema) => PROBES.find((value) => schema.safeParse(value).success);

function shapeOf(entry: ProcedureEntry): Record<string, Schema> {
  const shape: Record<string, Schema> = {};
  for (const input of entry.inputs) Object.assign(shape, (input as Schema).shape ?? {});
  return shape;
}

/** One input per field that takes a number or text, with the attack in that field and probes elsewhere. */
function attacks(entry: ProcedureEntry): { field: string; input: Record<string, unknown> }[] {
  const shape = shapeOf(entry);
  const base: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const probe = probeFor(schema);
    if (probe !== undefined) base[key] = probe;
  }
  const out: { field: string; input: Record<string, unknown> }[] = [];
  for (const [key, schema] of Object.entries(shape)) {
    if (schema.safeParse(1).success || schema.safeParse(2 ** 31).success)
      out.push({ field: `${key}=2^31`, input: { ...base, [key]: 2 ** 31 } });
    if (schema.safeParse('a').success || schema.safeParse('330100000001').success)
      out.push({ field: `${key}=NUL`, input: { ...base, [key]: 'a\u0000b' } });
  }
  return out;
}

const cases = ALL_PROCEDURES.flatMap((entry) =>
  attacks(entry).map((attack) => [`${entry.app} ${entry.path} ${attack.field}`, entry, attack.input] as const),
);

describe(`2^31 and NUL in every field of every procedure (${cases.length} inputs)`, () => {
  it('found fields to attack in both apps and the routes', () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(cases.map(([name]) => name)).toEqual(
      expect.arrayContaining(['backoffice routes.complaintAttachment id=2^31', 'backoffice routes.surveyExport surveyId=2^31']),
    );
  });

  it.each(cases)('%s answers BAD_REQUEST', async (_name, entry, input) => {
    const ctx = {
      db,
      actor: entry.app === 'portal' ? retailer : everyone,
      requestId: 'fuzz',
      clock: () => new Date('2033-03-08T02:00:00Z'),
    };
    const callers =
      entry.app === 'portal'
        ? { api: createPortalCaller(ctx), routes: createPortalRoutesCaller(ctx) }
        : { api: createBackofficeCaller(ctx), routes: createBackofficeRoutesCaller(ctx) };
    await expect(callPath(callers, entry.path, input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
