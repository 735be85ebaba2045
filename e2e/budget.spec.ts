import path from 'node:path';
import { test, expect } from './host/fixtures';
import { acquireLock, defaultEnv, newLockToken, openIssue, releaseLock, saveStory } from '../src/main/store';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';

// The budget (稿件库): filter, sort, the status flow, and a story a colleague is editing.

test('filters by text and status, and sorts by length', async ({ app }) => {
  const { page } = app;
  const rows = page.locator('.budget-table tbody tr');
  await expect(rows).toHaveCount(13);

  await page.getByRole('searchbox', { name: '查找稿件名或作者' }).fill('开工');
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('显示 2 篇，共 13 篇')).toBeVisible();
  expect(await rows.locator('td.slug').allTextContents()).toEqual(['重大项目集中开工', '开工第一课']);
  await page.getByRole('searchbox', { name: '查找稿件名或作者' }).fill('');

  await page.locator('.budget-filters').getByLabel('状态').selectOption('草稿');
  await expect(page.getByText('本期还没有稿件')).toHaveCount(0);
  await expect(rows).toHaveCount(0);
  await page.locator('.budget-filters').getByLabel('状态').selectOption('all');
  await expect(rows).toHaveCount(13);

  const lengths = async () => (await rows.locator('td.num').allTextContents()).map((s) => Number(s.replace(/\D/g, '')));
  await page.getByRole('columnheader', { name: '字数' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: '字数 ▲' })).toHaveAttribute('aria-sort', 'ascending');
  const asc = await lengths();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));
  await page.getByRole('columnheader', { name: '字数 ▲' }).getByRole('button').click();
  const desc = await lengths();
  expect(desc).toEqual([...asc].sort((a, b) => b - a));
  expect(desc[0]).toBeGreaterThan(desc[desc.length - 1]!);
});

test('moves a story along the status flow; a signed-off story cannot be edited until sent back', async ({ app }) => {
  const { page, documentsDir } = app;
  const slug = '专家义诊暖人心';
  await page.getByRole('button', { name: slug, exact: true }).click();
  const desk = page.getByRole('region', { name: '稿件编辑' });
  await expect(desk.getByTestId('story-status')).toHaveText('已上版');
  await expect(page.getByTestId('story-editor')).toHaveAttribute('data-readonly', 'false');

  await desk.getByRole('button', { name: '送已签发' }).click();
  await expect(desk.getByTestId('story-status')).toHaveText('已签发');
  await expect(page.getByTestId('story-editor')).toHaveAttribute('data-readonly', 'true');
  await expect(desk.getByText('此稿已签发')).toBeVisible();
  await expect(page.locator(`tr:has(button:text-is("${slug}")) .status`)).toHaveText('已签发');
  await expect(desk.getByRole('button', { name: '送已签发' })).toHaveCount(0);

  const onDisk = async () => {
    const issue = await openIssue(path.join(documentsDir, SAMPLE_ISSUE_FOLDER), { readOnly: true });
    return Object.values(issue.stories).find((s) => s.slug === slug)!.status;
  };
  await expect.poll(onDisk).toBe('已签发');

  await desk.getByRole('button', { name: '退回已上版' }).click();
  await expect(desk.getByTestId('story-status')).toHaveText('已上版');
  await expect(page.getByTestId('story-editor')).toHaveAttribute('data-readonly', 'false');
  await expect.poll(onDisk).toBe('已上版');
});

test("a story a colleague is editing opens read-only with the colleague's name", async ({ app }) => {
  const { page, documentsDir } = app;
  await expect(page.locator('.budget-table tbody tr')).toHaveCount(13);
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  const colleague = defaultEnv({ user: '王编辑', host: 'desk-2' });
  const token = newLockToken();
  const target = { kind: 'story' as const, id: 'kaigong-diyike' };
  expect((await acquireLock(colleague, dir, target, token)).ok).toBe(true);
  try {
    await page.getByRole('button', { name: '开工第一课', exact: true }).click();
    await expect(page.getByTestId('story-locked')).toHaveText('王编辑（desk-2）正在编辑此稿，只能查看');
    await expect(page.getByTestId('story-editor')).toHaveAttribute('data-readonly', 'true');
    await expect(page.getByTestId('story-editor-content')).toHaveAttribute('contenteditable', 'false');
    const desk = page.getByRole('region', { name: '稿件编辑' });
    await expect(desk.getByRole('button', { name: '保存', exact: true })).toHaveCount(0);
    await expect(page.locator('tr[data-story-id="kaigong-diyike"] td').last()).toHaveText('王编辑');
  } finally {
    await releaseLock(colleague, dir, target, token);
  }
});

test("a colleague's save shows up in the budget with a note", async ({ app }) => {
  const { page, documentsDir } = app;
  const row = page.locator('tr[data-story-id="songgang-xiaxiang"]');
  await expect(row.locator('.status')).toHaveText('已上版');
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  const issue = await openIssue(dir, { readOnly: true });
  const story = issue.stories['songgang-xiaxiang']!;
  await saveStory(dir, { ...story, slug: '送岗下乡赶大集（改）', status: '已签发' }, { env: defaultEnv({ user: '王编辑', host: 'desk-2' }), baseRevision: story.revision });

  await expect(page.getByText('稿件「送岗下乡赶大集（改）」已由他人保存')).toBeVisible();
  await expect(row.locator('.status')).toHaveText('已签发');
  await expect(row.locator('td.slug')).toHaveText('送岗下乡赶大集（改）');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(page.getByText('已由他人保存')).toHaveCount(0);
});
