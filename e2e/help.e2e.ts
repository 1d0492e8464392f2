import { expect, test, type Browser } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, signInToBackoffice, signInToPortal } from './support';

// The knowledge base: shop A searches the help centre, starts a question about 发票, is shown the seeded
// invoice article under the text box, says it solved the problem, and no case is filed; the knowledge
// base's owners see the deflection counted; an agent inserts a knowledge answer into a case reply.

const stamp = Date.now().toString(36);
const SUBJECT = `发票怎么开 ${stamp}`;
const INVOICE_ARTICLE = '如何申请开具增值税发票';

async function phone(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await signInToPortal(page, SHOP_A);
  return { context, page };
}

async function desk(browser: Browser, username: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await signInToBackoffice(page, username);
  return { context, page };
}

test.describe.serial('knowledge base', () => {
  test('shop A finds the invoice article in the help centre, the words marked', async ({ browser }) => {
    const { context, page } = await phone(browser);
    await page.goto(`${PORTAL}/help`);
    await expect(page.getByRole('heading', { level: 1, name: '帮助中心' })).toBeVisible();
    await expect(page.getByRole('link', { name: INVOICE_ARTICLE })).toBeVisible();
    // Staff-only articles and drafts never reach the portal.
    await expect(page.getByText('内部：发票开错后的红冲流程')).toHaveCount(0);
    await expect(page.getByText('明码标价的要求（草稿）')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('searchbox', { name: '搜索帮助' }).fill('发票');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.waitForURL(/\/help\?q=/);
    const results = page.getByTestId('help-results');
    await expect(results.getByRole('listitem').first()).toContainText(INVOICE_ARTICLE);
    await expect(results.locator('mark').first()).toHaveText('发票');
    await expect(results).not.toContainText('红冲');
    await expectNoSeriousA11yViolations(page);

    // The marked word is its own element inside the link, so the link is found by its text.
    await results.getByRole('link').filter({ hasText: INVOICE_ARTICLE }).click();
    await expect(page.getByRole('heading', { level: 1, name: INVOICE_ARTICLE })).toBeVisible();
    await expect(page.getByText('发票抬头须与烟草专卖零售许可证上的名称一致')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: '没有帮助' }).click();
    await expect(page.getByRole('status').filter({ hasText: '谢谢您的反馈' })).toBeVisible();
    await context.close();
  });

  test('shop A starts a question about 发票, marks the suggested article as solving it, and no case is filed', async ({ browser }) => {
    const { context, page } = await phone(browser);
    await page.goto(`${PORTAL}/complaints/new`);
    await expect(page.getByRole('heading', { level: 1, name: '提交诉求' })).toBeVisible();
    await page.getByRole('radio', { name: /^咨询/ }).check();
    await page.getByLabel('标题').fill(SUBJECT);
    await page.getByLabel('具体情况').fill('我想问一下上个月的发票怎么开具？');

    const suggestions = page.getByTestId('kb-suggestions');
    await expect(suggestions.getByRole('heading', { name: '这些可能有帮助' })).toBeVisible();
    const first = suggestions.getByTestId('kb-suggestion').first();
    await expect(first).toContainText(INVOICE_ARTICLE);
    await expectNoSeriousA11yViolations(page);

    await first.getByRole('button', { name: '这个解决了我的问题' }).click();
    await page.waitForURL(/\/help\/\d+\?solved=1$/);
    await expect(page.getByTestId('deflected')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: INVOICE_ARTICLE })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.goto(`${PORTAL}/complaints`);
    await expect(page.getByRole('heading', { level: 1, name: '我的诉求' })).toBeVisible();
    await expect(page.getByText(SUBJECT)).toHaveCount(0);
    await context.close();
  });

  test('the owners see the deflection counted against the article', async ({ browser }) => {
    const { context, page } = await desk(browser, 'agent');
    await page.goto(`${BACKOFFICE}/knowledge`);
    await expect(page.getByRole('heading', { level: 1, name: '知识库' })).toBeVisible();
    await expect(page.getByTestId('kb-row').filter({ hasText: INVOICE_ARTICLE })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await page.getByRole('link', { name: '使用情况' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '知识库使用情况' })).toBeVisible();
    const row = page.getByTestId('kb-feedback-row').filter({ hasText: INVOICE_ARTICLE });
    const deflected = Number(await row.getByTestId('kb-deflected').innerText());
    expect(deflected).toBeGreaterThanOrEqual(1);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test('an agent inserts a knowledge answer into a case reply and edits it before sending', async ({ browser }) => {
    const { context, page } = await desk(browser, 'agent');
    await page.goto(`${BACKOFFICE}/complaints?owner=me&state=ACCEPTED`);
    await page.getByTestId('queue-row').first().getByRole('link').first().click();
    await page.getByRole('button', { name: '回复客户' }).click();
    await page.getByRole('button', { name: '插入知识库答案' }).click();
    const picker = page.getByTestId('kb-picker');
    await picker.getByRole('searchbox', { name: '搜索知识库' }).fill('发票');
    await picker.getByRole('searchbox', { name: '搜索知识库' }).press('Enter');
    // Staff see staff-only articles too.
    await expect(picker).toContainText('红冲');
    await picker.getByRole('listitem').filter({ hasText: INVOICE_ARTICLE }).getByRole('button', { name: '插入' }).click();

    const reply = page.getByLabel('回复内容（客户可见）');
    await expect(reply).toHaveValue(/每月货款结算完成后/);
    await reply.press('End');
    await reply.pressSequentially(' 如有疑问请再联系我们。');
    await expect(reply).toHaveValue(/如有疑问请再联系我们。$/);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test('a manager writes and publishes an article, shop A finds it, and retiring it takes it away', async ({ browser }) => {
    const title = `烟草专卖许可证延续办理 ${stamp}`;
    const { context, page } = await desk(browser, 'manager');
    await page.goto(`${BACKOFFICE}/knowledge/new`);
    await expect(page.getByRole('heading', { level: 1, name: '新建文章' })).toBeVisible();
    await page.getByLabel('分类').selectOption({ label: '政策法规' });
    await page.getByLabel('标签').fill('许可证, 延续');
    await page.getByLabel('中文标题').fill(title);
    await page.getByRole('textbox', { name: '中文正文' }).click();
    await page.keyboard.type('许可证有效期届满前 30 日内，请到专卖管理科办理延续手续。');
    await page.getByLabel('英文标题').fill(`Renewing your tobacco retail licence ${stamp}`);
    await page.getByRole('textbox', { name: '英文正文' }).click();
    await page.keyboard.type('Renew your licence at the monopoly office within 30 days before it expires.');
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/knowledge\/\d+$/);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.getByRole('button', { name: '发布', exact: true }).click();
    await expect(page.getByRole('button', { name: '停用' })).toBeVisible();

    const shop = await phone(browser);
    await shop.page.goto(`${PORTAL}/help?q=${encodeURIComponent(`延续${stamp}`)}`);
    await expect(shop.page.getByTestId('help-results')).toContainText(title);

    await page.getByRole('button', { name: '停用' }).click();
    await page.getByRole('group', { name: '停用?' }).getByRole('button', { name: '停用' }).click();
    await expect(page.getByRole('button', { name: '发布', exact: true })).toBeVisible();
    await shop.page.reload();
    await expect(shop.page.getByText(`没有找到与“延续${stamp}”相关的文章。`)).toBeVisible();
    await shop.context.close();
    await context.close();
  });
});
