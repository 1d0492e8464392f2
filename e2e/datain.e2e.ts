import { expect, test, type Page } from '@playwright/test';
import { BACKOFFICE, PORTAL, SHOP_A, expectNoSeriousA11yViolations, signInToBackoffice, signInToPortal } from './support';

// Data flowing in: an administrator creates an integration and sees its key once; the ordering system
// posts an order for shop A with that key, and shop A's allocation page counts it as ordered.

async function cycleView(page: Page, kind: 'current' | 'next', code: string) {
  await page.goto(`${PORTAL}/allocation?cycle=${kind}&q=${code}`);
  const header =
    (await page
      .getByText(/\d{4}-W\d{2}/)
      .first()
      .textContent()) ?? '';
  const item = page.locator(`[data-testid="allocation-item"][data-product-code="${code}"]`);
  return {
    cycle: /\d{4}-W\d{2}/.exec(header)![0],
    ordered: Number(await item.getByTestId('allocation-ordered').textContent()),
    remaining: Number(await item.getByTestId('allocation-remaining').textContent()),
  };
}

test('admin creates an integration; an order posted with its key shows in shop A’s allocation as ordered', async ({ browser, request }) => {
  const shop = await (await browser.newContext()).newPage();
  await signInToPortal(shop, SHOP_A);
  await shop.goto(`${PORTAL}/allocation`);
  const code = (await shop.getByTestId('allocation-item').first().getAttribute('data-product-code'))!;
  const before = { current: await cycleView(shop, 'current', code), next: await cycleView(shop, 'next', code) };

  const admin = await (await browser.newContext()).newPage();
  await signInToBackoffice(admin, 'admin');
  await admin.goto(`${BACKOFFICE}/admin/integrations`);
  await admin.getByLabel('接入系统名称').fill('新商盟订货系统（测试）');
  await admin.getByRole('button', { name: '新建接入' }).click();
  const key = (await admin.getByTestId('integration-key-value').textContent())!.trim();
  expect(key).toMatch(/^tsk_/);
  await expectNoSeriousA11yViolations(admin);

  const orderNo = `E2E-${Date.now()}`;
  const body = {
    licenceNo: SHOP_A,
    externalOrderNo: orderNo,
    orderedAt: new Date().toISOString(),
    status: 'CONFIRMED',
    lines: [{ productCode: code, quantity: 1, unitPriceFen: 20_000 }],
  };
  const created = await request.post(`${BACKOFFICE}/api/ingest/v1/orders`, { data: body, headers: { authorization: `Bearer ${key}` } });
  expect(created.status()).toBe(201);
  const result = await created.json();
  // A replay answers with the first result; no key answers 401.
  expect(
    (await request.post(`${BACKOFFICE}/api/ingest/v1/orders`, { data: body, headers: { authorization: `Bearer ${key}` } })).status(),
  ).toBe(200);
  expect((await request.post(`${BACKOFFICE}/api/ingest/v1/orders`, { data: body })).status()).toBe(401);

  // The order lands in the cycle its order time derives; that cycle's page shows it as ordered.
  const kind = before.current.cycle === result.cycle ? 'current' : 'next';
  expect(before[kind].cycle).toBe(result.cycle);
  const after = await cycleView(shop, kind, code);
  expect(after.ordered).toBe(before[kind].ordered + 1);
  expect(after.remaining).toBe(Math.max(0, before[kind].remaining - 1));

  await admin.reload();
  await admin.getByTestId('integration-row').filter({ hasText: '新商盟订货系统（测试）' }).getByRole('link', { name: '调用记录' }).click();
  await expect(admin.getByTestId('integration-call').filter({ hasText: orderNo })).toHaveCount(2);
});
