import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// End-to-end tests against the built apps (`npm test` builds them first) on their own ports and their
// own freshly seeded database, so a running `npm start` is never disturbed.
const chromiumPath = process.env.CHROMIUM_PATH || (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? '';
const authSecret = process.env.AUTH_SECRET ?? 'e2e-secret-not-for-production';

// Every job worker a spec starts (several specs start their own) writes what the development SMS/WeChat
// adapter would have sent to this one file, so a spec finds a reset code whichever worker claimed the job.
// Set once in the runner; its worker processes inherit it.
process.env.DEV_OUTBOX_FILE ??= path.join(os.tmpdir(), `e2e-outbox-${process.pid}.jsonl`);

// Ports can be moved so that two test runs on one machine do not collide (e2e/support.ts reads the same).
const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT ?? 3100);
const BACKOFFICE_PORT = Number(process.env.E2E_BACKOFFICE_PORT ?? 3101);

function app(dir: string, port: number) {
  return {
    // The Node.js running Playwright (the pinned one, see scripts/bootstrap.mjs) runs the apps too.
    command: `"${process.execPath}" ../../node_modules/next/dist/bin/next start --port ${port}`,
    cwd: dir,
    url: `http://localhost:${port}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret, NEXTAUTH_URL: `http://localhost:${port}` },
  };
}

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromiumPath,
    // As root Chromium needs --no-sandbox; the closed network floods the log without the other two.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  // A retry may show a test is flaky; it may not hide it (scripts/run.ts names such tests in its summary).
  failOnFlakyTests: !!process.env.CI,
  reporter: [['list'], ['json']],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // The administration tests change data other tests read (who manages shop B, shop A's order day), so
  // they run on their own after everything else.
  projects: [
    { name: 'chromium', testIgnore: /(admin|grading|processes)\.e2e\.ts/, use: browser },
    // Starts more servers of each app (ports +1000, +2000), two workers and an S3-compatible store (+3000, +3001).
    { name: 'processes', testMatch: /processes\.e2e\.ts/, use: browser },
    // Publishing a grading run re-grades every shop (shop B's appeal too), which other specs read.
    { name: 'grading', testMatch: /grading\.e2e\.ts/, dependencies: ['chromium'], use: browser },
    { name: 'admin', testMatch: /admin\.e2e\.ts/, dependencies: ['grading'], use: browser },
  ],
  webServer: [app('apps/portal', PORTAL_PORT), app('apps/backoffice', BACKOFFICE_PORT)],
});
