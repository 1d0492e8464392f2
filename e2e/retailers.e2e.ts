import { expect, test } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, SHOP_A, SHOP_B, signInToBackoffice } from './support';

test.describe('back-office retailer list', () => {
  test('agent finds shop B by licence number', async ({ page }) => {
    await signInToBackoffice(page, 'agent');
    await page.goto(`${BACKOFFICE}/retailers`);
    await page.getByRole('searchbox').fill(SHOP_B);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByTestId('retailer-row')).toHaveCount(1);
    await expect(page.getByTestId('retailer-row')).toContainText(SHOP_B);
    await expect(page).toHaveURL(new RegExp(`q=${SHOP_B}`));
    await expectNoSeriousA11yViolations(page);
  });

  test('account manager am02 sees shop B but not shop A', async ({ page }) => {
    await signInToBackoffice(page, 'am02');
    await page.goto(`${BACKOFFICE}/retailers?q=${SHOP_A}`);
    await expect(page.getByTestId('retailer-row')).toHaveCount(0);
    await page.goto(`${BACKOFFICE}/retailers?q=${SHOP_B}`);
    await expect(page.getByTestId('retailer-row')).toHaveCount(1);
  });
});
