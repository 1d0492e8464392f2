import { expect, test, type Page } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, SHOP_B, signInToBackoffice, signInToPortal } from './support';

// Administration end to end. Each test puts back what it changed (shop B's manager, shop A's calendar day,
// a suspended shop), so the specs of other areas that run beside it still find the demo data as seeded.

const CHINA = 'Asia/Shanghai';
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: CHINA }).format(new Date());
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isoWeekday = (date: string) => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** Opens a retailer's account page from the admin list, by licence number. */
async function openRetailerAccount(page: Page, licenceNo: string): Promise<void> {
  await page.goto(`${BACKOFFICE}/admin/retailers?q=${licenceNo}`);
  await page.getByRole('link', { name: licenceNo }).click();
  await expect(page.getByRole('heading', { level: 1, name: '零售户账号' })).toBeVisible();
}

async function assignManager(page: Page, licenceNo: string, label: string): Promise<void> {
  await openRetailerAccount(page, licenceNo);
  const section = page.getByRole('region', { name: '客户经理' });
  await section.getByLabel('客户经理').selectOption({ label });
  await section.getByRole('button', { name: '保存分配' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: '已更新客户经理' })).toBeVisible();
}

test.describe('administration', () => {
  test('admin creates an account manager who, after changing the temporary password, sees shop B and not shop A', async ({
    page,
    browser,
  }) => {
    const username = `e2eam${Date.now() % 1_000_000}`;
    const name = `测试经理${username.slice(-4)}`;
    await signInToBackoffice(page, 'admin');

    await page.goto(`${BACKOFFICE}/admin/users/new`);
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('姓名').fill(name);
    await page.getByRole('checkbox', { name: '客户经理' }).check();
    await page.getByRole('button', { name: '创建员工' }).click();
    const password = (await page.getByTestId('temporary-password-value').textContent())?.trim() ?? '';
    expect(password).toMatch(/^[A-Za-z2-9]{10}$/);

    // Shop B goes to the new manager (one by one, on its account page).
    await openRetailerAccount(page, SHOP_B);
    await expectNoSeriousA11yViolations(page);
    const assign = page.getByRole('region', { name: '客户经理' });
    await assign.getByLabel('客户经理').selectOption({ label: `${name}（${username}）` });
    await assign.getByRole('button', { name: '保存分配' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: '已更新客户经理' })).toBeVisible();

    try {
      // The new manager signs in with the temporary password and must change it before anything else.
      const context = await browser.newContext();
      const newcomer = await context.newPage();
      await signInToBackoffice(newcomer, username, password);
      await expect(newcomer).toHaveURL(/\/change-password$/);
      await expect(newcomer.getByTestId('must-change-password')).toBeVisible();
      await expectNoSeriousA11yViolations(newcomer);
      await newcomer.goto(`${BACKOFFICE}/retailers`);
      await expect(newcomer).toHaveURL(/\/change-password$/);

      await newcomer.getByLabel('当前密码').fill(password);
      await newcomer.getByLabel('新密码', { exact: true }).fill('Manager2026x');
      await newcomer.getByLabel('再次输入新密码').fill('Manager2026x');
      await newcomer.getByRole('button', { name: '修改密码' }).click();
      await expect(newcomer).toHaveURL(`${BACKOFFICE}/`);
      await expect(newcomer.getByTestId('figure-retailers.mine')).toContainText('1');

      await newcomer.goto(`${BACKOFFICE}/retailers?q=${SHOP_B}`);
      await expect(newcomer.getByTestId('retailer-row')).toHaveCount(1);
      await newcomer.goto(`${BACKOFFICE}/retailers?q=${SHOP_A}`);
      await expect(newcomer.getByText('没有符合条件的零售客户')).toBeVisible();
      await expect(newcomer.getByTestId('retailer-row')).toHaveCount(0);
      await context.close();
    } finally {
      await assignManager(page, SHOP_B, '王秀英（am02）');
    }
  });

  test('admin marks shop A’s next order day as a holiday, and shop A’s schedule shows the moved day', async ({ page, browser }) => {
    await signInToBackoffice(page, 'admin');
    await openRetailerAccount(page, SHOP_A);
    const weekday = Number(await page.getByLabel('订货日').inputValue());
    // Shop A's next order day from tomorrow on (today's would already be under way).
    let orderDay = addDays(chinaToday(), 1);
    while (isoWeekday(orderDay) !== weekday) orderDay = addDays(orderDay, 1);
    const holiday = 'E2E临时休息日';

    await page.goto(`${BACKOFFICE}/admin/calendar?year=${orderDay.slice(0, 4)}`);
    await expectNoSeriousA11yViolations(page);
    await page.locator(`button[data-date="${orderDay}"]`).click();
    const editor = page.getByTestId('day-editor');
    await editor.getByLabel('这一天是').selectOption('HOLIDAY');
    await editor.getByLabel('名称（如 国庆节）').fill(holiday);
    await editor.getByRole('button', { name: '预览影响' }).click();
    const moved = editor
      .getByTestId('moved-order-day')
      .filter({ hasText: `星期${'一二三四五六日'[weekday - 1]}` })
      .filter({ hasText: orderDay })
      .first();
    await expect(moved).toContainText(orderDay);
    const actual = (await moved.locator('td').nth(3).textContent())?.trim() ?? '';
    expect(actual > orderDay).toBe(true);
    await editor.getByRole('button', { name: '保存修改' }).click();
    await expect(page.getByText(`已保存 ${orderDay} 的修改`)).toBeVisible();

    try {
      const context = await browser.newContext();
      const shop = await context.newPage();
      await signInToPortal(shop, SHOP_A);
      await shop.goto(`${PORTAL}/schedule`);
      const cycle = shop.getByTestId('schedule-cycles').getByRole('listitem').filter({ hasText: holiday }).first();
      await expect(cycle).toContainText(`因${holiday}，订货日由 ${orderDay} 顺延至 ${actual}`);
      await context.close();
    } finally {
      // Put the day back, so other specs see the calendar as seeded.
      await page.locator(`button[data-date="${orderDay}"]`).click();
      await editor.getByLabel('这一天是').selectOption('');
      await editor.getByRole('button', { name: '预览影响' }).click();
      await editor.getByRole('button', { name: '保存修改' }).click();
      await expect(page.getByText(`已保存 ${orderDay} 的修改`)).toBeVisible();
    }
  });

  test('a suspended shop cannot sign in and the portal login says why', async ({ page, browser }) => {
    await signInToBackoffice(page, 'admin');
    await page.goto(`${BACKOFFICE}/admin/retailers?q=33010`);
    const licence = (await page.getByTestId('account-row').nth(5).locator('td').first().textContent())?.trim() ?? '';
    expect(licence).toMatch(/^\d{12}$/);
    await openRetailerAccount(page, licence);
    const status = page.getByRole('region', { name: '经营状态' });
    await status.getByLabel('状态').selectOption('SUSPENDED');
    await status.getByLabel('变更原因').fill('E2E 暂停测试');
    await status.getByRole('button', { name: '保存状态' }).click();
    await expect(page.getByTestId('retailer-status')).toHaveText('暂停');

    try {
      const context = await browser.newContext();
      const shop = await context.newPage();
      await signInToPortal(shop, licence);
      await expect(shop.getByTestId('login-error')).toContainText('已暂停或注销');
      await expect(shop).toHaveURL(/\/login/);
      await context.close();
    } finally {
      await status.getByLabel('状态').selectOption('ACTIVE');
      await status.getByLabel('变更原因').fill('E2E 恢复');
      await status.getByRole('button', { name: '保存状态' }).click();
      await expect(page.getByTestId('retailer-status')).toHaveText('正常');
    }
  });

  test('the job queue screen lists every queue with its backlog, and passes axe', async ({ page }) => {
    await signInToBackoffice(page, 'admin');
    await page.goto(`${BACKOFFICE}/admin/jobs`);
    await expect(page.getByRole('heading', { level: 1, name: '后台任务' })).toBeVisible();
    // The dead-letter queue is always there; no job has failed in the demo.
    await expect(page.getByTestId('job-queue-row').filter({ hasText: 'jobs.dead' })).toBeVisible();
    await expect(page.getByText('没有失败的任务。')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the administration pages and the staff homes pass axe', async ({ page }) => {
    await signInToBackoffice(page, 'admin');
    for (const path of [
      '/',
      '/admin',
      '/admin/users',
      '/admin/retailers',
      '/admin/retailers/import',
      '/admin/retailers/move',
      '/admin/organisation',
      '/admin/categories',
      '/admin/settings',
    ]) {
      await page.goto(`${BACKOFFICE}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
    await expect(page.getByTestId('setting-complaints.acceptWorkingDays')).toBeVisible();

    await signInToBackoffice(page, 'manager');
    await expect(page.getByTestId('figure-changeRequests.pending')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${BACKOFFICE}/admin/change-requests`);
    await expect(page.getByTestId('change-request').first()).toContainText(SHOP_B);
    await expectNoSeriousA11yViolations(page);

    await signInToBackoffice(page, 'agent');
    await expect(page.getByTestId('figure-complaints.mine')).toBeVisible();
    await page.goto(`${BACKOFFICE}/admin/users`);
    await expect(page.getByText('您没有查看此页面的权限')).toBeVisible();
  });
});
