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

export function createDb(connectionString: string, options: { max?: number } = {}): PrismaClient {
  // Our own pool, handed to the adapter, so its use can be measured. A connection attempt gives up after
  // 5 s, so while the database restarts requests fail fast (503) instead of queueing without end.
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by a database restart must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  pools.add(pool);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
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
