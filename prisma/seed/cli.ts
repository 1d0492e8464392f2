/**
 * Seeding from the command line and from `npm start`:
 *   npm run seed                        the demo company, when the database is empty
 *   npm run seed -- --reset             empty every table first, then the demo company
 *   npm run seed -- --scale province    add a provincial data set for benchmarks (see province.ts)
 *     [--retailers 30000]               a smaller one with the same shape
 *     [--open-cases 7]                  the share of complaint cases still open, in per cent
 */
import { createDb } from '../../packages/db/src/client';
import { ensureDatabase } from '../../packages/db/src/embedded';
import { dbEnv } from '../../packages/db/src/env';
import { applyMigrations } from '../../packages/db/src/migrate';
import { JOB_HANDLERS } from '../../packages/api/src/jobs/jobs.handlers';
import { installJobQueue, stopJobQueues } from '../../packages/api/src/jobs/jobs.service';
import { seedDemo } from './demo';
import { seedProvince } from './province';

export async function seedIfEmpty(url: string): Promise<boolean> {
  // The seed enqueues jobs (grading runs, notices), which go through the queue of the database it seeds.
  Object.assign(dbEnv, { databaseUrl: url });
  const db = createDb(url, { max: 4 });
  try {
    const company = await db.company.findFirst({ select: { createdAt: true } });
    if (company) {
      warnIfStale(company.createdAt);
      return false;
    }
    const began = Date.now();
    console.log('› Seeding the demo company…');
    await seedDemo(db);
    console.log(`› Demo data seeded in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    await db.$disconnect();
  }
}

// Demo data is written relative to the day it was seeded. Allocation limits carry forward on their own
// (the last published policy stays in force), but promotions, the open survey and complaint ages drift.
const STALE_AFTER_DAYS = 7;

function warnIfStale(seededAt: Date, now = new Date()): void {
  const days = Math.floor((now.getTime() - seededAt.getTime()) / 86_400_000);
  if (days < STALE_AFTER_DAYS) return;
  console.log(
    `› The demo data was seeded ${days} days ago; to see it as of today run \`npm run seed -- --reset\` (this replaces every row).`,
  );
}

async function truncateAll(url: string): Promise<void> {
  const db = createDb(url, { max: 1 });
  try {
    const tables = await db.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
    await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await db.$disconnect();
  }
}

export async function runSeedCli(args: string[]): Promise<void> {
  const server = await ensureDatabase();
  try {
    await applyMigrations(server.url);
    await installJobQueue(server.url, Object.keys(JOB_HANDLERS));
    if (args.includes('--reset')) await truncateAll(server.url);
    await seedIfEmpty(server.url);
    const scaleAt = args.indexOf('--scale');
    if (scaleAt >= 0) {
      const scale = args[scaleAt + 1];
      if (scale !== 'province') throw new Error(`Unknown scale "${scale}": the only one is "province".`);
      const option = (name: string) => {
        const at = args.indexOf(name);
        return at >= 0 ? Number(args[at + 1]) : undefined;
      };
      await seedProvince(server.url, { retailers: option('--retailers'), openPercent: option('--open-cases') });
    }
  } finally {
    // The seed's job-queue clients first: left open, they keep the process alive after the server stops.
    await stopJobQueues();
    await server.stop();
  }
}
