import { expect, test } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, SHOP_A, SHOP_B, signInToBackoffice } from './support';

// The demo seed ranks the last three closed months by the monthly job's own function, so shop A has a rank
// and a movement whatever day the suite runs.

test('the manager finds shop A’s rank among its district and band, and exports it', async ({ page }) => {
  await signInToBackoffice(page, 'manager');
  await page.goto(`${BACKOFFICE}/rankings`);
  await expect(page.getByRole('heading', { level: 1, name: '客户月度排名' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel('许可证号或店名').fill(SHOP_A);
  await page.getByLabel('排名依据').selectOption({ label: '进货频率' });
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/metric=frequency/);
  const row = page.getByTestId('ranking-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(SHOP_A);
  await expect(row.getByTestId('ranking-rank')).toHaveText(/^第 \d+ \/ \d+ 名$/);
  await expect(row).toContainText(/上升|下降|持平|上月无排名/);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  expect(csv).toContain(SHOP_A);
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
});

test('an account manager ranks only their own shops', async ({ page }) => {
  await signInToBackoffice(page, 'am01');
  await page.goto(`${BACKOFFICE}/rankings?q=${SHOP_A}`);
  await expect(page.getByTestId('ranking-row')).toHaveCount(1);
  await page.goto(`${BACKOFFICE}/rankings?q=${SHOP_B}`);
  await expect(page.getByText('没有符合条件的客户')).toBeVisible();
  await expect(page.getByTestId('ranking-row')).toHaveCount(0);
});
