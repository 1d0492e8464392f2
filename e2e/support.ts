import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const PORTAL = `http://localhost:${process.env.E2E_PORTAL_PORT ?? 3100}`;
export const BACKOFFICE = `http://localhost:${process.env.E2E_BACKOFFICE_PORT ?? 3101}`;
export const DEMO_PASSWORD = 'demo-2026';
export const SHOP_A = '330100000001';
export const SHOP_B = '330100000002';

export async function signInToPortal(page: Page, licenceNo: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${PORTAL}/login`);
  await page.getByLabel('许可证号').fill(licenceNo);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await settled(page);
}

// Sign-in finishes with a redirect away from /login, or with an error on it; wait for either so the
// next navigation does not race the session cookie.
async function settled(page: Page): Promise<void> {
  await Promise.race([page.waitForURL((url) => url.pathname !== '/login'), page.getByTestId('login-error').waitFor()]);
}

export async function signInToBackoffice(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${BACKOFFICE}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await settled(page);
}

/** Fails on any serious or critical axe violation, listing them so the failure says what to fix. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  // After a client-side refresh the page's title arrives with its streamed metadata: wait for it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * Runs the job worker beside the apps for this spec's tests (publishing, going live and grading runs are
 * jobs), on the spec's database. Call at the top level of a spec.
 */
export function runWorkerBesideApps(): void {
  let worker: ChildProcess | undefined;
  test.beforeAll(() => {
    const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error('The e2e database URL is not set');
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    worker = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'worker.ts')], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
  });
  test.afterAll(() => {
    worker?.kill('SIGTERM');
  });
}

/**
 * Pages in contexts of their own, closed after each test: each person signs in separately (and axe needs an
 * explicit context). Call at the top level of a spec; use the returned function inside tests.
 */
export function pagePerPerson(): (browser: Browser) => Promise<Page> {
  const contexts: BrowserContext[] = [];
  test.afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  return async (browser) => {
    const context = await browser.newContext();
    contexts.push(context);
    return context.newPage();
  };
}
