import { test, expect } from './host/fixtures';

// The desk's checks: preflight findings that show their spot on the page, proofreading findings that open
// their story, and the import review panel (each decision listed and undoable, then added).

const SLUG = '聚力重点招大引强';
// Thai ก (U+0E01): in no bundled font, so the page shows 〓 and both checks must name it.
const NO_FONT = '\u0E01';

test('a character no font can draw is found by preflight and proofreading, and each click shows it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: SLUG, exact: true }).click();
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(`面${NO_FONT}`);
  await expect(editor.locator('p').first()).toContainText(NO_FONT);

  await page.getByRole('button', { name: '预检', exact: true }).click();
  const preflight = page.getByRole('region', { name: '预检' });
  const missing = preflight.locator('li[data-code="missing-glyph"]');
  await expect(missing).toHaveCount(1, { timeout: 45_000 });
  await expect(missing).toContainText(`第 07 版「${SLUG}」：字符「${NO_FONT}」（U+0E01）没有字体能排出`);
  await missing.getByRole('button').click();
  // The layout desk opens on that page with the story's frame lit up.
  await expect(page.getByRole('tab', { name: '版面' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '07');
  await expect(page.locator('[data-testid="page-sheet"] rect.frame-highlight')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('preflight.png') });

  await page.getByRole('button', { name: '校对', exact: true }).click();
  const proof = page.getByRole('region', { name: '校对' });
  const noGlyph = proof.locator('li[data-rule="no-glyph"]');
  await expect(noGlyph).toHaveCount(1);
  await expect(noGlyph).toContainText(`「${SLUG}」正文`);
  await noGlyph.getByRole('button').click();
  await expect(page.getByRole('tab', { name: '写稿台' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('story-editor-content')).toContainText(NO_FONT);
});

test('imports pasted copy, shows each decision, undoes one, and adds the story to the budget', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '导入稿件', exact: true }).click();
  const panel = page.getByRole('region', { name: '导入稿件' });
  await panel.getByRole('textbox').fill('太白湖新区举办读书节\n\n本报济宁讯(通讯员 李明)3月5日,太白湖新区举办"书香新区"读书节活动,共有200余人参加。\n');
  await panel.getByRole('button', { name: '识别' }).click();
  await expect(panel.getByTestId('import-summary')).toHaveText('识别出 1 篇稿件，6 项处理；逐项核对，识别和改动都可撤销');
  const story = panel.getByTestId('import-story');
  await expect(story).toContainText('太白湖新区举办读书节');
  await expect(story.locator('li[data-rule="dateline.parsed"]')).toContainText('本报济宁讯(通讯员 李明) → 本报济宁讯（通讯员□李明）');
  // The recognised headline can be undone too (e2e/import.spec.ts undoes structural decisions).
  await expect(story.locator('li[data-rule="headline.main"]').getByRole('button', { name: '撤销' })).toHaveCount(1);
  const commas = story.locator('li[data-rule="punct.fullwidth"]');
  await expect(commas).toHaveCount(2);
  await commas.first().getByRole('button', { name: '撤销' }).click();
  await expect(commas).toHaveCount(1);
  await expect(panel.getByTestId('import-summary')).toContainText('5 项处理');

  await panel.getByRole('button', { name: '将 1 篇稿件加入本期' }).click();
  await expect(page.getByRole('button', { name: '太白湖新区举办读书节', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '太白湖新区举办读书节', exact: true }).click();
  // The undone comma is back as typed; the other decisions stand.
  await expect(page.getByTestId('story-editor-content')).toContainText('3月5日,太白湖新区举办“书香新区”读书节活动，共有200余人参加。');
});

test('opens a text file for import and shows what it recognised', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '导入稿件', exact: true }).click();
  const panel = page.getByRole('region', { name: '导入稿件' });
  const copy = '新华社北京3月4日电（记者 王晓）全国政协十四届二次会议4日下午在人民大会堂开幕。\n';
  await panel.getByLabel('打开文本文件', { exact: true }).setInputFiles({ name: '通稿.txt', mimeType: 'text/plain', buffer: Buffer.from(`\uFEFF${copy}`, 'utf8') });
  await expect(panel.getByRole('textbox')).toHaveValue(copy);
  await panel.getByRole('button', { name: '识别' }).click();
  await expect(panel.getByTestId('import-story')).toHaveCount(1);
  await expect(panel.locator('li[data-rule="dateline.parsed"]')).toContainText('新华社北京3月4日电（记者□王晓）');
});
