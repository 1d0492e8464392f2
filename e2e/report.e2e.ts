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

test('shop A’s account manager comments on the month’s report; shop A reads it on a phone and is told', async ({ browser }) => {
  // A text of this run, so a rerun on the same database still proves the edit reached the shop.
  const text = `本月订货稳定，建议多关注高档规格的陈列。（${Date.now()}）`;
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInToBackoffice(staff, 'am01');
  await staff.goto(`${BACKOFFICE}/retailers?q=${SHOP_A}`);
  await staff.getByTestId('retailer-row').getByRole('link').first().click();
  await staff.waitForURL(/\/retailers\/\d+$/);
  await staff.getByRole('link', { name: '经营分析报告' }).click();
  const heading = staff.getByRole('heading', { level: 1, name: /客户经营分析报告/ });
  await expect(heading).toBeVisible();
  const month = /(\d{4}-\d{2})/.exec((await heading.textContent()) ?? '')![1]!;

  // The trend and the capability profile, with where the figures come from.
  await expect(staff.getByTestId('analysis-trend').getByRole('table')).toBeVisible();
  await expect(staff.getByTestId('analysis-capability')).toContainText('订货规律性');
  await expect(staff.getByTestId('analysis-capability')).toContainText('计算方法');
  await expect(staff.getByTestId('analysis-peers')).toContainText(/比较对象|不足 5 家/);
  await expect(staff.getByTestId('analysis-capability')).not.toContainText('NaN');

  // The field states its limit and counts what is typed (a longer text is refused by the server: integration tests).
  const field = staff.getByLabel('点评内容');
  await field.fill('好'.repeat(500));
  await expect(staff.getByText('已输入 500 / 500')).toBeVisible();
  await field.fill(text);
  await staff.getByRole('button', { name: '保存点评' }).click();
  await expect(staff.getByText('点评已保存，客户可以在经营分析报告中看到。').first()).toBeVisible();
  await expect(staff.getByTestId('report-comment-body')).toHaveText(text);
  await expect(staff.getByTestId('report-comment')).toContainText(/写于|修改于/);
  await expectNoSeriousA11yViolations(staff);
  await staffContext.close();

  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signInToPortal(page, SHOP_A);
  await page.goto(`${PORTAL}/inbox`);
  const notice = page
    .getByTestId('notification')
    .filter({ hasText: `客户经理点评了您 ${month} 的经营分析` })
    .first();
  await notice.getByRole('link', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`/report\\?month=${month}$`));
  const comment = page.getByTestId('report-comment');
  await expect(comment.getByRole('heading', { name: '客户经理点评' })).toBeVisible();
  await expect(comment).toContainText(text);
  // Nothing runs off the side of the phone's screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoSeriousA11yViolations(page);
  await context.close();
});
