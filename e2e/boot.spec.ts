import path from 'node:path';
import { existsSync } from 'node:fs';
import { test, expect, root } from './host/fixtures';
import { openIssue } from '../src/main/store';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';
import { CONTENT_SECURITY_POLICY_META } from '../src/main/app/csp';
import { storyLengthZi } from '../src/core/model';

const bundled = path.join(root, 'resources', 'sample', SAMPLE_ISSUE_FOLDER);

test('boots on a copy of the sample issue and lists its stories in Simplified Chinese', async ({ app }) => {
  const { page, documentsDir } = app;
  const sample = await openIssue(bundled, { readOnly: true });
  const expected = sample.meta.storyIds.map((id) => sample.stories[id]!);
  expect(expected.length).toBeGreaterThan(10);

  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { name: '稿件库' })).toBeVisible();
  await expect(page.getByText(`共 ${expected.length} 篇`)).toBeVisible();
  const table = page.getByRole('table');
  for (const header of ['稿件名', '体裁', '状态', '字数', '作者']) {
    await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }

  // Every story of the sample, in budget order, with its kind, status, length in 字 and author.
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(expected.length);
  // (The columns after these five — page, copyfit, lock holder — come from the live layout and locks.)
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent ?? '')));
  expect(shown).toEqual(expected.map((s) => [s.slug, s.kind, s.status, `${storyLengthZi(s)} 字`, s.author]));
  expect(shown.map((r) => r[0])).toContain('聚力重点招大引强');

  // It opened a copy in this test's documents folder, never the bundled files.
  const copy = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  await expect(page.locator('.issue-copy')).toContainText(copy);
  expect(existsSync(path.join(copy, 'issue.json'))).toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('budget.png') });
});

test('switches the UI to English and back', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: '稿件库' })).toBeVisible();
  await page.getByLabel('界面语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Story budget' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('columnheader', { name: 'Length' })).toBeVisible();
  await expect(page.locator('tbody tr').first().locator('td').nth(1)).toHaveText('News');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '稿件库' })).toBeVisible();
});

test('the main process refuses calls it cannot trust or validate', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: '稿件库' })).toBeVisible();
  // Through the renderer's own API object, as a compromised page script would.
  const results = await page.evaluate(async () => {
    const w = globalThis as unknown as { yeban?: { invoke: (c: string, p: unknown) => Promise<unknown> }; __yebanHostInvoke?: (c: string, p: unknown) => Promise<unknown> };
    const invoke = w.yeban ? w.yeban.invoke.bind(w.yeban) : w.__yebanHostInvoke!;
    return {
      unknown: await invoke('fs:readAnything', { path: '/etc/passwd' }),
      invalid: await invoke('issue:openSample', { dir: '/etc' }),
      info: await invoke('app:info', {}),
    };
  });
  expect(results.unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  expect(results.invalid).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  expect(results.info).toMatchObject({ ok: true, value: { name: 'yeban', host: app.host } });
});

test('a document from another origin cannot call the main process', async ({ app }) => {
  test.skip(app.host !== 'chromium', 'Electron refuses the navigation itself; this checks the shared sender check through the binding');
  const { page } = app;
  const origin = new URL(page.url());
  // Same server, other origin: localhost is not 127.0.0.1.
  const other = await page.context().newPage();
  await other.goto(`http://localhost:${origin.port}/index.html`);
  const r = await other.evaluate(() => (globalThis as unknown as { __yebanHostInvoke: (c: string, p: unknown) => Promise<unknown> }).__yebanHostInvoke('app:info', {}));
  expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  await expect(other.getByRole('alert')).toContainText('拒绝来自');
  await other.close();
});

test('runs under the strict CSP: an injected inline script is refused', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: '稿件库' })).toBeVisible();
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY_META);
  // (eval cannot be probed from here: code Playwright evaluates runs outside the page's CSP.)
  const probe = await page.evaluate(async () => {
    type El = { textContent: string };
    const g = globalThis as unknown as {
      __inlineRan?: boolean;
      document: { createElement(t: string): El; head: { append(n: El): void }; addEventListener(t: string, f: (e: { violatedDirective: string }) => void): void };
    };
    const violation = new Promise<string>((resolve) => g.document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective)));
    const s = g.document.createElement('script');
    s.textContent = 'globalThis.__inlineRan = true';
    g.document.head.append(s);
    return { ran: g.__inlineRan === true, directive: await violation };
  });
  expect(probe).toEqual({ ran: false, directive: 'script-src-elem' });
});
