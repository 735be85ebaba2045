import path from 'node:path';
import { test, expect } from './host/fixtures';
import { createIssue, defaultEnv, openIssue, saveStory } from '../src/main/store';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';
import { readmeShot } from './host/readme-shot';

// The writing desk and the layout desk on a copy of the sample issue.

const SLUG = '聚力重点招大引强';

test('opens a story, types, saves, and finds the text again after reopening', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: SLUG, exact: true }).click();
  const editor = page.getByTestId('story-editor-content');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('story-editor')).toHaveAttribute('data-readonly', 'false');

  // Type at the end of the first paragraph.
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  // Opening and clicking into a story is not an edit (the editor once reported its first render as one).
  await page.waitForTimeout(800);
  await expect(page.getByTestId('story-save-state')).not.toHaveText('有未保存的修改');
  const lengthCell = page.locator('.budget-table tr[aria-selected="true"] td.num');
  const before = Number((await lengthCell.innerText()).replace(/\D/g, ''));
  const added = '夜班测试新增文字';
  await page.keyboard.type(added);
  await expect(editor.locator('p').first()).toContainText(added);
  await expect(page.getByTestId('story-save-state')).toHaveText('有未保存的修改');
  // The budget's length follows once the typing pauses.
  await expect(lengthCell).toHaveText(`${before + added.length} 字`);
  await readmeShot(page, 'writing-desk.png');
  // The edit reached the store's crash-recovery journal before any save.
  await expect(page.getByTestId('autosave-state')).toContainText(/已自动保存 \d{2}:\d{2}:\d{2}/);

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('story-save-state')).toContainText('已保存');

  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(editor).toHaveCount(0);
  await page.getByRole('button', { name: SLUG, exact: true }).click();
  await expect(page.getByTestId('story-editor-content').locator('p').first()).toContainText(added);

  // Saved to disk, not only held in the session: a fresh read of the story file has it.
  const { openIssue } = await import('../src/main/store');
  const dir = (await page.locator('.issue-copy').getAttribute('title'))!;
  const onDisk = await openIssue(dir, { readOnly: true });
  const story = Object.values(onDisk.stories).find((s) => s.slug === SLUG)!;
  expect(JSON.stringify(story.body)).toContain(added);
});

test('typing without a pause still reaches the crash-recovery journal while it goes on', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: SLUG, exact: true }).click();
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  await expect(page.getByTestId('autosave-state')).toHaveCount(0);
  // A key every 120 ms for over 10 s: never the pause an edit once waited for before it left the editor. The edit
  // leaves within 1 s, the store journals it within 2 s and the desk polls the store's events every 2 s.
  let typing = true;
  const typed = page.keyboard.type('夜班编辑正在排版今晚的头版稿件'.repeat(6), { delay: 120 }).finally(() => (typing = false));
  await expect(page.getByTestId('autosave-state')).toContainText(/已自动保存 \d{2}:\d{2}:\d{2}/, { timeout: 8_000 });
  expect(typing).toBe(true);
  await typed;
});

test('the page view draws the sample page from glyph outlines, and zooms', async ({ app }) => {
  const { page } = app;
  await page.getByRole('tab', { name: '版面' }).click();
  const sheet = page.getByTestId('page-sheet');
  await expect(sheet).toHaveAttribute('data-page', '07', { timeout: 45_000 });
  const svg = sheet.locator('[data-page-svg]');
  await expect(svg).toBeVisible();
  const counts = await svg.evaluate((el) => ({
    text: el.querySelectorAll('text').length,
    runs: el.querySelectorAll('svg[data-owner]').length,
    paths: el.querySelectorAll('svg[data-owner] path').length,
    // Each glyph outline starts with a moveto: thousands of glyphs, placed on the page.
    outlines: [...el.querySelectorAll('svg[data-owner] path')].reduce((n, p) => n + (p.getAttribute('d') ?? '').split('M').length - 1, 0),
  }));
  expect(counts.text).toBe(0);
  expect(counts.runs).toBeGreaterThan(20);
  expect(counts.paths).toBeGreaterThan(20);
  expect(counts.outlines).toBeGreaterThan(5000);
  // The sample page's three photos, as screen copies of the issue's own asset files.
  await expect.poll(() => svg.evaluate((el) => [...el.querySelectorAll('image')].map((i) => (i.getAttribute('href') ?? '').slice(0, 23)))).toEqual(Array(3).fill('data:image/jpeg;base64,'));
  await readmeShot(page, 'layout-desk.png');

  const width = async () => (await sheet.boundingBox())!.width;
  const fit = await width();
  await page.getByRole('button', { name: '100%' }).click();
  const w100 = await width();
  // 390 mm at 96 dpi.
  expect(w100).toBeCloseTo((390 / 25.4) * 96, 0);
  await page.getByRole('button', { name: '200%' }).click();
  expect(await width()).toBeCloseTo(w100 * 2, 0);
  await page.getByRole('button', { name: '适合窗口' }).click();
  expect(await width()).toBeCloseTo(fit, 0);

  // A click on a story's text opens it on the writing desk.
  const frame = (await sheet.locator('rect[data-frame="04-text-zhongda-xiangmu"]').boundingBox())!;
  await page.mouse.click(frame.x + frame.width / 2, frame.y + frame.height / 2);
  await expect(page.getByRole('tab', { name: '写稿台' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: '稿件编辑' })).toHaveAttribute('data-story-id', 'zhongda-xiangmu');
  await expect(page.getByTestId('story-editor-content')).toContainText('太白湖新区今年谋划实');
});

