import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { HISTORY_TABLE, readMigrations } from './migrate';

/*
 * Backup and restore of the application database, in PostgreSQL's plain dump format, gzipped: the schema
 * (the migrations that built it) followed by every table's rows as `COPY … FROM stdin` blocks and the
 * sequences' positions. `gunzip -c file | psql` restores it as well as `restore` below does.
 *
 * Why not pg_dump: the embedded server's npm packages ship initdb, pg_ctl and postgres only, and a pg_dump
 * older than the server refuses to dump it; `pg_dump -Fc` remains the tool of choice where a server's own
 * client tools are installed (docs/operations.md).
 *
 * All tables are read in one REPEATABLE READ transaction, so the backup is one consistent snapshot while
 * the apps keep writing.
 */

export type BackupManifest = {
  format: 1;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: Record<string, number>;
};

const MANIFEST_PREFIX = '-- manifest: ';
const COPY_LINE = /^COPY "public"\."([^"]+)" \(.*\) FROM stdin;$/;
const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function writeLine(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
}

/** Writes a backup of the database at `url` to `file`; returns what it holds. */
export async function backupDatabase(url: string, file: string, migrationsDir?: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const gzip = createGzip({ level: 6 });
  const written = pipeline(gzip, fs.createWriteStream(partial, { mode: 0o600 }));
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const serverVersion = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    const applied = (
      await client.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const known = new Map(readMigrations(migrationsDir).map((m) => [m.name, m]));
    const missing = applied.filter((m) => !known.has(m.migration_name)).map((m) => m.migration_name);
    if (missing.length)
      throw new Error(
        `The database has migrations this checkout does not know (${missing.join(', ')}): back it up with the code that migrated it.`,
      );

    const tables = (
      await client.query<{ name: string; columns: string[] }>(`
      SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      GROUP BY c.relname ORDER BY c.relname`)
    ).rows;

    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      serverVersion,
      migrations: applied.map((m) => m.migration_name),
      tables: {},
    };
    await writeLine(
      gzip,
      `-- Backup of the retailer service database, plain SQL for psql.\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n`,
    );
    await writeLine(gzip, `${HISTORY_TABLE};\n\n`);
    for (const m of applied) await writeLine(gzip, `-- migration ${m.migration_name}\n${known.get(m.migration_name)!.sql}\n;\n\n`);
    // Foreign keys are checked by triggers, which replica mode skips: rows can load in any order.
    await writeLine(gzip, 'SET session_replication_role = replica;\n');
    for (const table of tables) {
      const columns = table.columns.map(quoteIdent).join(', ');
      await writeLine(gzip, `COPY "public".${quoteIdent(table.name)} (${columns}) FROM stdin;\n`);
      const source = client.query(copyTo(`COPY (SELECT ${columns} FROM "public".${quoteIdent(table.name)}) TO STDOUT`));
      let rows = 0;
      source.on('data', (chunk: Buffer) => {
        for (const byte of chunk) if (byte === 10) rows += 1;
      });
      // pipe() rather than pipeline(): the gzip stream stays open across tables without gathering listeners.
      await new Promise<void>((resolve, reject) => {
        source.once('end', resolve);
        source.once('error', reject);
        source.pipe(gzip, { end: false });
      });
      await writeLine(gzip, '\\.\n\n');
      manifest.tables[table.name] = rows;
    }
    await writeLine(gzip, 'SET session_replication_role = DEFAULT;\n');
    const sequences = (
      await client.query<{ name: string; value: string }>(
        `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL ORDER BY 1`,
      )
    ).rows;
    for (const s of sequences)
      await writeLine(
        gzip,
        `SELECT pg_catalog.setval('"public".${quoteIdent(s.name).replaceAll("'", "''")}', ${Number(s.value)}, true);\n`,
      );
    await client.query('COMMIT');
    await writeLine(gzip, `\n${MANIFEST_PREFIX}${JSON.stringify(manifest)}\n`);
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return manifest;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** The lines of a gzipped file; a damaged or cut file rejects instead of ending early. */
async function* gzippedLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const gunzip = createGunzip();
  const source = fs.createReadStream(file);
  source.on('error', (error) => gunzip.destroy(error));
  for await (const chunk of source.pipe(gunzip)) {
    const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = parts.pop() ?? '';
    yield* parts;
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/**
 * Restores a backup into the database at `url`, which must be empty (a new database): everything runs in
 * one transaction, so a failed restore leaves nothing behind. Then every table is analyzed: a restored
 * table has no planner statistics, and the apps' pooled connections would keep the plans they make on
 * default estimates until autovacuum reaches each table.
 */
export async function restoreDatabase(url: string, file: string): Promise<BackupManifest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let copy: ReturnType<typeof copyFrom> | undefined;
  let copyDone: Promise<void> | undefined;
  try {
    const existing = await client.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public' LIMIT 1`);
    if (existing.rowCount) throw new Error('The target database is not empty: restore into a new database (or drop this one first).');
    await client.query('BEGIN');
    let statements: string[] = [];
    let pending = '';
    let manifest: BackupManifest | undefined;
    for await (const line of gzippedLines(file)) {
      if (copy) {
        if (line === '\\.') {
          if (pending) copy.write(pending);
          pending = '';
          copy.end();
          await copyDone;
          copy = undefined;
          continue;
        }
        // Rows go to the server in blocks of about 256 KB, not one write per row.
        pending += `${line}\n`;
        if (pending.length >= 262_144) {
          const block = pending;
          pending = '';
          if (!copy.write(block)) await new Promise((resolve) => copy!.once('drain', resolve));
        }
        continue;
      }
      if (line.startsWith(MANIFEST_PREFIX)) {
        manifest = JSON.parse(line.slice(MANIFEST_PREFIX.length)) as BackupManifest;
        continue;
      }
      if (COPY_LINE.test(line)) {
        if (statements.length) await client.query(statements.join('\n'));
        statements = [];
        copy = client.query(copyFrom(line.replace(/;$/, '')));
        const stream = copy;
        copyDone = new Promise((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
        });
        continue;
      }
      statements.push(line);
    }
    if (copy) throw new Error('The backup file ends in the middle of a table: it is incomplete.');
    if (!manifest) throw new Error('The backup file has no manifest at its end: it is incomplete.');
    if (statements.length) await client.query(statements.join('\n'));
    await client.query('COMMIT');
    // The rows are in by now: a failed ANALYZE must not read as a failed restore.
    await client.query('ANALYZE').catch((error: unknown) => {
      throw new Error(
        `The backup is restored, but analyzing its tables failed: run ANALYZE before starting the apps. ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    });
    return manifest;
  } catch (error) {
    // A COPY still open is aborted first (the server drops its rows), then the whole restore rolls back.
    if (copy) {
      copy.destroy(error as Error);
      await copyDone?.catch(() => undefined);
    }
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
