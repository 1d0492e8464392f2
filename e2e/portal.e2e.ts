import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, PORTAL, SHOP_A, SHOP_B, signInToPortal } from './support';

// A shop owner's week on a phone: 360 px wide, zh-CN.
test.use({ viewport: { width: 360, height: 800 } });

const APPEAL_REASON = '本季度有两笔电话订单未计入，请核实后复核档位。';
const NEW_PHONE = '13812345678';

test.describe.serial('retailer portal', () => {
  test('shop A: home → grade → appeal → allocation → schedule → promotion → redeem → change request → inbox', async ({ page }) => {
    // Nine pages, each checked with axe: a clean CI run takes 55 s of the default 60.
    test.setTimeout(120_000);
    await signInToPortal(page, SHOP_A);

    await page.goto(`${PORTAL}/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('shop-grade')).toContainText('24');
    await expect(page.getByTestId('home-window')).toBeVisible();
    await expect(page.getByTestId('home-allowance')).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${PORTAL}/grade`);
    await expect(page.getByTestId('grade-current')).toContainText('24');
    await expect(page.getByRole('table', { name: '历次评定的档位' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // The form is closed until asked for: the page arrives without its code.
    await expect(page.getByLabel('申请理由')).toHaveCount(0);
    await page.getByRole('button', { name: '申请档位复核' }).click();
    await expect(page.getByRole('button', { name: '申请档位复核' })).toHaveAttribute('aria-expanded', 'true');
    await page.getByLabel('申请理由').fill(APPEAL_REASON);
    await page.getByRole('button', { name: '提交复核申请' }).click();
    await expect(page.getByTestId('appeal-open')).toBeVisible();
    await expect(page.getByTestId('appeal-list')).toContainText(APPEAL_REASON);
    await expect(page.getByTestId('appeal-list')).toContainText('处理中');

    await page.goto(`${PORTAL}/allocation`);
    await expect(page.getByTestId('allocation-policy')).toBeVisible();
    await expect(page.getByTestId('allocation-item').first()).toBeVisible();
    await page.getByTestId('allocation-item').first().getByText('为什么是这个限量').click();
    await expect(page.getByTestId('allocation-item').first()).toContainText('投放策略第');
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${PORTAL}/schedule`);
    await expect(page.getByTestId('schedule-cycles').locator('> li')).toHaveCount(8);
    await expect(page.getByTestId('order-cycle').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${PORTAL}/promotions`);
    await page.getByRole('link', { name: /利群系列品牌陈列奖励/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '利群系列品牌陈列奖励' })).toBeVisible();
    await expect(page.getByTestId('promotion-why')).toContainText('20 – 30 档');
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${PORTAL}/promotions`);
    await expect(page.getByTestId('promotion-item').filter({ hasText: '利群系列品牌陈列奖励' })).not.toContainText('未读');

    await page.goto(`${PORTAL}/rewards`);
    const before = Number((await page.getByTestId('points-balance').innerText()).replace(/\D/g, ''));
    const item = page.getByTestId('reward-item').filter({ hasText: '收银小票打印纸' });
    await item.getByRole('button', { name: '兑换' }).click();
    // A double click on confirm still redeems once.
    await item.getByRole('button', { name: '确认兑换' }).dblclick();
    await expect(item.getByRole('status')).toContainText('兑换成功');
    await page.reload();
    await expect(page.getByTestId('points-balance')).toHaveText(String(before - 100).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${PORTAL}/profile`);
    await page.getByRole('button', { name: '修改联系信息' }).click();
    await page.getByLabel('新联系电话').fill(NEW_PHONE);
    await page.getByLabel('修改原因（选填）').fill('原号码不再使用');
    await page.getByRole('button', { name: '提交修改申请' }).click();
    await expect(page.getByTestId('change-requests')).toContainText(NEW_PHONE);
    await expect(page.getByTestId('change-requests').locator('li').first()).toContainText('待审核');
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${PORTAL}/inbox`);
    await expect(page.locator('[data-testid="unread-badge"]:visible')).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: '全部标为已读' }).click();
    await expect(page.getByTestId('unread-badge')).toHaveCount(0);
    await expect(page.locator('[data-testid="notification"][data-unread="true"]')).toHaveCount(0);
  });

  test('shop B sees neither shop A’s appeal nor its change request', async ({ page }) => {
    await signInToPortal(page, SHOP_B);
    await page.goto(`${PORTAL}/grade`);
    await expect(page.getByTestId('grade-current')).toContainText('8');
    await expect(page.getByText(APPEAL_REASON)).toHaveCount(0);
    // Shop B's own appeal (seeded) is there; shop A's is not.
    await expect(page.getByTestId('appeal-list')).toContainText('本季度两次节日备货的订单没有计入');
    await page.goto(`${PORTAL}/profile`);
    await expect(page.getByTestId('change-requests')).toBeVisible();
    await expect(page.getByText(NEW_PHONE)).toHaveCount(0);
  });
});
