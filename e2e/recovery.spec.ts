import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { test, expect, root } from './host/fixtures';
import { copySampleIssue, defaultEnv, openIssue, writeJournal } from '../src/main/store';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';
import { bodyOf, paragraphNode, textNode } from '../src/core/model';

// Edits that only reached the autosave journal (the app was killed before saving) are offered on the
// next launch: recovered into the editor as an unsaved draft, or thrown away.

test('offers crash-recovered edits: one recovered into the editor, one discarded', async ({ launch }) => {
  // Under the test's output folder (cleared by the next run): the app still has the issue open when the test body ends.
  const documentsDir = test.info().outputPath('documents');
  await mkdir(documentsDir, { recursive: true });
  const dir = await copySampleIssue(path.join(root, 'resources', 'sample', SAMPLE_ISSUE_FOLDER), documentsDir, { reuse: true });
  const issue = await openIssue(dir, { readOnly: true });
  const a = issue.stories['zhuanjia-yizhen']!;
  const b = issue.stories['duowang-ronghe']!;
  const env = defaultEnv({ user: '刘春雷', pid: 999_999 });
  await writeJournal(env, dir, { ...a, body: bodyOf([paragraphNode([textNode('崩溃前写下的一段话。')])]) }, a.revision);
  await writeJournal(env, dir, { ...b, slug: '多网融合（草）' }, b.revision);

  const { page } = await launch({ documentsDir });
  const panel = page.getByRole('region', { name: '有未保存的修改可以恢复' });
  await expect(panel.locator('li')).toHaveCount(2);
  await expect(panel.locator('li[data-story-id="zhuanjia-yizhen"]')).toContainText(`「${a.slug}」`);
  await expect(panel.locator('li[data-story-id="zhuanjia-yizhen"]')).toContainText('刘春雷');

  await panel.locator('li[data-story-id="duowang-ronghe"]').getByRole('button', { name: '丢弃' }).click();
  await expect(panel.locator('li')).toHaveCount(1);
  await panel.locator('li[data-story-id="zhuanjia-yizhen"]').getByRole('button', { name: '恢复并打开' }).click();
  await expect(panel).toHaveCount(0);

  await expect(page.getByRole('region', { name: '稿件编辑' })).toHaveAttribute('data-story-id', 'zhuanjia-yizhen');
  await expect(page.getByTestId('story-editor-content')).toHaveText('崩溃前写下的一段话。');
  await expect(page.getByTestId('story-save-state')).toHaveText('有未保存的修改');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('story-save-state')).toContainText('已保存');

  // On disk: the recovered text is saved, the discarded edit is gone with its journal entry.
  const after = await openIssue(dir, { readOnly: true });
  expect(JSON.stringify(after.stories['zhuanjia-yizhen']!.body)).toContain('崩溃前写下的一段话。');
  expect(after.stories['duowang-ronghe']!.slug).toBe(b.slug);
  expect(after.recovery).toEqual([]);
});
