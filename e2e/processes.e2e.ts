import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { startObjectStore, type ObjectStore } from './object-store';
import { BACKOFFICE, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

// Several processes on one database: besides the portal and back office that Playwright starts, a second
// and a third portal server, a second back-office server and two workers, started here on their own ports.
// A session made on one server holds on the other; both workers beat, and every scheduled job runs once;
// the servers started here keep attachments in an S3-compatible object store (Ceph's RADOS Gateway, see
// object-store.ts), so a photo filed through one is served by the others.

// Playwright runs from the repository's root.
const root = process.cwd();
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
const env = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-not-for-production' };
const shifted = (url: string, by: number) => url.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + by}`);
const PORTAL_2 = shifted(PORTAL, 1000);
const PORTAL_3 = shifted(PORTAL, 2000);
const BACKOFFICE_2 = shifted(BACKOFFICE, 1000);
const OBJECT_STORE_PORT = Number(new URL(PORTAL).port) + 3000;
// A 1×1 PNG: the photo shop A attaches.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const children: ChildProcess[] = [];
let store: ObjectStore | undefined;

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
  // Room for the object store's three cluster starts (a minute each at worst) and the servers after them.
  test.setTimeout(360_000);
  store = await startObjectStore(OBJECT_STORE_PORT);
  const next = path.join(root, 'node_modules/next/dist/bin/next');
  const app = (dir: string, url: string) =>
    start(process.execPath, [next, 'start', '--port', new URL(url).port], path.join(root, dir), { NEXTAUTH_URL: url, ...store!.env });
  app('apps/portal', PORTAL_2);
  app('apps/portal', PORTAL_3);
  app('apps/backoffice', BACKOFFICE_2);
  for (let i = 0; i < 2; i += 1) start(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')], root, store.env);
  await Promise.all([PORTAL_2, PORTAL_3, BACKOFFICE_2].map((url) => answering(`${url}/api/health`)));
});

test.afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  store?.stop();
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

test('a photo filed through one portal server is served by another and by the back office, from the object store', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signInToPortal(page, SHOP_A);
  const subject = `多台服务器共享附件 ${Date.now().toString(36)}`;
  await page.goto(`${PORTAL_2}/complaints/new`);
  await page.getByLabel('诉求分类').selectOption({ label: '送货服务' });
  await page.getByLabel('标题').fill(subject);
  await page.getByLabel('具体情况').fill('签收时发现包装破损，附照片。');
  await page.getByLabel('附件（选填）').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
  await page.getByRole('button', { name: '提交诉求' }).click();
  await page.waitForURL(new RegExp(`^${PORTAL_2}/complaints/\\d+\\?filed=1$`));
  const caseId = Number(new URL(page.url()).pathname.split('/').pop());
  const href = (await page.getByRole('link', { name: /photo\.png/ }).getAttribute('href'))!;

  // The bytes are in the bucket, not in a server's own folder.
  const listed = await store!.client.send(new ListObjectsV2Command({ Bucket: store!.bucket, Prefix: 'complaints/' }));
  const stored = await Promise.all(
    (listed.Contents ?? []).map(async ({ Key }) =>
      Buffer.from(await (await store!.client.send(new GetObjectCommand({ Bucket: store!.bucket, Key }))).Body!.transformToByteArray()),
    ),
  );
  expect(stored.some((bytes) => bytes.equals(PHOTO))).toBe(true);

  // Another portal server shows the case with its photo and serves the same bytes.
  await page.goto(`${PORTAL_3}/complaints/${caseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
  const fromPortal = await page.request.get(`${PORTAL_3}${href}`);
  expect(fromPortal.status()).toBe(200);
  expect(Buffer.from(await fromPortal.body()).equals(PHOTO)).toBe(true);
  await context.close();

  // So does the second back-office server, to the agent.
  const staff = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const agent = await staff.newPage();
  await signInToBackoffice(agent, 'agent');
  const fromBackoffice = await agent.request.get(`${BACKOFFICE_2}${href}`);
  expect(fromBackoffice.status()).toBe(200);
  expect(fromBackoffice.headers()['content-type']).toBe('image/png');
  expect(Buffer.from(await fromBackoffice.body()).equals(PHOTO)).toBe(true);
  await staff.close();
});
