import { readReplicas } from '@prisma/extension-read-replicas';
import { createDb, type Db } from './client';
import { dbEnv } from './env';

// Read-heavy screens (analytics, exports) read from a replica when DATABASE_REPLICA_URL names one or more.
// Prisma's read-replica extension keeps the replicas and picks one per call. Its automatic routing sends
// only model reads (findMany, count, groupBy…) to a replica, and our analytics are raw SQL, which it keeps
// on the primary; so those screens take the replica client itself (`$replica()`), explicitly: everything
// they run goes to the replica, and a write there fails loudly instead of landing on a copy.

type WithReplicas = { $replica: () => unknown };
const extended = new WeakMap<Db, WithReplicas>();

/** The client a read-only screen should use: a replica when one is configured, else the primary itself. */
export function replicaOf(primary: Db, urls: readonly string[] = dbEnv.replicaUrls): Db {
  if (urls.length === 0) return primary;
  let client = extended.get(primary);
  if (!client) {
    client = primary.$extends(readReplicas({ replicas: urls.map((url) => createDb(url, { max: 5 })) })) as unknown as WithReplicas;
    extended.set(primary, client);
  }
  // A replica client is a PrismaClient of the same schema; the extension types it loosely.
  return client.$replica() as Db;
}
