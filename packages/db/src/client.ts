import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client';

export { Prisma } from './generated/prisma/client';
export type { PrismaClient } from './generated/prisma/client';

/** The database handle services receive; a transaction client is accepted wherever a client is. */
export type Db = PrismaClient;
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

// Every pool this process opened, for the metrics route (connections in use, idle, waiting).
const pools = new Set<pg.Pool>();

export type PoolStats = { total: number; idle: number; waiting: number; max: number };

export function poolStats(): PoolStats {
  const stats = { total: 0, idle: 0, waiting: 0, max: 0 };
  for (const pool of pools) {
    // Pools of disconnected clients (ended by $disconnect) are forgotten.
    if (pool.ended) {
      pools.delete(pool);
      continue;
    }
    stats.total += pool.totalCount;
    stats.idle += pool.idleCount;
    stats.waiting += pool.waitingCount;
    stats.max += pool.options.max ?? 10;
  }
  return stats;
}

/** Statements prepared per connection, at most: each costs the server memory for its cached plan. */
export const PREPARED_STATEMENTS_MAX = 500;
const statementNames = new Map<string, string>();

/**
 * A name under which each connection prepares a statement once and then only binds and executes it: planning
 * a statement can cost more than running it (a survey submission's two statements spent 1.4 ms of the server's
 * time planning and about 1 ms executing). The name is the text's hash, so the same text always gets the
 * same name. Not named: statements without parameters (they may hold several commands, which only the simple
 * protocol allows) and any text beyond the first PREPARED_STATEMENTS_MAX this process sees, so that queries
 * with lists of every length cannot fill the server's memory with plans.
 */
export function preparedStatementName(query: { sql: string; args: unknown[] }): string | undefined {
  if (query.args.length === 0) return undefined;
  let name = statementNames.get(query.sql);
  if (name === undefined && statementNames.size < PREPARED_STATEMENTS_MAX) {
    name = `s${createHash('sha1').update(query.sql).digest('base64url')}`;
    statementNames.set(query.sql, name);
  }
  return name;
}

export function createDb(connectionString: string, options: { max?: number } = {}): PrismaClient {
  // Our own pool, handed to the adapter, so its use can be measured. A connection attempt gives up after
  // 5 s, so while the database restarts requests fail fast (503) instead of queueing without end.
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by a database restart must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pools.add(pool);
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    // An empty name is pg's unnamed statement: parsed and planned for this execution only.
    statementNameGenerator: (query) => preparedStatementName(query) ?? '',
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { tobaccoDb?: PrismaClient };

/** One client per server process (kept across hot reloads in development). */
export function getDb(): PrismaClient {
  if (!globalForDb.tobaccoDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start the apps with `npm start` or `npm run dev`, which provide it.');
    globalForDb.tobaccoDb = createDb(url);
  }
  return globalForDb.tobaccoDb;
}
