import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type Db } from './client';
import { createDatabase, databaseUrlFor, dropDatabase } from './embedded';
import { applyMigrations } from './migrate';
import { replicaOf } from './replica';
import { testDb, uniqueNumber } from './testing';

// A second database stands in for the replica: a row that exists only there shows where a read went.
const adminUrl = databaseUrlFor(inject('databaseUrl'), 'postgres');
const name = `replica_${Date.now()}_${process.pid}`;
const replicaUrl = databaseUrlFor(adminUrl, name);
let replica: Db;

beforeAll(async () => {
  await createDatabase(adminUrl, name);
  await applyMigrations(replicaUrl);
  replica = createDb(replicaUrl, { max: 1 });
});

afterAll(async () => {
  await replica.$disconnect();
  await dropDatabase(adminUrl, name);
});

describe('read replica', () => {
  it('reads, raw SQL included, from the replica when one is configured', async () => {
    const code = `R${uniqueNumber()}`;
    await replica.district.create({ data: { code, name: '仅在副本', nameEn: 'Replica only' } });
    const onReplica = replicaOf(testDb(), [replicaUrl]);
    expect(await onReplica.district.findUnique({ where: { code } })).toMatchObject({ code });
    expect(await onReplica.$queryRaw<{ code: string }[]>`SELECT code FROM "District" WHERE code = ${code}`).toEqual([{ code }]);
    expect(await testDb().district.findUnique({ where: { code } })).toBeNull();
  });

  it('is the primary itself when no replica is configured', () => {
    expect(replicaOf(testDb(), [])).toBe(testDb());
  });
});
