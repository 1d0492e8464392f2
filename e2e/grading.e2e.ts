import { expect, test } from '@playwright/test';
import { BACKOFFICE, pagePerPerson, PORTAL, runWorkerBesideApps, SHOP_A, SHOP_B, signInToBackoffice, signInToPortal } from './support';

// Grading as a process: `marketing` starts a run (a correction: the demo has published its periods), the
// queued job computes it, `manager` approves and publishes it, and shop A is told; then `manager` decides
// shop B's open appeal (seeded) and shop B sees the answer. The run is a job, so the worker runs beside the
// apps. The serial order matters: publishing a period rewrites its grades, so the appeal is decided after.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

runWorkerBesideApps();
const pageFor = pagePerPerson();

test('marketing starts a run, another manager publishes it, and shop A is told', async ({ browser }) => {
  const marketing = await pageFor(browser);
  await signInToBackoffice(marketing, 'marketing');
  await marketing.goto(`${BACKOFFICE}/grading`);
  // The latest ended period whose cycles have all closed (in the first days of a quarter, the one before).
  const row = marketing
    .getByRole('row')
    .filter({ has: marketing.getByRole('button', { name: '发起更正评定' }) })
    .first();
  const code = (await row.getByRole('rowheader').innerText()).trim();
  await row.getByLabel('更正原因').fill('补录节日备货订单后重新评定');
  await row.getByRole('button', { name: '发起更正评定' }).click();
  await marketing.waitForURL(/\/grading\/runs\/\d+$/);
  const runUrl = marketing.url();
  // The worker computes it; the page refreshes itself when the run is a draft.
  await expect(marketing.getByText('待审核').first()).toBeVisible({ timeout: 120_000 });
  await expect(marketing.getByRole('button', { name: '审核并发布' })).toHaveCount(0);

  const shop = await pageFor(browser);
  await signInToPortal(shop, SHOP_A);
  await shop.goto(`${PORTAL}/inbox`);
  const notices = shop.getByText(`${code} 档位评定结果已发布`);
  const before = await notices.count();

  const manager = await pageFor(browser);
  await signInToBackoffice(manager, 'manager');
  await manager.goto(runUrl);
  await manager.getByRole('button', { name: '审核并发布' }).click();
  await manager.getByRole('button', { name: '审核并发布' }).click();
  await expect(manager.getByText('已发布，客户已收到通知。')).toBeVisible();
  await expect(manager.getByText('已发布').first()).toBeVisible();

  await shop.goto(`${PORTAL}/inbox`);
  await expect(notices).toHaveCount(before + 1);
  await shop.goto(`${PORTAL}/grade`);
  await expect(shop.getByTestId('grade-current')).toContainText('24');
});

test('the manager changes shop B’s grade on appeal, and shop B sees the answer', async ({ browser }) => {
  const manager = await pageFor(browser);
  await signInToBackoffice(manager, 'manager');
  await manager.goto(`${BACKOFFICE}/grading/appeals`);
  await manager.getByRole('row').filter({ hasText: SHOP_B }).getByRole('link').click();
  await manager.getByLabel('调整档位').check();
  await manager.getByLabel('调整为').selectOption('9');
  await manager.getByLabel('理由（客户可见）').fill('核实后补记两次节日备货订单，调整为 9 档。');
  await manager.getByRole('button', { name: '提交处理意见' }).click();
  await expect(manager.getByText(/核实后补记两次节日备货订单/)).toBeVisible();
  await expect(manager.getByText('已同意 · 9')).toBeVisible();

  const shop = await pageFor(browser);
  await signInToPortal(shop, SHOP_B);
  await shop.goto(`${PORTAL}/grade`);
  await expect(shop.getByTestId('grade-current')).toContainText('9');
  await expect(shop.getByText(/核实后补记两次节日备货订单/)).toBeVisible();
  await shop.goto(`${PORTAL}/inbox`);
  await expect(shop.getByText('档位复核结果：调整为 9 档')).toBeVisible();
});
