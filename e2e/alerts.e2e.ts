import { expect, test, type Browser } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

// The demo seed gives shop A an unusual order in the last closed cycle and runs the anomaly rules over
// it, as the cycle-close job does: so am01 (shop A's account manager) finds an order spike to work on.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const stamp = Date.now().toString(36);
const ANSWER = `节前备货，店里新开了烟酒柜台 ${stamp}`;
const NOTE = `已电话核实，属正常备货 ${stamp}`;
const PURPOSE = `月度走访 ${stamp}`;

async function backoffice(browser: Browser, width = 1366) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signInToBackoffice(page, 'am01');
  return { context, page };
}

test.describe.serial('anomaly alerts, the retailer 360 and visits', () => {
  let retailerId = 0;

  test("am01 sees shop A's order spike with the figures that fired it", async ({ browser }) => {
    const { context, page } = await backoffice(browser);
    await page.goto(`${BACKOFFICE}/alerts?rule=ORDER_SPIKE&state=OPEN`);
    await expect(page.getByRole('heading', { level: 1, name: '异动预警' })).toBeVisible();
    const alert = page.getByTestId('alert').filter({ hasText: SHOP_A });
    await expect(alert).toHaveCount(1);
    await expect(alert).toContainText('单次订货异动');
    await expect(alert).toContainText(/平均 .* 条，为 .* 倍（阈值 2 倍）/);
    await expect(alert).toContainText('已于');
    await expectNoSeriousA11yViolations(page);
    await alert.getByRole('link').first().click();
    await page.waitForURL(/\/retailers\/\d+$/);
    retailerId = Number(new URL(page.url()).pathname.split('/').pop());
    await context.close();
  });

  test('shop A is asked without blame and explains in a sentence', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signInToPortal(page, SHOP_A);
    await page.goto(`${PORTAL}/alerts`);
    await expect(page.getByRole('heading', { level: 1, name: '订货情况询问' })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/异动|违规|异常/);
    await page
      .getByRole('link', { name: /想了解一下您近期的订货情况/ })
      .first()
      .click();
    await page.getByRole('button', { name: '发送说明' }).click();
    await expect(page.getByText('请用一句话说明情况')).toBeVisible();
    await page.getByLabel('您的说明（一句话即可）').fill(ANSWER);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: '发送说明' }).click();
    await expect(page.getByTestId('my-answer')).toHaveText(ANSWER);
    await context.close();
  });

  test('am01 reads the answer and marks the alert explained', async ({ browser }) => {
    const { context, page } = await backoffice(browser);
    await page.goto(`${BACKOFFICE}/alerts?retailerId=${retailerId}&rule=ORDER_SPIKE`);
    const alert = page.getByTestId('alert').filter({ hasText: SHOP_A });
    await expect(alert.getByTestId('alert-answer')).toHaveText(ANSWER);
    await alert.getByRole('button', { name: '已说明' }).click();
    await expect(alert.getByText('请填写处理说明')).toBeVisible();
    await alert.getByLabel('处理说明').fill(NOTE);
    await alert.getByRole('button', { name: '已说明' }).click();
    await expect(alert).toContainText(`标为「已说明」 · ${NOTE}`);
    await context.close();
  });

  test('am01 logs a visit with a photo on a phone; it is on shop A’s 360 timeline', async ({ browser }) => {
    const { context, page } = await backoffice(browser, 360);
    await page.goto(`${BACKOFFICE}/visits`);
    await expect(page.getByRole('heading', { level: 1, name: '拜访工作台' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto(`${BACKOFFICE}/visits/new?retailerId=${retailerId}`);
    await page.getByLabel('拜访目的').fill(PURPOSE);
    await page.getByLabel('拜访情况').fill('陈列规范，价签齐全。');
    await page.getByLabel('市场信息：竞品价格').fill('某品牌 230 元/条');
    await page.getByTestId('visit-photos').setInputFiles({ name: 'shelf.png', mimeType: 'image/png', buffer: PHOTO });
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: '保存拜访记录' }).click();
    await expect(page.getByText('拜访记录已保存')).toBeVisible();

    await page.goto(`${BACKOFFICE}/retailers/${retailerId}`);
    await page.getByRole('button', { name: '拜访', exact: true }).click();
    const visit = page.getByTestId('timeline').locator('li').filter({ hasText: PURPOSE });
    await expect(visit).toHaveCount(1);
    await expect(visit.getByRole('img', { name: 'shelf.png' })).toBeVisible();
    const photo = await page.request.get(`${BACKOFFICE}${await visit.getByRole('link').first().getAttribute('href')}`);
    expect(photo.headers()['content-type']).toBe('image/png');
    await page.getByRole('button', { name: '异动预警', exact: true }).click();
    await expect(page.getByTestId('timeline')).toContainText(ANSWER);
    await context.close();
  });

  test("another account manager cannot open shop A's 360 page", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInToBackoffice(page, 'am02');
    // The staff pages stream (a loading state comes first), so "not found" is the page, not the status.
    await page.goto(`${BACKOFFICE}/retailers/${retailerId}`);
    await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText(SHOP_A);
    await context.close();
  });
});
