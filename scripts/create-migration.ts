/**
 * Writes a new migration in Prisma Migrate's format from the change to prisma/schema.prisma, without the
 * schema-engine binary that the Prisma CLI downloads (its servers are not reachable from our build machines):
 *   npm run db:migration -- <name>
 * Prisma's WebAssembly schema engine applies every migration.sql of prisma/migrations to a throw-away shadow
 * database on the embedded PostgreSQL and diffs the result against the schema, as `prisma migrate dev` does:
 * no folder keeps a copy of the schema (a schema.prisma left in an older folder is ignored). Review the SQL,
 * add what the schema cannot express (checks, partial or trigram indexes) by hand, then start the product:
 * migrations are applied on start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '../packages/db/src/embedded';
import { migrationsDir, readMigrations } from '../packages/db/src/migrate';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('Usage: npm run db:migration -- <name>');
  process.exit(2);
}

const schemaPath = path.resolve('prisma/schema.prisma');
const schema = fs.readFileSync(schemaPath, 'utf8');

/**
 * The engine compares a real database with the schema, so it proposes to drop what migrations added by hand
 * and the schema cannot express (trigram or partial indexes, checks): those statements are left out.
 */
function withoutHandWrittenDrops(sql: string): string {
  const all = readMigrations()
    .map((m) => m.sql)
    .join('\n');
  const handWritten = new Set([
    ...[...all.matchAll(/CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF NOT EXISTS\s+)?"([^"]+)"[^;]*?\b(?:USING|WHERE)\b[^;]*;/gi)].map(
      (m) => m[1]!,
    ),
    ...[...all.matchAll(/ADD\s+CONSTRAINT\s+"([^"]+)"\s+CHECK/gi)].map((m) => m[1]!),
  ]);
  const blocks = sql.split(/\n\s*\n/);
  const kept = blocks.filter((block) => {
    const dropped = /DROP\s+(?:INDEX|CONSTRAINT)\s+(?:IF EXISTS\s+)?"([^"]+)"/i.exec(block)?.[1];
    if (dropped && handWritten.has(dropped)) {
      console.log(`Left out (added by hand in a migration): ${block.replace(/\s+/g, ' ').trim()}`);
      return false;
    }
    return true;
  });
  return kept.join('\n\n').trim();
}

/**
 * A migration as the engine's statement splitter can take it: it splits at every `;`, so whole-line comments
 * and the bodies of functions (a trigger's `$$ … ; … $$`) are left out. The schema comparison does not read
 * function bodies, and the shadow database has no rows for a trigger to act on; an empty body is accepted
 * with the body check off.
 */
function forTheEngine(sql: string): string {
  const text = sql.replace(/^\s*--.*$/gm, '');
  return /\$\$/.test(text) ? `SET check_function_bodies = off;\n${text.replace(/\$\$[\s\S]*?\$\$/g, () => "''")}` : text;
}

// Without it a panic inside the engine surfaces only as "cannot read properties of undefined".
(globalThis as unknown as { PRISMA_WASM_PANIC_REGISTRY: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (m: string) => console.error('PANIC', m),
};
const server = await ensureDatabase('postgres');
const shadow = `shadow_${Date.now()}_${process.pid}`;
try {
  const main = new PrismaPg({ connectionString: server.url });
  // The shadow database is ours (made here, dropped below with the connections the engine may leave open),
  // rather than the adapter's own, which it cannot drop while its pool still uses it.
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: async () => {
      await createDatabase(server.adminUrl, shadow);
      const adapter = await new PrismaPg({ connectionString: databaseUrlFor(server.adminUrl, shadow) }).connect();
      // Describing the schema reads catalog columns of PostgreSQL's one-byte "char" type (OID 18), which the
      // adapter does not map; node-postgres returns them as strings, which are passed on as characters.
      const raw = adapter as unknown as {
        performIO: (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }>;
        queryRaw: (query: unknown) => Promise<{ columnTypes: number[] }>;
      };
      const performIO = raw.performIO.bind(adapter);
      const queryRaw = raw.queryRaw.bind(adapter);
      let charColumns: number[] = [];
      raw.performIO = async (query) => {
        const result = await performIO(query);
        charColumns = result.fields.flatMap((field, i) => (field.dataTypeID === 18 ? [i] : []));
        for (const i of charColumns) result.fields[i]!.dataTypeID = 25;
        return result;
      };
      raw.queryRaw = async (query) => {
        const result = await queryRaw(query);
        for (const i of charColumns) result.columnTypes[i] = ColumnTypeEnum.Character;
        return result;
      };
      return adapter;
    },
  };
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  const result = await engine.diff({
    from: {
      tag: 'migrations',
      baseDir: migrationsDir,
      lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
      shadowDbInitScript: '',
      migrationDirectories: readMigrations().map((m) => ({
        path: m.name,
        migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: forTheEngine(m.sql) } },
      })),
    },
    to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  } as Parameters<SchemaEngine['diff']>[0]);
  const sql = withoutHandWrittenDrops(((result as { stdout?: string }).stdout ?? '').trim());

  if (!sql || sql === '-- This is an empty migration.') {
    console.log('prisma/schema.prisma matches the migrations: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql: review it before you commit.`);
  }
} finally {
  await dropDatabase(server.adminUrl, shadow);
  await server.stop();
}