test('shows live copyfit from the layout in the budget and the editor', async ({ app }) => {
  const { page } = app;
  const row = page.locator(`tr:has(button:text-is("${SLUG}"))`);
  // The sample story is 4 lines short: its frame has 70 lines, the text fills 66.
  await expect(row.locator('.copyfit')).toHaveText(/^欠 \d+ 字$/, { timeout: 45_000 });
  await row.getByRole('button', { name: SLUG }).click();
  const label = page.getByTestId('story-copyfit');
  await expect(label).toHaveText(/^欠 \d+ 字$/);
  const before = Number((await label.textContent())!.match(/\d+/)![0]);

  // Pasting a long paragraph overruns the frame: the label turns to 超 N 行.
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('太白湖新区'.repeat(200));
  await expect(label).toHaveText(/^超 \d+ 行$/);
  await expect(label).toHaveAttribute('data-copyfit', 'over');
  await expect(row.locator('.copyfit')).toHaveText(/^超 \d+ 行$/);

  // Reported, not asserted (speed targets live in benchmarks): layout times of this session.
  const ms = await page.evaluate('performance.getEntriesByName("yeban:layout").map((e) => e.duration).sort((a, b) => a - b)') as number[];
  test.info().annotations.push({ type: 'layout ms (min, median, max)', description: `${Math.round(ms[0] ?? 0)} / ${Math.round(ms[ms.length >> 1] ?? 0)} / ${Math.round(ms[ms.length - 1] ?? 0)} over ${ms.length} runs` });
  console.log(test.info().annotations.at(-1));

  // Undo takes it back to what it was.
  await page.getByTestId('story-undo').click();
  await page.getByTestId('story-undo').click();
  await expect(label).toHaveText(`欠 ${before} 字`);
});

test("saving over a colleague's newer save asks which version to keep", async ({ app }) => {
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  await page.getByRole('button', { name: '多网融合', exact: true }).click();
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.insertText('我的补充。');
  await expect(page.getByTestId('story-save-state')).toHaveText('有未保存的修改');

  // Meanwhile a colleague saves the same story from another desk.
  const theirs = (await openIssue(dir, { readOnly: true })).stories['duowang-ronghe']!;
  await saveStory(dir, { ...theirs, author: '王编辑' }, { env: defaultEnv({ user: '王编辑', host: 'desk-2' }), baseRevision: theirs.revision });

  await page.getByRole('button', { name: '保存', exact: true }).click();
  const conflict = page.getByTestId('story-conflict');
  await expect(conflict).toContainText('同事已保存了这篇稿件');
  await conflict.getByRole('button', { name: '用我的版本覆盖' }).click();
  await expect(page.getByTestId('story-save-state')).toHaveText(`已保存（修订 ${theirs.revision + 2}）`);
  await expect(editor).toContainText('我的补充。');

  const saved = (await openIssue(dir, { readOnly: true })).stories['duowang-ronghe']!;
  expect(saved.revision).toBe(theirs.revision + 2);
  expect(JSON.stringify(saved.body)).toContain('我的补充。');
});

test('a new issue of four pages: every page as a thumbnail, a click shows that page', async ({ launch }) => {
  const documentsDir = test.info().outputPath('documents');
  const dir = path.join(documentsDir, '2024-03-09-四版.yeban');
  await createIssue(dir, { paper: '济宁日报', date: '2024-03-09', pages: 4, size: 'tabloid' });
  const { page } = await launch({ args: [dir], documentsDir });
  await expect(page.getByText('本期还没有稿件')).toBeVisible();
  await page.getByRole('tab', { name: '版面' }).click();
  const strip = page.getByRole('navigation', { name: '全部版面' });
  await expect(strip.getByRole('button')).toHaveCount(4);
  expect(await strip.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-page')))).toEqual(['01', '02', '03', '04']);
  // Each thumbnail is its page of the display list (a new issue's pages are still blank): tabloid proportions.
  await expect(strip.locator('svg')).toHaveCount(4);
  for (const svg of await strip.locator('svg').all()) {
    const box = (await svg.boundingBox())!;
    expect(box.height / box.width).toBeCloseTo(390 / 270, 2);
  }
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '01');
  await strip.locator('[data-page="03"]').click();
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '03');
  await expect(strip.locator('[data-page="03"]')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('第 03 版', { exact: true })).toBeVisible();
  // 270 mm wide at 100 %.
  await page.getByRole('button', { name: '100%' }).click();
  expect((await page.getByTestId('page-sheet').boundingBox())!.width).toBeCloseTo((270 / 25.4) * 96, 0);
});
