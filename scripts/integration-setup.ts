import type { TestProject } from 'vitest/node';
import '../packages/db/src/testing';
import { createDatabase, databaseUrlFor, dropDatabase, ensureDatabase } from '../packages/db/src/embedded';
import { applyMigrations } from '../packages/db/src/migrate';
import { installJobQueue } from '../packages/api/src/jobs/jobs.service';
import { JOB_HANDLERS } from '../packages/api/src/jobs/jobs.handlers';

// One fresh, migrated database per test run, dropped afterwards; on the embedded PostgreSQL unless
// DATABASE_URL names another server (then the throw-away database is created on that server).
export default async function setup(project: TestProject) {
  const server = await ensureDatabase('postgres');
  const name = `test_${Date.now()}_${process.pid}`;
  await createDatabase(server.adminUrl, name);
  const url = databaseUrlFor(server.adminUrl, name);
  await applyMigrations(url);
  // Every queue the product serves exists before a test enqueues into it.
  await installJobQueue(url, Object.keys(JOB_HANDLERS));
  project.provide('databaseUrl', url);
  // The job queue sends through DATABASE_URL, as in the apps; the test processes inherit it.
  process.env.DATABASE_URL = url;
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
