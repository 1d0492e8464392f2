import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { maskRecipient } from '../packages/api/src/channels/channels.rules';
import { DEMO_PASSWORD, expectNoSeriousA11yViolations, PORTAL, runWorkerBesideApps, SHOP_A, SHOP_B, signInToPortal } from './support';

// A shop forgets its password: the code goes "by SMS" through the development adapter (no SMS provider is
// configured here), which the worker runs; DEV_OUTBOX_FILE makes that adapter write each message it would
// have sent to a file, which this spec reads. The shop is one no other spec signs in as: a reset signs the
// shop out everywhere and changes its password, which would fail any spec using the same shop at the same time
// (shop B's survey draft once did, its save answered with the sign-in page). At the end the shop puts its
// seeded password back on the profile page, and its password hash is also copied before and written back after,
// in the database, so that it is back even when a step fails half-way.

// One file for the whole run (playwright.config.ts): another spec's worker may be the one that sends the code.
const outbox = process.env.DEV_OUTBOX_FILE ?? '';
if (!outbox) throw new Error('DEV_OUTBOX_FILE is not set (playwright.config.ts sets it)');
runWorkerBesideApps();

const NEW_PASSWORD = 'reset-2026b';

/** The shop of this spec: a seeded one with a phone, neither shop A nor shop B. */
let shop: { licenceNo: string; phone: string; passwordHash: string };

/** The code of the newest reset SMS to the shop's phone written after `since`. */
async function codeFromOutbox(since: Date): Promise<string> {
  // The adapter writes the number as the channels' logs show it (139****0002).
  const masked = maskRecipient('SMS', shop.phone);
  let code: string | undefined;
  await expect
    .poll(
      () => {
        if (!fs.existsSync(outbox)) return undefined;
        const lines = fs
          .readFileSync(outbox, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { at: string; to: string; messageKey: string; params: { code?: string } });
        code = lines.filter((l) => l.to === masked && l.messageKey === 'auth.reset.sms' && new Date(l.at) >= since).at(-1)?.params.code;
        return code;
      },
      { timeout: 30_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}

async function askForCode(page: Page, licenceNo: string, last4: string): Promise<void> {
  await page.getByLabel('许可证号').fill(licenceNo);
  await page.getByLabel('手机号码后 4 位').fill(last4);
  await page.getByRole('button', { name: '发送验证码' }).click();
  await expect(page.getByTestId('reset-sent')).toContainText('如果许可证号和手机号码相符');
}

async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  shop = await withDb(async (c) => {
    const { rows } = await c.query<typeof shop>(
      `SELECT r."licenceNo", r.phone, l."passwordHash" FROM "Retailer" r JOIN "RetailerLogin" l ON l."loginName" = r."licenceNo"
       WHERE r.status = 'ACTIVE' AND r.phone IS NOT NULL AND r."licenceNo" NOT IN ($1, $2) ORDER BY r.id DESC LIMIT 1`,
      [SHOP_A, SHOP_B],
    );
    return rows[0]!;
  });
});
test.afterAll(async () => {
  await withDb((c) =>
    c.query(
      'UPDATE "RetailerLogin" SET "passwordHash" = $1, "failedLoginCount" = 0, "firstFailedAt" = NULL, "lockedUntil" = NULL WHERE "loginName" = $2',
      [shop.passwordHash, shop.licenceNo],
    ),
  );
});

test.describe('forgotten password', () => {
  test('an unknown licence gets the same answer as a real one', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${PORTAL}/login`);
    await page.getByRole('link', { name: '忘记密码？' }).click();
    await expect(page).toHaveURL(`${PORTAL}/login/forgot`);
    await expectNoSeriousA11yViolations(page);
    await askForCode(page, '330199999999', '1234');
    await expectNoSeriousA11yViolations(page);
  });

  test('a shop resets its password with the code from the development adapter, then signs in with it', async ({ page }) => {
    const since = new Date(Date.now() - 1000);
    await page.goto(`${PORTAL}/login/forgot`);
    await askForCode(page, shop.licenceNo, shop.phone.slice(-4));
    const code = await codeFromOutbox(since);

    // A wrong code is refused with a translated message, and the right one still works after it.
    await page.getByLabel('短信验证码').fill(code === '000000' ? '000001' : '000000');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '重设密码' }).click();
    await expect(page.getByTestId('reset-error')).toContainText('验证码不正确或已失效');

    await page.getByLabel('短信验证码').fill(code);
    await page.getByRole('button', { name: '重设密码' }).click();
    await expect(page.getByTestId('reset-done')).toContainText('密码已重设');

    await signInToPortal(page, shop.licenceNo, DEMO_PASSWORD);
    await expect(page.getByTestId('login-error')).toBeVisible();
    await signInToPortal(page, shop.licenceNo, NEW_PASSWORD);
    await expect(page).toHaveURL(`${PORTAL}/`);
    // The seeded password back, as a shop owner would: the profile's password form (the database is restored
    // after the spec as well, should a step above fail).
    await page.goto(`${PORTAL}/profile`);
    await page.getByRole('button', { name: '修改登录密码' }).click();
    await page.getByLabel('当前密码').fill(NEW_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByLabel('再次输入新密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect(page.getByText('密码已修改')).toBeVisible();
    await expect(page).toHaveURL(`${PORTAL}/profile`);
  });
});
