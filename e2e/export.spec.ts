import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './host/fixtures';
import { openIssue } from '../src/main/store';

// Export from the desk: the draft on screen is saved first, the main process lays the saved files out and
// writes the PDF, and the page it exported is the page on screen (same display-list fingerprint).

const SLUG = '聚力重点招大引强';

test('exports the page on screen, saving the draft first', async ({ app }) => {
  const { page, documentsDir } = app;
  await page.getByRole('button', { name: SLUG, exact: true }).click();
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').first().click();
  await page.keyboard.press('End');
  const added = '导出前未保存的新句子';
  await page.keyboard.type(added);
  await expect(page.getByTestId('story-save-state')).toHaveText('有未保存的修改');
  // The draft reached the session (the store journals edits) before the export is asked for.
  await expect(page.getByTestId('autosave-state')).toContainText(/已自动保存/);

  await page.getByRole('tab', { name: '版面' }).click();
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '07', { timeout: 45_000 });
  await expect(page.getByTestId('layout-state')).toHaveText('版面已更新');

  await page.getByRole('button', { name: '导出 PDF', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出 PDF' });
  const output = dialog.getByLabel('输出文件');
  await expect(output).toHaveValue(path.join(documentsDir, '导出', '20240308.pdf'));
  await dialog.getByRole('button', { name: '保存并导出' }).click();

  const result = dialog.getByTestId('export-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('export-phase')).toHaveText('导出完成');
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', '1');
  await expect(result).toContainText('导出前已保存 1 篇稿件');
  const match = dialog.getByTestId('export-match');
  await expect(match).toHaveCount(1);
  const exported = await match.getAttribute('data-export-hash');
  expect(exported).toMatch(/^[0-9a-f]{16}$/);
  expect(await match.getAttribute('data-screen-hash')).toBe(exported);
  await expect(match).toHaveText('第 07 版：导出内容与屏幕显示一致');

  const file = path.join(documentsDir, '导出', '20240308.pdf');
  expect(existsSync(file)).toBe(true);
  expect(existsSync(path.join(documentsDir, '导出', '20240308.manifest.json'))).toBe(true);
  // pdftotext reads the embedded text back in drawing order (-raw: column by column, line by line): the
  // unsaved sentence and the story's own text are in it.
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain(added);
  expect(text).toContain('招商引资是经济发展的源头活水');

  // Saved before exporting: the story file on disk has the sentence.
  const dir = (await page.locator('.issue-copy').getAttribute('title'))!;
  const onDisk = await openIssue(dir, { readOnly: true });
  expect(JSON.stringify(Object.values(onDisk.stories).find((s) => s.slug === SLUG)!.body)).toContain(added);
  await page.screenshot({ path: test.info().outputPath('export-dialog.png') });
});

test('refuses an output that is not a .pdf file, in Chinese, without exporting', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '导出 PDF', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '导出 PDF' });
  await dialog.getByLabel('输出文件').fill('relative/out.pdf');
  await dialog.getByRole('button', { name: '保存并导出' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('输出位置须是完整路径：relative/out.pdf');
  await expect(dialog.getByTestId('export-result')).toHaveCount(0);
});
