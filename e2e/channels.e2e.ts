import { expect, test } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

// The profile page's message channels: per kind of notice, SMS or WeChat besides the inbox, and the
// birthday/anniversary greetings choice. Shop A's choices are put back at the end.

test.describe('message channels on the profile page', () => {
  test('shop A chooses SMS for greetings on a phone-sized screen, and the choice is kept', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await signInToPortal(page, SHOP_A);
    await page.goto(`${PORTAL}/profile`);
    const form = page.getByTestId('channels-form');
    await expect(page.getByRole('heading', { name: '消息接收方式' })).toBeVisible();
    // The form opens when asked for (its code loads then); a second press closes it and keeps its state.
    const opener = page.getByRole('button', { name: '设置接收方式' });
    await expect(form).toHaveCount(0);
    await opener.click();
    await expect(form).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    // Nothing on the page is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const sms = form.getByLabel('关怀：短信');
    const greetings = form.getByLabel('接收生日和开业纪念日祝福');
    await expect(greetings).toBeChecked();
    await sms.check();
    await opener.click();
    await expect(form).toBeHidden();
    await opener.click();
    await expect(sms).toBeChecked();
    await greetings.uncheck();
    await form.getByRole('button', { name: '保存接收方式' }).click();
    await expect(form.getByText('已保存。')).toBeVisible();

    await page.reload();
    await opener.click();
    await expect(page.getByTestId('channels-form').getByLabel('关怀：短信')).toBeChecked();
    await expect(page.getByTestId('channels-form').getByLabel('接收生日和开业纪念日祝福')).not.toBeChecked();

    await page.getByTestId('channels-form').getByLabel('关怀：短信').uncheck();
    await page.getByTestId('channels-form').getByLabel('接收生日和开业纪念日祝福').check();
    await page.getByTestId('channels-form').getByRole('button', { name: '保存接收方式' }).click();
    await expect(page.getByTestId('channels-form').getByText('已保存。')).toBeVisible();
  });

  test('the administrator reads the delivery log, filtered by channel', async ({ page }) => {
    await signInToBackoffice(page, 'admin');
    await page.goto(`${BACKOFFICE}/admin`);
    await page.getByRole('link', { name: '短信和微信发送记录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '短信和微信发送记录' })).toBeVisible();
    await page.getByLabel('渠道').selectOption('SMS');
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page).toHaveURL(/channel=SMS/);
    await expectNoSeriousA11yViolations(page);
  });
});
