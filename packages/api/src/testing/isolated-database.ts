import { inject } from 'vitest';
import { createDb, type PrismaClient } from '@tobacco/db/client';
import { createDatabase, databaseUrlFor, dropDatabase } from '@tobacco/db/embedded';
import { applyMigrations } from '@tobacco/db/migrate';
import { JOB_HANDLERS } from '../jobs/jobs.handlers';
import { installJobQueue } from '../jobs/jobs.service';

/**
 * A freshly migrated database of its own for tests whose rule is about the whole company at once (a grading
 * run ranks and re-grades every retailer; the last active administrator), beside the shared test database
 * where other files' rows would change the answer.
 */
export function isolatedTestDatabase(label: string) {
  const base = inject('databaseUrl');
  const adminUrl = databaseUrlFor(base, 'postgres');
  const name = `${new URL(base).pathname.slice(1)}_${label}_${process.pid}`;
  const url = databaseUrlFor(base, name);
  let db: PrismaClient | undefined;
  return {
    /** Its address, for code that opens connections of its own (the seeds). */
    url,
    async open(): Promise<PrismaClient> {
      await createDatabase(adminUrl, name);
      await applyMigrations(url);
      // Runs enqueue jobs, which live in the queue's own schema.
      await installJobQueue(url, Object.keys(JOB_HANDLERS));
      db = createDb(url, { max: 4 });
      return db;
    },
    async close(): Promise<void> {
      await db?.$disconnect();
      await dropDatabase(adminUrl, name);
    },
  };
}
