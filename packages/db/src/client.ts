import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export { Prisma } from './generated/prisma/client';
export type { PrismaClient } from './generated/prisma/client';

/** The database handle services receive; a transaction client is accepted wherever a client is. */
export type Db = PrismaClient;
export type DbTx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export function createDb(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
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
