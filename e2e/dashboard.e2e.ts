import { expect, test } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, signInToBackoffice } from './support';

// The demo seed gives every card data through the product's own functions: twelve closed months of the
// product summary, the open annual survey's answers, closed cases, published grading runs, delivered
// promotions, the anomaly rules' alerts, and the dashboard's nightly summaries.

const CARDS = [
  ['sales', '销售趋势'],
  ['satisfaction', '满意度指数'],
  ['sla', '服务时效达标率'],
  ['grades', '档位分布'],
  ['promotions', '促销触达'],
  ['anomalies', '异动预警'],
] as const;

test('the executive opens the dashboard from the navigation, sees six trends with their sources, and drills into sales', async ({
  page,
}) => {
  // Six charts, an accessibility scan, a district filter and a drill-down: more than a minute on two busy cores.
  test.setTimeout(120_000);
  await signInToBackoffice(page, 'exec');
  await page.getByRole('link', { name: '领导驾驶舱' }).first().click();
  // The address changes once the page's data and its six charts' scripts have arrived: on two busy cores
  // (both browsers, four servers and the database) that has taken longer than the default 10 s.
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: '领导驾驶舱' })).toBeVisible();

  for (const [id, title] of CARDS) {
    const card = page.getByTestId(`dashboard-${id}`);
    await expect(card.getByRole('heading', { level: 2, name: title })).toBeVisible();
    // Each card has data: a chart drawn in the browser and a data table behind a disclosure.
    // (a legend draws its own small svg.recharts-surface per series, so the chart is the first of them)
    await expect(card.locator('svg.recharts-surface').first()).toBeVisible();
    await expect(card.getByText(/^数据来源：/)).toBeVisible();
  }
  // Figures read as text: the satisfaction table shows an index, never NaN or a bare 0 %.
  const satisfaction = page.getByTestId('dashboard-satisfaction');
  await satisfaction.getByText('满意度指数：查看数据表').click();
  // Surveys are listed oldest first; the open annual survey's row carries an index with one decimal.
  await expect(satisfaction.getByRole('row').filter({ hasText: '2026 年度零售客户满意度调查' })).toContainText(/\d+\.\d/);
  await expect(page.locator('main')).not.toContainText('NaN');
  // The executive may not open the grading review or the alert queue: the card says so instead of a link.
  await expect(page.getByTestId('dashboard-grades')).toContainText('详细页面（档位评定）需要另行授权');
  await expectNoSeriousA11yViolations(page);

  // A district narrows every card and the drill-down keeps it.
  await page.getByLabel('区县').selectOption({ label: '上城区营销部' });
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page).toHaveURL(/districtId=\d+/);
  await expect(page.getByText('当前范围：上城区营销部')).toBeVisible();
  await page.getByRole('link', { name: '查看商品综合分析' }).click();
  await expect(page).toHaveURL(/\/products\/composite\?period=\d{4}-\d{2}&districtId=\d+/);
  await expect(page.getByRole('heading', { level: 1, name: '商品综合分析' })).toBeVisible();
  await expect(page.getByLabel('区县')).toHaveValue(/\d+/);
});

test('an account manager is not offered the dashboard and cannot open it', async ({ page }) => {
  await signInToBackoffice(page, 'am01');
  await expect(page.getByRole('link', { name: '领导驾驶舱' })).toHaveCount(0);
  await page.goto(`${BACKOFFICE}/dashboard`);
  await expect(page.getByText('您没有查看此页面的权限。')).toBeVisible();
  await expect(page.getByTestId('dashboard-sales')).toHaveCount(0);
});
