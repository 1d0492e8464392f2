import { expect, test, type Browser } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, SHOP_B, signInToBackoffice, signInToPortal } from './support';

// A 1×1 PNG: the photo shop A attaches (the server checks its bytes, not its name).
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const stamp = Date.now().toString(36);
const SUBJECT = `送货少了一条 ${stamp}`;
const REPLY = `已通知物流补送，明天上午送到。${stamp}`;
const NOTE = `内部备注：司机已确认漏装 ${stamp}`;
const OUTCOME = `已补送一条玉溪(软)，并向您致歉。${stamp}`;
const PHONE_SUBJECT = `电话咨询发票 ${stamp}`;

async function portalPage(browser: Browser, licenceNo: string) {
  // The shop owner's phone: 360 px wide.
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signInToPortal(page, licenceNo);
  return { context, page };
}

async function backofficePage(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signInToBackoffice(page, username);
  return { context, page };
}

test.describe.serial('complaints', () => {
  let caseId = 0;
  let caseNo = '';
  let attachmentHref = '';

  test('shop A files a complaint with a photo', async ({ browser }) => {
    const { context, page } = await portalPage(browser, SHOP_A);
    await page.goto(`${PORTAL}/complaints`);
    await expect(page.getByRole('heading', { level: 1, name: '我的诉求' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: '提交新诉求' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: '提交诉求' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /^投诉/ })).toBeChecked();
    await page.getByLabel('诉求分类').selectOption({ label: '送货服务' });
    await page.getByLabel('标题').fill(SUBJECT);
    await page.getByLabel('具体情况').fill('今天签收时发现玉溪(软)少了一条，送货单上是 10 条。');
    await page.getByLabel('附件（选填）').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO });
    await expect(page.getByRole('list', { name: '已选择的附件' })).toContainText('photo.png');
    await expectNoSeriousA11yViolations(page);
    // A double tap files one case.
    await page.getByRole('button', { name: '提交诉求' }).dblclick();

    await page.waitForURL(/\/complaints\/\d+\?filed=1$/);
    caseId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByTestId('filed-banner')).toBeVisible();
    caseNo = (await page.getByTestId('filed-banner').innerText()).match(/TS\d+/)![0];
    await expect(page.getByTestId('case-state')).toHaveText('待受理');
    const link = page.getByRole('link', { name: /photo\.png/ });
    await expect(link).toBeVisible();
    attachmentHref = (await link.getAttribute('href'))!;
    const file = await page.request.get(`${PORTAL}${attachmentHref}`);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toBe('image/png');
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${PORTAL}/complaints`);
    await expect(page.getByTestId('case-item').filter({ hasText: SUBJECT })).toHaveCount(1);
    await context.close();
  });

  test('shop B can open neither the case nor its photo', async ({ browser }) => {
    const { context, page } = await portalPage(browser, SHOP_B);
    const response = await page.goto(`${PORTAL}/complaints/${caseId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
    await expect(page.locator('body')).not.toContainText(SUBJECT);
    expect((await page.request.get(`${PORTAL}${attachmentHref}`)).status()).toBe(404);
    await context.close();
  });

  test('agent accepts, replies, notes internally and resolves', async ({ browser }) => {
    const { context, page } = await backofficePage(browser, 'agent');
    await page.goto(`${BACKOFFICE}/complaints`);
    await expect(page.getByRole('heading', { level: 1, name: '诉求工单' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('搜索').fill(caseNo);
    await page.getByRole('button', { name: '搜索' }).click();
    await expect(page.getByTestId('queue-row')).toHaveCount(1);
    await page.getByRole('link', { name: SUBJECT }).click();
    await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
    await expect(page.getByTestId('retailer-context')).toContainText(SHOP_A);
    await expect(page.getByRole('link', { name: /photo\.png/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('button', { name: '受理', exact: true }).click();
    await expect(page.getByTestId('case-state')).toHaveText('已受理');

    await page.getByRole('button', { name: '回复客户' }).click();
    await page.getByLabel('回复内容（客户可见）').fill(REPLY);
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByTestId('timeline')).toContainText(REPLY);
    await expect(page.getByTestId('case-state')).toHaveText('处理中');

    await page.getByRole('button', { name: '内部备注' }).click();
    await page.getByLabel('备注内容').fill(NOTE);
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByTestId('timeline')).toContainText(NOTE);

    await page.getByRole('button', { name: '办结' }).click();
    await page.getByLabel('办理结果（客户可见）').fill(OUTCOME);
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByTestId('case-state')).toHaveText('已办结');
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test('shop A sees the reply but never the internal note, confirms and rates', async ({ browser }) => {
    const { context, page } = await portalPage(browser, SHOP_A);
    await page.goto(`${PORTAL}/complaints`);
    await expect(page.getByTestId('case-item').filter({ hasText: SUBJECT }).getByTestId('waiting-for-me')).toBeVisible();
    await page.goto(`${PORTAL}/complaints/${caseId}`);
    await expect(page.getByTestId('timeline')).toContainText(REPLY);
    await expect(page.getByTestId('timeline')).toContainText(OUTCOME);
    await expect(page.locator('body')).not.toContainText(NOTE);
    await expect(page.locator('body')).not.toContainText('内部备注');
    await expectNoSeriousA11yViolations(page);

    await page.getByText('5 分', { exact: true }).click();
    await page.getByLabel('意见（选填）').fill('处理及时，很满意');
    await page.getByRole('button', { name: '确认并评价' }).click();
    await expect(page.getByTestId('case-state')).toHaveText('已关闭');
    await expect(page.getByTestId('timeline')).toContainText('评价：5 分');
    await context.close();
  });

  test('agent files a case by phone for shop B, which shop B then sees', async ({ browser }) => {
    const staff = await backofficePage(browser, 'agent');
    await staff.page.goto(`${BACKOFFICE}/complaints/new`);
    await expect(staff.page.getByRole('heading', { level: 1, name: '电话登记诉求' })).toBeVisible();
    await staff.page.getByLabel('许可证号或电话').fill(SHOP_B);
    await staff.page.getByRole('button', { name: '搜索' }).click();
    await staff.page.getByRole('radio', { name: new RegExp(SHOP_B) }).check();
    await staff.page.getByLabel('诉求类型').selectOption('QUESTION');
    await staff.page.getByLabel('诉求分类').selectOption({ label: '货款结算' });
    await staff.page.getByLabel('标题').fill(PHONE_SUBJECT);
    await staff.page.getByLabel('具体情况').fill('客户来电询问如何开具增值税发票。');
    await expectNoSeriousA11yViolations(staff.page);
    await staff.page.getByRole('button', { name: '登记诉求' }).click();
    await staff.page.waitForURL(/\/complaints\/\d+$/);
    await expect(staff.page.getByRole('heading', { level: 1, name: PHONE_SUBJECT })).toBeVisible();
    await expect(staff.page.getByText('电话（12313）').first()).toBeVisible();
    await expect(staff.page.getByTestId('retailer-context')).toContainText(SHOP_B);

    await staff.page.goto(`${BACKOFFICE}/complaints/overview`);
    await expect(staff.page.getByRole('heading', { level: 1, name: '服务概览' })).toBeVisible();
    await expect(staff.page.getByRole('table', { name: '按状态' })).toBeVisible();
    await expectNoSeriousA11yViolations(staff.page);
    await staff.context.close();

    const shop = await portalPage(browser, SHOP_B);
    await shop.page.goto(`${PORTAL}/complaints`);
    await expect(shop.page.getByTestId('case-item').filter({ hasText: PHONE_SUBJECT })).toHaveCount(1);
    await shop.context.close();
  });
});
