import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Every environment variable the database layer reads, validated in one place.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`EMBEDDED_PG_PORT must be a port number, got "${value}"`);
  return n;
}

export const dbEnv = {
  repoRoot,
  /** When set, this PostgreSQL server is used and no embedded one starts. */
  databaseUrl: process.env.DATABASE_URL || undefined,
  /** Where the embedded PostgreSQL keeps its files; must be readable by the database's own user. */
  embeddedDir: path.resolve(process.env.EMBEDDED_PG_DIR || path.join(repoRoot, '.data', 'postgres')),
  embeddedPort: port(process.env.EMBEDDED_PG_PORT, 54329),
  databaseName: process.env.DATABASE_NAME || 'tobacco',
  /** Read replicas (comma-separated URLs) for the read-heavy screens: analytics and exports. */
  replicaUrls: (process.env.DATABASE_REPLICA_URL ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean),
};
