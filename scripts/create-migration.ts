/**
 * Writes a new migration in Prisma Migrate's format from the change to prisma/schema.prisma, without the
 * schema-engine binary that the Prisma CLI downloads (its servers are not reachable from our build machines):
 *   npm run db:migration -- <name>
 * Each migration folder keeps a copy of the schema it leads to (schema.prisma beside migration.sql; Prisma
 * Migrate reads only migration.sql). Prisma's WebAssembly schema engine diffs the newest copy against the
 * current schema; the engine only insists on a reachable server, so the embedded one is started for it. Review the SQL, add what the schema cannot express (checks,
 * partial or trigram indexes) by hand, then start the product: migrations are applied on start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { SchemaEngine } from '@prisma/schema-engine-wasm';
import { ensureDatabase } from '../packages/db/src/embedded';
import { migrationsDir, readMigrations } from '../packages/db/src/migrate';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('Usage: npm run db:migration -- <name>');
  process.exit(2);
}

const schemaPath = path.resolve('prisma/schema.prisma');
const schema = fs.readFileSync(schemaPath, 'utf8');
const latest = readMigrations().at(-1);
const previousSchema = latest ? fs.readFileSync(path.join(migrationsDir, latest.name, 'schema.prisma'), 'utf8') : undefined;

const server = await ensureDatabase('postgres');
const engine = await SchemaEngine.new(
  { datamodels: [[schemaPath, schema]] },
  () => {},
  bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: server.url })),
);
const result = await engine.diff({
  from: previousSchema ? { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: previousSchema }] } : { tag: 'empty' },
  to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
} as Parameters<SchemaEngine['diff']>[0]);
const sql = ((result as { stdout?: string }).stdout ?? '').trim();

if (!sql || sql === '-- This is an empty migration.') {
  console.log('prisma/schema.prisma matches the newest migration: nothing to write.');
} else {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
  fs.writeFileSync(path.join(dir, 'schema.prisma'), schema);
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql: review it before you commit.`);
}
await server.stop();
