import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  BACKOFFICE,
  PORTAL,
  SHOP_A,
  expectNoSeriousA11yViolations,
  runWorkerBesideApps,
  signInToBackoffice,
  signInToPortal,
} from './support';

// Data flowing in: an administrator creates an integration and sees its key once; the ordering system
// posts an order for shop A with that key, and shop A's allocation page counts it as ordered. Files are
// imported too: their check and their writing are jobs, so the worker runs beside the apps.

runWorkerBesideApps();

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

test('marketing imports an .xlsx of limits into a new draft: checked, confirmed, written, and shown in the grid', async ({ page }) => {
  await signInToBackoffice(page, 'marketing');
  await page.goto(`${BACKOFFICE}/allocation`);
  // The furthest cycle ahead (the list is newest first, four weeks ahead at the top), which no other spec
  // drafts in: the marketing spec takes shop A's next cycle, the approver's toast the week before this one.
  const cycle = page.getByTestId('cycle-row').first();
  await cycle.getByRole('button', { name: '新建版本' }).click();
  await expect(page.getByTestId('limit-grid')).toBeVisible();
  const policyUrl = page.url();
  const code = (await page.getByTestId('limit-row').first().getAttribute('data-product-code'))!;

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('限量');
  sheet.addRow(['规格编码', '起始档位', '截止档位', '限量（条）']);
  sheet.addRow([code, 1, 20, 4]);
  sheet.addRow([code, 21, 30, 9]);
  const upload = page.getByTestId('import-upload');
  await upload.getByLabel('选择文件').setInputFiles({
    name: '下周限量.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
  await upload.getByRole('button', { name: '上传并检查' }).click();

  // The import's own page: the check runs in the worker, the page follows it to the report.
  await expect(page).toHaveURL(/\/imports\/\d+$/);
  await expect(page.getByTestId('import-counts')).toContainText('全部 2 行检查通过', { timeout: 30_000 });
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page
    .getByRole('group', { name: /确定写入这 2 行数据/ })
    .getByRole('button', { name: '确认导入' })
    .click();
  await expect(page.getByTestId('import-applied')).toContainText('写入 2 行', { timeout: 30_000 });

  await page.goto(policyUrl);
  const row = page.locator(`[data-testid="limit-row"][data-product-code="${code}"]`);
  await expect(page.getByTestId('limit-row')).toHaveCount(1);
  await expect(row.getByRole('textbox', { name: /1–20 档 限量/ })).toHaveValue('4');
  await expect(row.getByRole('textbox', { name: /21–30 档 限量/ })).toHaveValue('9');
});

test('an orders file with a bad row reports it with its line and writes nothing', async ({ page }) => {
  await signInToBackoffice(page, 'admin');
  await page.goto(`${BACKOFFICE}/imports`);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('导入类型').selectOption({ label: '订单' });
  const orderNo = `E2E-FILE-${Date.now()}`;
  const csv = ['许可证号,订单号,订货时间,卷烟编码,数量(条),单价(元)', `${SHOP_A},${orderNo},2026-12-09 09:30,NOPE,2.5,200`].join('\r\n');
  await page.getByLabel('选择文件').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: '上传并检查' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('有误 1 行', { timeout: 30_000 });
  const errors = page.getByTestId('import-error');
  await expect(errors.filter({ hasText: '数量(条)' })).toContainText('须为整数');
  await expect(page.getByRole('button', { name: /只导入有效/ })).toHaveCount(0);
  await expect(page.getByText('有问题时不能导入')).toBeVisible();
});
