import { expect, test } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

// The demo seed writes a year of monthly sums and last month's report, by the monthly job's own functions,
// so shop A has a report whatever day the suite runs.

test('shop A opens its monthly business report on a phone, prints it and downloads it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signInToPortal(page, SHOP_A);
  await page.goto(`${PORTAL}/inbox`);
  const notice = page.getByTestId('notification').filter({ hasText: '经营分析报告已生成' }).first();
  await notice.getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(/\/report\?month=\d{4}-\d{2}$/);
  await expect(page.getByRole('heading', { level: 1, name: /我的经营分析/ })).toBeVisible();
  await expect(page.getByTestId('report-summary')).toContainText(/本月订货 [\d,]+ 条/);
  await expect(page.getByTestId('report-standing')).toContainText(/前 10%|前 25%|前 50%|后 50%|为保护各家隐私不作比较/);
  await expectNoSeriousA11yViolations(page);

  // Printed (or saved as PDF), the report stands alone: no header, no bottom bar, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印 / 保存为 PDF' })).toBeHidden();
  await expect(page.getByTestId('report-summary')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}\.xlsx$/);
  await context.close();
});

test('shop A’s account manager reads the same report from its 360 page', async ({ page }) => {
  await signInToBackoffice(page, 'am01');
  await page.goto(`${BACKOFFICE}/retailers?q=${SHOP_A}`);
  await page.getByTestId('retailer-row').getByRole('link').first().click();
  await page.waitForURL(/\/retailers\/\d+$/);
  await page.getByRole('link', { name: '经营分析报告' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /客户经营分析报告/ })).toBeVisible();
  await expect(page.getByTestId('report-summary')).toContainText(/本月订货 [\d,]+ 条|本月没有已确认的订单/);
  await expectNoSeriousA11yViolations(page);
});
