import { expect, test, type Browser, type Page } from '@playwright/test';
import { BACKOFFICE, PORTAL, SHOP_A, SHOP_B, signInToBackoffice, signInToPortal } from './support';

// Everyday use without surprises: large text and zoom, tap targets, a complaint sent again after the
// network failed, a survey draft that could not be saved, the timeline and inbox in English, and a
// confirmation that stays after the page refreshes.

const stamp = Date.now().toString(36);
const SUBJECT = `冷柜门关不严 ${stamp}`;
const DESCRIPTION = `上周送来的冷柜门关不严，请安排维修。${stamp}`;

async function phone(browser: Browser, licenceNo: string, viewport = { width: 360, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signInToPortal(page, licenceNo);
  return { context, page };
}

/** Every signed-in portal page: the areas, and one detail page of each kind that has one. */
async function portalPages(page: Page): Promise<string[]> {
  const pages = [
    '/',
    '/grade',
    '/report',
    '/allocation',
    '/allocation?cycle=next',
    '/schedule',
    '/promotions',
    '/rewards',
    '/complaints',
    '/complaints/new',
    '/help',
    '/help?q=发票',
    '/surveys',
    '/inbox',
    '/alerts',
    '/profile',
  ];
  for (const [list, detail] of [
    ['/allocation', /^\/allocation\/history\/\d+$/],
    ['/promotions', /^\/promotions\/\d+$/],
    ['/complaints', /^\/complaints\/\d+$/],
    ['/help', /^\/help\/\d+$/],
    ['/surveys', /^\/surveys\/\d+$/],
  ] as const) {
    await page.goto(`${PORTAL}${list}`);
    const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const found = hrefs.find((href) => detail.test(href));
    if (found) pages.push(found);
  }
  return pages;
}

/** How far the page scrolls sideways, and the first elements that stick out (so a failure says what to fix). */
async function sideways(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Inside a horizontally scrolling box (a data table) is allowed: the page itself does not move.
      let inScroller = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible' && p.scrollWidth > p.clientWidth) inScroller = true;
      }
      if (!inScroller && culprits.length < 5)
        culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} «${(el.textContent ?? '').trim().slice(0, 30)}»`);
    }
    return { overflow: root.scrollWidth - width, culprits };
  });
}

test.describe('large text and small screens', () => {
  // In Chinese and in English, the longer language: the same pages, the same sign-in.
  for (const lang of [
    { name: 'Chinese', english: false, signOut: '退出登录', quickNav: '快捷导航' },
    { name: 'English', english: true, signOut: 'Sign out', quickNav: 'Quick navigation' },
  ]) {
    test(`every signed-in portal page works at 200 % text on a 360 px phone in ${lang.name}, with no sideways scrolling`, async ({
      browser,
    }) => {
      test.setTimeout(180_000);
      const { context, page } = await phone(browser, SHOP_A);
      if (lang.english) {
        await page.getByRole('button', { name: 'English' }).click();
        await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
      }
      // The portal's base is 112.5 %; a browser set to 200 % text doubles it.
      await context.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => document.documentElement.style.setProperty('font-size', '225%', 'important'));
      });
      const failures: string[] = [];
      for (const path of await portalPages(page)) {
        await page.goto(`${PORTAL}${path}`);
        await expect(page.locator('main h1').first()).toBeVisible();
        const { overflow, culprits } = await sideways(page);
        if (overflow > 0) failures.push(`${path}: ${overflow}px (${culprits.join('; ')})`);
      }
      // Sign-out stays on the screen, and the bottom bar's labels keep whole words.
      await page.goto(`${PORTAL}/`);
      const signOut = page.getByRole('button', { name: lang.signOut });
      const box = await signOut.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      const quick = page.getByRole('navigation', { name: lang.quickNav });
      for (const label of await quick.locator('a span.whitespace-nowrap').all()) {
        const lines = await label.evaluate((el) =>
          Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
        );
        expect(lines).toBe(1);
      }
      expect(failures).toEqual([]);
      await context.close();
    });
  }

  test('every signed-in portal page reflows at 400 % zoom (320 px) in English, the longer language', async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await phone(browser, SHOP_A, { width: 320, height: 256 });
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const failures: string[] = [];
    for (const path of await portalPages(page)) {
      await page.goto(`${PORTAL}${path}`);
      const { overflow, culprits } = await sideways(page);
      if (overflow > 0) failures.push(`${path}: ${overflow}px (${culprits.join('; ')})`);
    }
    // "Ordering" fits in the bottom bar.
    const ordering = page.getByRole('link', { name: 'Ordering' }).last();
    if (await ordering.isVisible()) {
      const fits = await ordering.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits).toBe(true);
    }
    expect(failures).toEqual([]);
    await context.close();
  });

  test('links and buttons are at least 44 px high on every signed-in portal page', async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await phone(browser, SHOP_A);
    const small: string[] = [];
    for (const path of await portalPages(page)) {
      await page.goto(`${PORTAL}${path}`);
      const found = await page.locator('header a, header button, main a, main button, nav a').evaluateAll((els) =>
        els
          // A link inside a sentence is exempt (WCAG 2.5.8); so is anything not on screen.
          .filter((el) => el.getBoundingClientRect().width > 0 && !el.closest('p, li > span, .rich-text'))
          .filter((el) => el.getBoundingClientRect().height < 43.5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 20)}» ${Math.round(el.getBoundingClientRect().height)}px`,
          ),
      );
      small.push(...found.map((f) => `${path}: ${f}`));
    }
    expect(small).toEqual([]);
    await context.close();
  });

  test('no portal page fetches the pages it links to before one is tapped (shops pay for their data)', async ({ browser }) => {
    test.setTimeout(180_000);
    const { context, page } = await phone(browser, SHOP_A);
    const paths = await portalPages(page);
    // Next asks for a linked page's payload ahead of time with the `next-router-prefetch` header, when the
    // link scrolls into view; a tap asks for it with `rsc` alone.
    const prefetched: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['next-router-prefetch']) prefetched.push(`${new URL(page.url()).pathname} → ${request.url()}`);
    });
    for (const path of paths) {
      await page.goto(`${PORTAL}${path}`);
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
    }
    expect(prefetched).toEqual([]);
    // A tap still opens the page, without reloading the document.
    await page.goto(`${PORTAL}/`);
    await page.getByRole('navigation', { name: '快捷导航' }).getByRole('link', { name: '货源' }).click();
    await expect(page).toHaveURL(`${PORTAL}/allocation`);
    await expect(page.locator('main h1').first()).toBeVisible();
    await context.close();
  });

  test('a page with a form carries no zod until the form is used, and its checks then answer as before', async ({ browser }) => {
    // zod's core marks the page's global object when it loads; the lazily loaded checks also set jitless
    // (no eval under the Content-Security-Policy) before anything parses.
    const zod = (page: Page) =>
      page.evaluate(() => (globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig ?? null);
    const signedOut = await browser.newPage();
    await signedOut.goto(`${PORTAL}/login`);
    await signedOut.waitForLoadState('networkidle');
    expect(await zod(signedOut)).toBeNull();
    await signedOut.close();

    const { context, page } = await phone(browser, SHOP_A);
    for (const path of ['/grade', '/profile', '/complaints/new']) {
      await page.goto(`${PORTAL}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await zod(page), path).toBeNull();
    }
    // On /complaints/new: focusing a field loads the checks; an empty title gets its translated message.
    await page.getByLabel('标题').focus();
    await expect.poll(async () => (await zod(page))?.jitless).toBe(true);
    await page.getByRole('button', { name: '提交诉求' }).click();
    await expect(page.getByText('请填写标题（至少 2 个字）')).toBeVisible();
    await expect(page).toHaveURL(`${PORTAL}/complaints/new`);
    await context.close();
  });
});

test.describe.serial('errors a person can recover from, both languages', () => {
  let caseUrl = '';

  test('a complaint that failed to send keeps its text and is sent on the retry', async ({ browser }) => {
    const { context, page } = await phone(browser, SHOP_A);
    await page.goto(`${PORTAL}/complaints/new`);
    await page.getByLabel('诉求分类').selectOption({ label: '送货服务' });
    await page.getByLabel('标题').fill(SUBJECT);
    const description = page.getByLabel('具体情况');
    await description.fill(DESCRIPTION);
    await expect(page.getByTestId('char-count')).toContainText(`已输入 ${DESCRIPTION.length} / 2000`);

    // The network drops the first attempt.
    await page.route('**/complaints/new/submit', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: '提交诉求' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '网络连接异常' })).toBeVisible();
    await expect(page.getByRole('button', { name: '提交诉求' })).toBeEnabled();
    await expect(page.getByLabel('标题')).toHaveValue(SUBJECT);
    await expect(description).toHaveValue(DESCRIPTION);

    await page.unroute('**/complaints/new/submit');
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.waitForURL(/\/complaints\/\d+\?filed=1$/);
    caseUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
    await context.close();
  });

  test('pasting more than the limit says what was cut', async ({ browser }) => {
    const { context, page } = await phone(browser, SHOP_A);
    await page.goto(`${PORTAL}/complaints/new`);
    const description = page.getByLabel('具体情况');
    await description.focus();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '长'.repeat(2300));
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(page.getByTestId('paste-cut')).toContainText('最后 300 字没有粘贴进来');
    await context.close();
  });

  test('the agent accepts it; shop A reads the timeline and the inbox in English', async ({ browser }) => {
    const staffContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const staff = await staffContext.newPage();
    await signInToBackoffice(staff, 'agent');
    await staff.goto(`${BACKOFFICE}${caseUrl}`);
    await staff.getByRole('button', { name: '受理', exact: true }).click();
    await expect(staff.getByTestId('case-state')).toHaveText('已受理');
    await staffContext.close();

    const { context, page } = await phone(browser, SHOP_A);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.goto(`${PORTAL}${caseUrl}`);
    const timeline = page.locator('main');
    await expect(timeline).toContainText('Your case has been accepted; we will handle it as soon as we can.');
    await expect(timeline).not.toContainText('您的诉求已受理');
    await page.goto(`${PORTAL}/inbox`);
    const notice = page.getByTestId('notification').filter({ hasText: SUBJECT }).first();
    await expect(notice).toContainText(/Your case \S+ has been accepted/);
    await expect(notice).not.toContainText('已受理');
    await context.close();
  });

  test('a survey draft that cannot be saved keeps the answers, says so, and saves on the retry', async ({ browser }) => {
    const { context, page } = await phone(browser, SHOP_B);
    await page.goto(`${PORTAL}/surveys`);
    // A seeded survey, never the one surveys.e2e.ts creates (its agent submits shop B's answer meanwhile).
    await page.getByRole('link', { name: /填写/ }).filter({ hasNotText: '端到端' }).first().click();
    await page.waitForURL(/\/surveys\/\d+$/);
    await expect(page.locator('main h1')).toBeVisible();
    const title = await page.locator('main h1').textContent();

    // Server actions post to the page's own address: the network drops them.
    const drop = (url: URL) => url.pathname.startsWith('/surveys/');
    await page.route(drop, (route) =>
      route.request().method() === 'POST' && route.request().headers()['next-action']
        ? route.abort('internetdisconnected')
        : route.fallback(),
    );
    const radio = page.getByRole('radio').first();
    // The rating's input is visually hidden: a person taps its label, as surveys.e2e.ts does.
    await page.locator('label:has(input[type="radio"])').first().click();
    await expect(page.getByTestId('autosave-status')).toContainText('草稿保存失败');
    await expect(page.getByTestId('autosave-status')).not.toContainText('错误编号');
    await expect(page.locator('main h1')).toHaveText(title ?? '');
    await expect(radio).toBeChecked();

    await page.unroute(drop);
    await page.getByRole('button', { name: '重新保存草稿' }).click();
    await expect(page.getByTestId('autosave-status')).toContainText('草稿已自动保存');
    await expect(radio).toBeChecked();
    await context.close();
  });
});

test('the approver sees when the version publishes, after the page has refreshed', async ({ browser }) => {
  test.setTimeout(120_000);
  const marketingContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const marketing = await marketingContext.newPage();
  await signInToBackoffice(marketing, 'marketing');
  await marketing.goto(`${BACKOFFICE}/allocation`);
  // Three weeks ahead (the list is newest first, four weeks ahead at the top): a cycle no other spec drafts in
  // (the marketing spec takes shop A's next cycle, the data-in spec the furthest), whatever the day.
  await marketing.getByTestId('cycle-row').nth(1).getByRole('button', { name: '新建版本' }).click();
  await expect(marketing.getByTestId('limit-grid')).toBeVisible();
  const policyUrl = marketing.url();
  await marketing.getByTestId('limit-row').first().getByRole('textbox').first().fill('11');
  await marketing.getByLabel('版本说明').fill(`大字号测试 ${stamp}`);
  await marketing.getByRole('button', { name: '保存', exact: true }).click();
  await expect(marketing.getByTestId('toast').filter({ hasText: /已保存 \d+ 条限量/ })).toBeVisible();
  await marketing.getByRole('button', { name: '提交审批' }).click();
  await expect(marketing.getByTestId('policy-state')).toHaveText('待审批');
  // The panel that asked is gone after the refresh; the confirmation is not.
  await expect(marketing.getByTestId('toast').filter({ hasText: '已提交审批' })).toBeVisible();
  await marketingContext.close();

  const managerContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const manager = await managerContext.newPage();
  await signInToBackoffice(manager, 'manager');
  await manager.goto(`${BACKOFFICE}${new URL(policyUrl).pathname}`);
  await manager.getByRole('button', { name: '批准' }).click();
  await expect(manager.getByTestId('policy-state')).toHaveText(/已批准待发布|生效中/);
  const toast = manager.getByTestId('toast').filter({ hasText: /已批准，将于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 发布/ });
  await expect(toast).toBeVisible();
  // It stays until it is closed.
  await manager.waitForTimeout(3_000);
  await expect(toast).toBeVisible();
  await toast.getByRole('button', { name: '关闭提示' }).click();
  await expect(toast).toHaveCount(0);
  await managerContext.close();
});
