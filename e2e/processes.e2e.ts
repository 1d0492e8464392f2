import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { BACKOFFICE, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

// Several processes on one database: besides the portal and back office that Playwright starts, a second
// portal server, a second back-office server and two workers, started here on their own ports. A session
// made on one server holds on the other; both workers beat, and every scheduled job runs once.
// Attachments through an S3-compatible store are not covered: no such server is available where this runs.

// Playwright runs from the repository's root.
const root = process.cwd();
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-not-for-production' };
const second = (url: string) => url.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 1000}`);
const PORTAL_2 = second(PORTAL);
const BACKOFFICE_2 = second(BACKOFFICE);
const children: ChildProcess[] = [];

function start(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): void {
  children.push(spawn(command, args, { cwd, env: { ...env, ...extra }, stdio: 'ignore' }));
}

async function answering(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (
      await fetch(url, { redirect: 'manual' }).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer`);
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const next = path.join(root, 'node_modules/next/dist/bin/next');
  start(process.execPath, [next, 'start', '--port', new URL(PORTAL_2).port], path.join(root, 'apps/portal'), { NEXTAUTH_URL: PORTAL_2 });
  start(process.execPath, [next, 'start', '--port', new URL(BACKOFFICE_2).port], path.join(root, 'apps/backoffice'), {
    NEXTAUTH_URL: BACKOFFICE_2,
  });
  for (let i = 0; i < 2; i += 1) start(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')], root);
  await Promise.all([answering(`${PORTAL_2}/api/health`), answering(`${BACKOFFICE_2}/api/health`)]);
});

test.afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
});

test('a portal session made on one server holds on the other', async ({ page }) => {
  await signInToPortal(page, SHOP_A);
  await page.goto(`${PORTAL_2}/grade`);
  await expect(page).toHaveURL(`${PORTAL_2}/grade`);
  await expect(page.getByTestId('grade-current')).toContainText('24');
});

test('a back-office session made on one server holds on the other', async ({ page }) => {
  await signInToBackoffice(page, 'admin');
  await page.goto(`${BACKOFFICE_2}/`);
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('two workers beat, both apps are ready, and each scheduled job runs once', async ({ request }) => {
  // Up to one 5-minute cron slot, besides the start of the workers.
  test.setTimeout(8 * 60_000);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await expect
      .poll(
        async () =>
          (await client.query(`SELECT count(*)::int AS n FROM "WorkerHeartbeat" WHERE "beatAt" > now() - interval '30 seconds'`)).rows[0].n,
        { timeout: 60_000 },
      )
      .toBeGreaterThanOrEqual(2);
    for (const url of [PORTAL, PORTAL_2, BACKOFFICE, BACKOFFICE_2]) expect((await request.get(`${url}/api/ready`)).status()).toBe(200);
    // Recurring jobs are cron schedules: the promotions sweep fires at every 5-minute mark, so wait for one.
    // Each slot's job is run by one of the two workers, once: one per slot, none retried.
    await expect
      .poll(
        async () =>
          (
            await client.query(
              `SELECT count(*)::int AS n FROM pgboss.job WHERE singleton_key LIKE 'promotions:sweep:%' AND state = 'completed'`,
            )
          ).rows[0].n,
        { timeout: 6 * 60_000, intervals: [5_000] },
      )
      .toBeGreaterThanOrEqual(1);
    const twice = await client.query(
      `SELECT singleton_key, count(*)::int AS n, max(retry_count) AS retries FROM pgboss.job
       WHERE singleton_key LIKE '%:sweep:%' GROUP BY singleton_key HAVING count(*) > 1 OR max(retry_count) > 0`,
    );
    expect(twice.rows).toEqual([]);
  } finally {
    await client.end();
  }
});
