import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { BACKOFFICE, expectNoSeriousA11yViolations, PORTAL, SHOP_A, SHOP_B, signInToBackoffice, signInToPortal } from './support';

// A satisfaction survey from end to end: marketing builds it, a manager approves and opens it, shop A answers
// on a phone (leaving and resuming a draft), an agent enters shop B's answers taken by phone, the index
// shows both, and the Excel export downloads with their rows.

const TITLE = `端到端满意度调查 ${Date.now()}`;
let surveyId = 0;

test.describe.configure({ mode: 'serial' });

async function answer(page: Page, question: RegExp, value: string) {
  await page.getByRole('group', { name: question }).getByText(value, { exact: true }).click();
}

test('marketing builds the survey and sends it for approval', async ({ page }) => {
  await signInToBackoffice(page, 'marketing');
  await page.goto(`${BACKOFFICE}/surveys/new`);
  await page.getByLabel('问卷标题').fill(TITLE);
  await page.getByRole('radio', { name: '全部零售客户' }).check();
  await page.getByLabel('第 1 题 题目').fill('货源能满足您的经营需要');
  await page.getByRole('button', { name: '添加题目' }).click();
  await page.getByLabel('第 2 题 题型').selectOption('NPS');
  await page.getByLabel('第 2 题 题目').fill('您有多大可能向同行推荐我们的服务');
  await page.getByRole('button', { name: '添加题目' }).click();
  await page.getByLabel('第 3 题 题型').selectOption('TEXT');
  await page.getByLabel('第 3 题 题目').fill('货源哪里不能满足');
  await page.getByLabel('第 3 题 显示条件', { exact: true }).selectOption('any');
  await expect(page.getByLabel('条件 1 前面的题目')).toHaveValue('q1');

  // The preview is the retailer's own form: the conditional question is hidden until a low rating.
  await page.getByRole('tab', { name: '预览' }).click();
  const preview = page.getByTestId('survey-preview');
  await expect(preview.getByRole('group', { name: /货源能满足/ })).toBeVisible();
  await expect(preview.getByText('货源哪里不能满足')).toHaveCount(0);
  await preview
    .getByRole('group', { name: /货源能满足/ })
    .getByText('1', { exact: true })
    .click();
  await expect(preview.getByText('货源哪里不能满足')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('tab', { name: '编辑' }).click();

  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  surveyId = Number(new URL(page.url()).pathname.split('/').pop());
  expect(surveyId).toBeGreaterThan(0);
  await expect(page.getByTestId('sample-plan')).toBeVisible();
  await page.getByRole('button', { name: '提交审批' }).click();
  await expect(page.getByTestId('survey-state')).toHaveText('待审批');
  await expectNoSeriousA11yViolations(page);
});

test('the manager approves and opens it', async ({ page }) => {
  await signInToBackoffice(page, 'manager');
  await page.goto(`${BACKOFFICE}/surveys/${surveyId}`);
  await page.getByRole('button', { name: '审批通过' }).click();
  await expect(page.getByTestId('survey-state')).toHaveText('已审批');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: '开始调查并发送邀请' }).click();
  await expect(page.getByTestId('survey-state')).toHaveText('进行中');
  await expect(page.getByTestId('sample-plan')).toContainText('实际');
});

test('shop A answers on a phone, leaving and resuming a draft', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signInToPortal(page, SHOP_A);
  await page.goto(`${PORTAL}/surveys`);
  await page.getByRole('link', { name: new RegExp(`开始填写\\s*：${TITLE}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await answer(page, /货源能满足/, '4');
  await expect(page.getByTestId('autosave-status')).toContainText('草稿已自动保存');

  // Leave, come back: the draft is there (it lives on the server, so another device sees it too).
  await page.goto(`${PORTAL}/surveys`);
  await expect(page.getByRole('link', { name: new RegExp(`继续填写\\s*：${TITLE}`) })).toBeVisible();
  await page.goto(`${PORTAL}/surveys/${surveyId}`);
  await expect(page.getByRole('group', { name: /货源能满足/ }).getByRole('radio', { name: '4 分' })).toBeChecked();
  await expectNoSeriousA11yViolations(page);

  // Submitting with the NPS question unanswered is refused on the page, naming the question.
  await page.getByRole('button', { name: '提交问卷' }).click();
  await expect(page.locator('#survey-errors')).toContainText('推荐');
  await answer(page, /推荐/, '9');
  await page.getByRole('button', { name: '提交问卷' }).click();
  await expect(page.getByText('感谢您的参与！')).toBeVisible();
  await expect(page.getByRole('button', { name: '提交问卷' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test('the agent enters shop B’s answers taken by phone', async ({ page }) => {
  await signInToBackoffice(page, 'agent');
  await page.goto(`${BACKOFFICE}/surveys`);
  await page.getByRole('link', { name: new RegExp(`录入答案\\s*：${TITLE}`) }).click();
  await page.getByLabel('许可证号').fill(SHOP_B);
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /（/ })).toBeVisible();
  await answer(page, /货源能满足/, '2');
  // A low rating shows the follow-up question.
  await page.getByLabel(/货源哪里不能满足/).fill('紧俏烟投放太少');
  await answer(page, /推荐/, '6');
  await page.getByRole('radio', { name: '电话' }).check();
  await page.getByRole('button', { name: '提交问卷' }).click();
  await expect(page.getByRole('status').filter({ hasText: '录入并提交（电话）' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the index shows both answers and the Excel export has their rows', async ({ page }) => {
  await signInToBackoffice(page, 'manager');
  await page.goto(`${BACKOFFICE}/analytics/surveys?surveyId=${surveyId}`);
  // Shop A rated 4 and shop B 2 on a 1–5 scale: 75 and 25, so the index is 50; NPS: one promoter, one detractor.
  await expect(page.getByTestId('respondents-value')).toHaveText('2');
  await expect(page.getByTestId('index-value')).toHaveText('50.0');
  await expect(page.getByTestId('nps-value')).toHaveText('0.0');
  await expect(page.getByText('紧俏烟投放太少')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '逐户答案 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`survey-${surveyId}-answers.xlsx`);
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0]!;
  const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
  const header = rows[0]!;
  const body = rows.slice(1);
  expect(body).toHaveLength(2);
  const licenceCol = header.indexOf('许可证号');
  const ratingCol = header.indexOf('货源能满足您的经营需要');
  const channelCol = header.indexOf('渠道');
  const byLicence = new Map(body.map((r) => [String(r[licenceCol]), r]));
  expect([...byLicence.keys()].sort()).toEqual([SHOP_A, SHOP_B]);
  expect(byLicence.get(SHOP_A)![ratingCol]).toBe(4);
  expect(byLicence.get(SHOP_B)![ratingCol]).toBe(2);
  expect(byLicence.get(SHOP_B)![channelCol]).toBe('电话');
  await expect(page.getByTestId('export-status')).toContainText('已下载');
});
