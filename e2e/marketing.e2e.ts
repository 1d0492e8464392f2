import { expect, test, type Page } from '@playwright/test';
import {
  BACKOFFICE,
  expectNoSeriousA11yViolations,
  pagePerPerson,
  PORTAL,
  runWorkerBesideApps,
  SHOP_A,
  SHOP_B,
  signInToBackoffice,
  signInToPortal,
} from './support';

// Marketing's back office end to end: a promotion drafted by `marketing`, approved by `manager`, seen by
// shop A (grade 24, in the target) and not by shop B (grade 8); an allocation limit changed for shop A's
// next cycle, approved, published by the job, and shown on shop A's allocation screen with its version.
// Publishing and going live are jobs, so the background worker runs beside the apps for these tests.

// Several people sign in one after the other in each test, and jobs run in between: more than the default minute.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

runWorkerBesideApps();
const pageFor = pagePerPerson();

/** A China wall-clock 'YYYY-MM-DDTHH:mm', `days` from today at midnight. */
function chinaMidnight(days: number): string {
  const date = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T00:00`;
}

async function reloadUntil(page: Page, url: string, check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    if (await check()) return;
    if (Date.now() > until) throw new Error(`Timed out waiting on ${url}`);
    await page.waitForTimeout(2_000);
  }
}

test('a promotion for grades 20–30: marketing drafts, manager approves, shop A sees it and shop B does not', async ({ browser }) => {
  const title = `高档位客户陈列奖励 ${Date.now()}`;

  const marketing = await pageFor(browser);
  await signInToBackoffice(marketing, 'marketing');
  await marketing.goto(`${BACKOFFICE}/promotions/new`);
  await marketing.getByLabel('活动名称').fill(title);
  await marketing.getByRole('textbox', { name: '活动说明' }).click();
  await marketing.keyboard.type('陈列达标的客户可获 200 积分。');
  await marketing.getByLabel('优惠或赠品规则').fill('以客户经理检查结果为准。');
  await marketing.getByLabel('开始时间').fill(chinaMidnight(0));
  await marketing.getByLabel('结束时间').fill(chinaMidnight(30));
  await marketing.getByLabel('最低档位').fill('20');
  await marketing.getByLabel('最高档位').fill('30');
  // The reach preview counts the target while it is edited.
  await expect(marketing.getByTestId('reach-total')).not.toHaveText(/^0/);
  await expectNoSeriousA11yViolations(marketing);
  await marketing.getByRole('button', { name: '保存草稿' }).click();
  await expect(marketing.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const promotionUrl = marketing.url();
  // Marketing drafts but cannot approve.
  await expect(marketing.getByRole('button', { name: '批准' })).toHaveCount(0);
  await marketing.getByRole('button', { name: '提交审批' }).click();
  await expect(marketing.getByTestId('promotion-state')).toHaveText('待审批');

  const manager = await pageFor(browser);
  await signInToBackoffice(manager, 'manager');
  await manager.goto(promotionUrl);
  await manager.getByLabel('审批意见').fill('同意上线');
  await manager.getByRole('button', { name: '批准' }).click();
  await expect(manager.getByTestId('promotion-state')).toHaveText(/已批准|进行中/);
  await expectNoSeriousA11yViolations(manager);

  const shopA = await pageFor(browser);
  await signInToPortal(shopA, SHOP_A);
  await shopA.goto(`${PORTAL}/promotions`);
  await expect(shopA.getByTestId('promotion-item').filter({ hasText: title })).toHaveCount(1);
  // The go-live job puts it in shop A's inbox.
  await reloadUntil(shopA, `${PORTAL}/inbox`, async () => (await shopA.getByText(`新促销：${title}`).count()) > 0);

  const shopB = await pageFor(browser);
  await signInToPortal(shopB, SHOP_B);
  await shopB.goto(`${PORTAL}/promotions`);
  await expect(shopB.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(shopB.getByText(title)).toHaveCount(0);

  // The approval is on the audit log.
  const admin = await pageFor(browser);
  await signInToBackoffice(admin, 'admin');
  await admin.goto(`${BACKOFFICE}/admin/audit?entityType=Promotion&action=promotion.approve`);
  await expect(admin.getByTestId('audit-row').first()).toContainText('promotion.approve');
  await expectNoSeriousA11yViolations(admin);
});

test('marketing changes a limit for shop A’s next cycle; once approved and published shop A sees it and its version', async ({
  browser,
}) => {
  const shopA = await pageFor(browser);
  await signInToPortal(shopA, SHOP_A);
  await shopA.goto(`${PORTAL}/allocation?cycle=next`);
  const header = await shopA
    .getByText(/\d{4}-W\d{2}/)
    .first()
    .textContent();
  const cycleCode = /\d{4}-W\d{2}/.exec(header ?? '')![0];
  const marketing = await pageFor(browser);
  await signInToBackoffice(marketing, 'marketing');
  await marketing.goto(`${BACKOFFICE}/allocation`);
  await marketing.locator(`[data-cycle-code="${cycleCode}"]`).getByRole('button', { name: '新建版本' }).click();
  await expect(marketing.getByTestId('limit-grid')).toBeVisible();
  const policyUrl = marketing.url();
  const heading = (await marketing.getByRole('heading', { level: 1 }).textContent()) ?? '';
  expect(heading).toContain(cycleCode);
  const version = Number(/第 (\d+) 版/.exec(heading)![1]);
  const row = marketing.getByTestId('limit-row').first();
  const productCode = await row.getAttribute('data-product-code');
  const cell = row.getByRole('textbox', { name: /21–25 档 限量/ });
  await cell.fill('37');
  await marketing.getByLabel('版本说明').fill('高档位紧俏规格上调');
  await marketing.getByRole('button', { name: '保存', exact: true }).click();
  await expect(marketing.getByText(/已保存 \d+ 条限量/)).toBeVisible();
  await expectNoSeriousA11yViolations(marketing);
  await marketing.getByRole('button', { name: '提交审批' }).click();
  await expect(marketing.getByTestId('policy-state')).toHaveText('待审批');

  const manager = await pageFor(browser);
  await signInToBackoffice(manager, 'manager');
  await manager.goto(policyUrl);
  await manager.getByLabel('立即发布（紧急更正本周期）').check();
  await manager.getByRole('button', { name: '批准' }).click();
  await expect(manager.getByTestId('policy-state')).toHaveText(/已批准待发布|生效中/);

  // The publish job makes it the version in force; shop A's screen shows the new limit and version.
  const policy = shopA.getByTestId('allocation-policy');
  await reloadUntil(
    shopA,
    `${PORTAL}/allocation?cycle=next&q=${productCode}`,
    async () => (await policy.count()) > 0 && ((await policy.textContent()) ?? '').includes(`第 ${version} 版`),
  );
  const item = shopA.getByTestId('allocation-item').first();
  await expect(item).toContainText('37');
  await expect(policy).toContainText(`第 ${version} 版`);
  await expectNoSeriousA11yViolations(shopA);

  await manager.reload();
  await expect(manager.getByTestId('policy-state')).toHaveText('生效中');
});
