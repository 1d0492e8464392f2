import { expect, test, type Page } from '@playwright/test';
import { BACKOFFICE, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

// Every page carries a Content-Security-Policy with a fresh nonce, and the browser reports no violation of
// it while the page loads and hydrates (Next's own scripts carry the nonce), nor while a form is validated
// and sent (signing in runs zod in the browser, which must not need eval).

const PORTAL_PAGES = [
  '/login',
  '/',
  '/grade',
  '/report',
  '/allocation',
  '/schedule',
  '/promotions',
  '/rewards',
  '/surveys',
  '/complaints',
  '/complaints/new',
  '/help',
  '/inbox',
  '/profile',
];
const BACKOFFICE_PAGES = [
  '/login',
  '/',
  '/retailers',
  '/complaints',
  '/knowledge',
  '/allocation',
  '/promotions',
  '/rewards',
  '/surveys',
  '/analytics',
  '/rankings',
  '/products/pareto',
  '/products/composite',
  '/admin',
  '/change-password',
];

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

async function checkPages(page: Page, origin: string, paths: string[], violations: string[]) {
  const nonces = new Set<string>();
  for (const path of paths) {
    const response = await page.goto(`${origin}${path}`);
    await page.waitForLoadState('networkidle');
    const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
    expect(csp, path).toContain("script-src 'self' 'nonce-");
    expect(csp, path).not.toContain('unsafe-eval');
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect((await response!.allHeaders())['permissions-policy'], path).toContain('camera=()');
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
  }
  expect(nonces.size, 'a fresh nonce per response').toBe(paths.length);
  expect(violations).toEqual([]);
}

test.describe('content security policy', () => {
  test('every portal page carries it and breaks none of it', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto(`${PORTAL}/login`);
    await signInToPortal(page, SHOP_A);
    await checkPages(
      page,
      PORTAL,
      PORTAL_PAGES.filter((p) => p !== '/login'),
      violations,
    );
  });

  test('every back-office page carries it and breaks none of it', async ({ page }) => {
    const violations = await watchViolations(page);
    await signInToBackoffice(page, 'manager');
    await checkPages(
      page,
      BACKOFFICE,
      BACKOFFICE_PAGES.filter((p) => p !== '/login'),
      violations,
    );
  });

  test('the login pages carry it too', async ({ page }) => {
    const violations = await watchViolations(page);
    await checkPages(page, PORTAL, ['/login'], violations);
    await checkPages(page, BACKOFFICE, ['/login'], violations);
  });

  test('a state-changing request from another origin is refused', async ({ request }) => {
    const res = await request.post(`${PORTAL}/api/trpc/notifications.markAllRead`, {
      headers: { origin: BACKOFFICE, 'content-type': 'application/json' },
      data: {},
    });
    expect(res.status()).toBe(403);
  });
});
