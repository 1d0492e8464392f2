import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '@tobacco/db/client';
import { restoreDatabase } from '@tobacco/db/backup';
import { createDatabase, databaseUrlFor, dropDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { JOB_HANDLERS } from '../jobs/jobs.handlers';
import { installJobQueue } from '../jobs/jobs.service';
import { testDb } from '@tobacco/db/testing';
import { seedDemo } from '../../../../prisma/seed/demo';
import { runScheduledBackup } from './backup.jobs';
import { backupFileName, listBackups, pruneBackups, takeBackup } from './backup.service';

// Backup → restore into a new database → the same rows, table by table, and the same sequence positions.
const adminUrl = databaseUrlFor(inject('databaseUrl'), 'postgres');
const stamp = `${Date.now()}_${process.pid}`;
const source = `backup_src_${stamp}`;
const target = `backup_dst_${stamp}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backups-'));

/** Row count and an md5 of every row's text, sorted, per table; and every sequence's position. */
async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`))
      .rows;
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { tablename } of tables) {
      const r = await client.query<{ rows: string; md5: string }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM "${tablename}" t`,
      );
      out[tablename] = { rows: Number(r.rows[0]!.rows), md5: r.rows[0]!.md5 };
    }
    const sequences = (await client.query(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows;
    return { tables: out, sequences };
  } finally {
    await client.end();
  }
}

/** The application's tables the planner has no statistics for (never analyzed: `reltuples` is -1). */
async function tablesWithoutStatistics(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.reltuples < 0 ORDER BY 1`,
    );
    return r.rows.map((row) => row.relname);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await createDatabase(adminUrl, source);
  await applyMigrations(databaseUrlFor(adminUrl, source));
  // The demo seed enqueues jobs, which live in the queue's own schema.
  await installJobQueue(databaseUrlFor(adminUrl, source), Object.keys(JOB_HANDLERS));
  const db = createDb(databaseUrlFor(adminUrl, source), { max: 4 });
  await seedDemo(db);
  await db.$disconnect();
}, 240_000);

afterAll(async () => {
  await dropDatabase(adminUrl, source);
  await dropDatabase(adminUrl, target);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores the demo database into a new one with identical rows in every table', async () => {
    const { file, manifest } = await takeBackup(databaseUrlFor(adminUrl, source), dir, new Date());
    const before = await fingerprint(databaseUrlFor(adminUrl, source));
    // The demo company is really there, not an empty schema compared with an empty schema.
    expect(before.tables.Retailer!.rows).toBeGreaterThan(10);
    expect(before.tables.OrderLine?.rows ?? before.tables.Order!.rows).toBeGreaterThan(100);
    expect(manifest.tables.Retailer).toBe(before.tables.Retailer!.rows);

    await createDatabase(adminUrl, target);
    const restored = await restoreDatabase(databaseUrlFor(adminUrl, target), file);
    expect(restored.migrations).toEqual(manifest.migrations);
    const after = await fingerprint(databaseUrlFor(adminUrl, target));
    expect(after).toEqual(before);
    // Every restored table has planner statistics before the apps plan on it.
    expect(await tablesWithoutStatistics(databaseUrlFor(adminUrl, target))).toEqual([]);

    // The restored database takes new rows after the old ones, and needs no migration.
    expect(await applyMigrations(databaseUrlFor(adminUrl, target))).toEqual([]);
    // Restoring over data is refused, and changes nothing.
    await expect(restoreDatabase(databaseUrlFor(adminUrl, target), file)).rejects.toThrow(/not empty/);
    expect(await fingerprint(databaseUrlFor(adminUrl, target))).toEqual(before);
  }, 240_000);

  it('refuses a truncated file without leaving half a database', async () => {
    const [latest] = listBackups(dir);
    const cut = path.join(dir, 'cut.sql.gz');
    const bytes = fs.readFileSync(latest!.file);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const name = `backup_cut_${stamp}`;
    await createDatabase(adminUrl, name);
    try {
      await expect(restoreDatabase(databaseUrlFor(adminUrl, name), cut)).rejects.toThrow();
      const client = new pg.Client({ connectionString: databaseUrlFor(adminUrl, name) });
      await client.connect();
      expect((await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n).toBe(0);
      await client.end();
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});

describe('scheduled backups', () => {
  it('take one when the newest is older than the interval, and delete those past retention but never the newest', async () => {
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'backups-scheduled-'));
    const now = new Date('2026-06-15T02:00:00Z');
    const url = databaseUrlFor(adminUrl, source);
    // Defaults: every 24 hours, kept 14 days.
    for (const daysAgo of [30, 20, 13])
      fs.writeFileSync(path.join(own, backupFileName(new Date(now.getTime() - daysAgo * 86_400_000))), 'x');
    const file = await runScheduledBackup(testDb(), now, { url, dir: own });
    expect(file).toBe(path.join(own, backupFileName(now)));
    expect(listBackups(own).map((b) => b.takenAt.toISOString())).toEqual([
      now.toISOString(),
      new Date(now.getTime() - 13 * 86_400_000).toISOString(),
    ]);
    // An hour later: the newest is recent, nothing is taken.
    expect(await runScheduledBackup(testDb(), new Date(now.getTime() + 3_600_000), { url, dir: own })).toBeNull();
    // The newest is kept even when past retention.
    expect(pruneBackups(own, 1, new Date(now.getTime() + 100 * 86_400_000))).toHaveLength(1);
    expect(listBackups(own)).toHaveLength(1);
    fs.rmSync(own, { recursive: true });
  }, 120_000);
});
