import { expect, test } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, signInToBackoffice } from './support';

// The demo seed computes the last twelve closed months of the product summary by the monthly job's own
// function, so the screens have data whatever day the suite runs. District 1 is 上城区营销部.

test('the manager opens the 80/20 screen for district 1 and sees the curve and the core list', async ({ page }) => {
  await signInToBackoffice(page, 'manager');
  await page.goto(`${BACKOFFICE}/products/pareto`);
  await expect(page.getByRole('heading', { level: 1, name: '商品二八分析' })).toBeVisible();

  await page.getByLabel('区县').selectOption({ label: '上城区营销部' });
  await page.getByLabel('分析指标').selectOption({ label: '销售额' });
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/districtId=\d+/);
  await expect(page).toHaveURL(/measure=amount/);

  await expect(page.getByTestId('product-source')).toContainText('数据来源：商品月度汇总表');
  await expect(page.getByTestId('pareto-summary')).toContainText('构成了 80% 的销售额');
  // The curve is drawn (recharts in the browser) with the 80 % line.
  const curve = page.getByTestId('pareto-curve');
  await expect(curve.locator('svg.recharts-surface')).toBeVisible();
  await expect(curve.locator('.recharts-reference-line')).toHaveCount(2);
  // The core rows come first, each marked, and their cumulative share closes at or past 80 %.
  const core = page.getByTestId('pareto-core-row');
  await expect(core.first()).toContainText('核心 80%');
  const coreCount = await core.count();
  expect(coreCount).toBeGreaterThan(0);
  await expect(page.getByRole('row').nth(1)).toHaveAttribute('data-testid', 'pareto-core-row');
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const csv = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
  expect(csv.split('\r\n').filter((line) => line.includes('核心 80%')).length).toBe(coreCount + 1);
});

test('the composite analysis lists products with growth, reach and fulfilment; a period without data says so', async ({ page }) => {
  await signInToBackoffice(page, 'manager');
  await page.goto(`${BACKOFFICE}/products/composite`);
  await expect(page.getByRole('heading', { level: 1, name: '商品综合分析' })).toBeVisible();
  await expect(page.getByTestId('composite-row').first()).toBeVisible();
  await expect(page.getByText('覆盖面按月显示')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${BACKOFFICE}/products/pareto?period=2001-01`);
  await expect(page.getByText('2001-01 在所选区县和档位段没有任何已确认订单，无法做二八分析。')).toBeVisible();
  await expect(page.getByTestId('pareto-curve')).toHaveCount(0);
});

test('an account manager has no product analysis', async ({ page }) => {
  await signInToBackoffice(page, 'am01');
  await page.goto(`${BACKOFFICE}/products/pareto`);
  await expect(page.getByTestId('pareto-curve')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '商品分析' })).toHaveCount(0);
  await page.goto(`${BACKOFFICE}/products/demand`);
  await expect(page.getByTestId('demand-mape')).toHaveCount(0);
  await expect(page.getByTestId('demand-row')).toHaveCount(0);
});

// The demo seed fills the per-cycle demand summary of every closed cycle (a year) by the cycle job's own
// function; the current and the next cycle have published policies.
test('the manager opens demand against allocation: the forecast beside the limits, the MAPE with its period, the method', async ({
  page,
}) => {
  await signInToBackoffice(page, 'manager');
  await page.goto(`${BACKOFFICE}/products/pareto`);
  await page.getByRole('link', { name: '需求预测与投放' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '需求预测与投放' })).toBeVisible();

  await page.getByLabel('区县').selectOption({ label: '上城区营销部' });
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/\/products\/demand\?districtId=\d+/);

  await expect(page.getByTestId('demand-source')).toContainText('数据来源：订货周期需求汇总表');
  // The error of the method, as a figure with the cycles it was measured on.
  const mape = page.getByTestId('demand-mape');
  await expect(mape).toContainText(/加权 MAPE \d+(\.\d)?%/);
  await expect(mape).toContainText(/用 \d{4}-W\d{2} 至 \d{4}-W\d{2} 这 8 个已结束周期回测/);
  await expect(page.getByTestId('demand-method')).toContainText('预计需求 = 基准量 × 系数');
  // The chart of the first product: its orders, the back-test and the forecast.
  // (the legend draws small svgs of its own: the chart is the first)
  await expect(page.getByTestId('demand-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('demand-chart').locator('.recharts-line')).toHaveCount(4);
  // Each product's forecast for the cycles ahead, beside the planned limits (the next cycles' policies are published).
  const first = page.getByTestId('demand-row').first();
  await expect(first).toContainText(/预测 [\d,]+ 条/);
  await expect(page.getByRole('columnheader').filter({ hasText: '已发布' }).first()).toBeVisible();
  await expect(page.getByRole('columnheader').filter({ hasText: '尚无投放策略' }).first()).toBeVisible();
  await expect(page.getByText('NaN')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const csv = Buffer.concat(await (await (await download).createReadStream()).toArray()).toString('utf8');
  expect(csv.split('\r\n')[0]).toContain('预测（条）');
  expect(csv.split('\r\n').filter((line) => line.trim()).length).toBeGreaterThan(10);

  // One product picked: the list narrows to it and the chart is its own.
  const option = await page.getByLabel('卷烟规格').locator('option').nth(2).textContent();
  await page.getByLabel('卷烟规格').selectOption({ index: 2 });
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/productId=\d+/);
  await expect(page.getByTestId('demand-row')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: `${option!.split(' ')[0]}：订货历史与预测` })).toBeVisible();
});
