import path from 'node:path';
import { test, expect } from './host/fixtures';
import { type Page } from '@playwright/test';
import { openIssue } from '../src/main/store';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';

// 版面计划 on the layout desk: every page as a thumbnail; add, reorder, remove, and each page's properties,
// all saved to issue.json.

async function openPlan(page: Page) {
  await page.getByRole('tab', { name: '版面' }).click();
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '07', { timeout: 45_000 });
  await page.getByRole('button', { name: '版面计划', exact: true }).click();
  return page.getByTestId('flat-plan');
}

const savedPages = async (dir: string) => (await openIssue(dir, { readOnly: true })).meta.pages.map((p) => `${p.number} ${p.name} ${p.editor}`.trim());

test('adds a page, names it, reorders and removes it', async ({ app }) => {
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  const plan = await openPlan(page);
  const cards = plan.locator('.flat-plan-page');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('07 版 太白湖新区');
  // The sample page's thumbnail, drawn from the same display list as the page.
  await expect(cards.first().locator('svg path').first()).toBeAttached();
  const form = page.getByRole('form', { name: '版面属性' });
  await expect(form.getByLabel('版名')).toHaveValue('太白湖新区');
  await expect(form.getByLabel('责任编辑')).toHaveValue('王静');

  await page.getByRole('button', { name: '添加版面' }).click();
  await expect(cards).toHaveCount(2);
  const added = plan.locator('.flat-plan-page[data-page="08"]');
  await expect(added).toHaveAttribute('aria-current', 'page');
  await expect(form.getByRole('heading')).toHaveText('第 08 版属性');
  // A new page carries the issue's running head and is laid out like any other.
  await expect(added.locator('svg path').first()).toBeAttached({ timeout: 30_000 });

  await form.getByLabel('版名').fill('民生新闻');
  await form.getByLabel('责任编辑').fill('赵敏');
  await form.getByRole('button', { name: '保存版面属性' }).click();
  await expect(added).toContainText('08 版 民生新闻');
  await expect.poll(() => savedPages(dir)).toEqual(['07 太白湖新区 王静', '08 民生新闻 赵敏']);
  await page.screenshot({ path: test.info().outputPath('flat-plan.png') });

  // A 版次 already used is refused with the reason.
  await form.getByLabel('版次').fill('07');
  await form.getByRole('button', { name: '保存版面属性' }).click();
  await expect(plan.getByRole('alert')).toContainText('已有第 07 版');

  await page.getByRole('button', { name: '第 08 版前移' }).click();
  await expect(cards.nth(0)).toHaveAttribute('data-page', '08');
  await expect.poll(() => savedPages(dir)).toEqual(['08 民生新闻 赵敏', '07 太白湖新区 王静']);

  // Removing asks once more.
  await page.getByRole('button', { name: '删除第 08 版' }).click();
  await page.getByRole('button', { name: '确认删除第 08 版' }).click();
  await expect(cards).toHaveCount(1);
  await expect.poll(() => savedPages(dir)).toEqual(['07 太白湖新区 王静']);
  // Undo brings the page back, in its place.
  await page.getByTestId('plan-undo').click();
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAttribute('data-page', '08');
  await expect.poll(() => savedPages(dir)).toEqual(['08 民生新闻 赵敏', '07 太白湖新区 王静']);

  // The page view shows the chosen page.
  await plan.getByRole('button', { name: '第 07 版', exact: true }).click();
  await page.getByRole('button', { name: '看版', exact: true }).click();
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '07');
});
