import path from 'node:path';
import os from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { test, expect, root } from './host/fixtures';
import { copySampleIssue } from '../src/main/store';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';

const bundled = path.join(root, 'resources', 'sample', SAMPLE_ISSUE_FOLDER);

test('opens the issue named on the command line, then the one a second launch hands over', async ({ launch }) => {
  const documentsDir = await mkdtemp(path.join(os.tmpdir(), 'yeban-e2e-launch-'));
  try {
    // Three copies: the app must open the one it is told to, not the default copy.
    const first = await copySampleIssue(bundled, documentsDir);
    const second = await copySampleIssue(bundled, documentsDir);
    const third = await copySampleIssue(bundled, documentsDir);
    expect(new Set([first, second, third]).size).toBe(3);

    const app = await launch({ args: [second], documentsDir });
    await expect(app.page.locator('.issue-copy')).toHaveText(`样刊副本：${second}`);
    await expect(app.page.locator('tbody tr').first()).toBeVisible();

    await app.secondLaunch([third]);
    await expect(app.page.locator('.issue-copy')).toHaveText(`样刊副本：${third}`);
    await expect(app.page.locator('tbody tr').first()).toBeVisible();

    // A folder that is not there: the reason, in Chinese, naming the folder.
    const missing = path.join(documentsDir, '不存在.yeban');
    await app.secondLaunch([missing]);
    const alert = app.page.getByRole('alert');
    await expect(alert).toContainText('无法打开期刊');
    await expect(alert).toContainText(missing);
    await expect(alert).toContainText('不存在');
    // …and the issue that was open stays on the desk.
    await expect(app.page.locator('.issue-copy')).toHaveText(`样刊副本：${third}`);
    await expect(app.page.locator('tbody tr').first()).toBeVisible();
  } finally {
    await rm(documentsDir, { recursive: true, force: true });
  }
});
