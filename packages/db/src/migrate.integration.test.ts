import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, databaseUrlFor, dropDatabase } from './embedded';
import { applyMigrations } from './migrate';

const serverUrl = inject('databaseUrl');
const name = `migrate_${Date.now()}_${process.pid}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
const write = (folder: string, sql: string) => {
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  fs.writeFileSync(path.join(dir, folder, 'migration.sql'), sql);
};

afterAll(async () => {
  await dropDatabase(serverUrl, name);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('applyMigrations', () => {
  it('applies new migrations once, ignores a schema copy in a folder, and refuses an edited applied one', async () => {
    await createDatabase(serverUrl, name);
    const url = databaseUrlFor(serverUrl, name);
    write('20300101000000_a', 'CREATE TABLE probe (id int);');
    fs.writeFileSync(path.join(dir, '20300101000000_a', 'schema.prisma'), '// a copy older tools left');
    expect(await applyMigrations(url, dir)).toEqual(['20300101000000_a']);
    write('20300102000000_b', 'ALTER TABLE probe ADD COLUMN n int;');
    expect(await applyMigrations(url, dir)).toEqual(['20300102000000_b']);
    expect(await applyMigrations(url, dir)).toEqual([]);

    write('20300101000000_a', 'CREATE TABLE probe (id bigint);');
    write('20300103000000_c', 'ALTER TABLE probe ADD COLUMN m int;');
    await expect(applyMigrations(url, dir)).rejects.toThrow(/20300101000000_a was changed after it was applied/);
    // Nothing after the edited one was applied either.
    write('20300101000000_a', 'CREATE TABLE probe (id int);');
    expect(await applyMigrations(url, dir)).toEqual(['20300103000000_c']);
  });
});
