import { expect, test } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

test.describe('sign-in', () => {
  test('shop A signs in to the portal and sees its grade', async ({ page }) => {
    await signInToPortal(page, SHOP_A);
    await expect(page).toHaveURL(`${PORTAL}/`);
    await expect(page.getByTestId('shop-grade')).toContainText('24');
  });

  test('a page behind sign-in sends the retailer to the login and back', async ({ page }) => {
    await page.goto(`${PORTAL}/grade`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('许可证号').fill(SHOP_A);
    await page.getByLabel('密码').fill('demo-2026');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page).toHaveURL(`${PORTAL}/grade`);
  });

  test('a wrong password shows a translated error and stays on the login page', async ({ page }) => {
    await signInToPortal(page, SHOP_A, 'wrong-password');
    await expect(page.getByTestId('login-error')).toContainText('账号或密码不正确');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the back office refuses a retailer’s credentials', async ({ page }) => {
    await signInToBackoffice(page, SHOP_A);
    await expect(page.getByTestId('login-error')).toContainText('账号或密码不正确');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the login pages pass axe', async ({ page }) => {
    await page.goto(`${PORTAL}/login`);
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${BACKOFFICE}/login`);
    await expectNoSeriousA11yViolations(page);
  });

  test('signing out ends the session', async ({ page }) => {
    await signInToPortal(page, SHOP_A);
    await expect(page.getByTestId('shop-grade')).toBeVisible();
    await page.getByRole('button', { name: '退出登录' }).first().click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`${PORTAL}/`);
    await expect(page).toHaveURL(/\/login/);
  });
});
