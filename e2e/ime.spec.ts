import { type CDPSession, type Page } from '@playwright/test';
import { test, expect } from './host/fixtures';

// Chinese input in the app's story editor, driven as an input method drives Chromium: several
// Input.imeSetComposition updates through the DevTools protocol, then Input.insertText (or an empty
// composition: cancelled). The editor's own state is checked after every step: the composition shows
// once at the caret, nothing is duplicated or lost, and what is committed reaches the saved story.

interface Run {
  type: string;
  text: string;
  bold: boolean;
}
interface EditorState {
  composing: boolean;
  paragraphs: Run[][];
}

async function editorState(page: Page): Promise<EditorState> {
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  // (Specs typecheck without the DOM library: the page is reached through globalThis.)
  return page.evaluate(() => {
    type N = { type: string; text?: string; format?: number; children?: N[] };
    const doc = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document;
    const el = doc.querySelector('[data-testid=story-editor-content]') as {
      __lexicalEditor: { isComposing(): boolean; getEditorState(): { toJSON(): { root: N } } };
    };
    const editor = el.__lexicalEditor;
    const root = editor.getEditorState().toJSON().root;
    return {
      composing: editor.isComposing(),
      paragraphs: (root.children ?? []).map((p) => (p.children ?? []).map((c) => ({ type: c.type, text: c.text ?? '', bold: ((c.format ?? 0) & 1) === 1 }))),
    };
  });
}

const plain = (p: Run[]) => p.filter((r) => r.type === 'text').map((r) => r.text).join('');

/** Composes `steps`, then commits `commit` (null cancels), checking `check(shown)` after every step. */
async function compose(page: Page, cdp: CDPSession, steps: string[], commit: string | null, check: (s: EditorState, shown: string) => void): Promise<EditorState> {
  // A caret just placed reaches Lexical with the next selectionchange; a person never types in the same task.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)))');
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    const s = await editorState(page);
    expect(s.composing, `composing ${text}`).toBe(true);
    check(s, text);
  }
  if (commit === null) await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  else await cdp.send('Input.insertText', { text: commit });
  const after = await editorState(page);
  expect(after.composing).toBe(false);
  check(after, commit ?? '');
  return after;
}

test('Chinese input: in an empty paragraph, right after the dateline, in bold, and cancelled', async ({ app }) => {
  const { page } = app;
  const cdp = await page.context().newCDPSession(page);

  // A new story opens with one empty paragraph.
  await page.getByRole('button', { name: '新建稿件' }).click();
  const form = page.getByRole('form', { name: '新建稿件' });
  await form.getByLabel('稿件名').fill('输入法测试稿');
  await form.getByLabel('作者').fill('刘春雷');
  await form.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('region', { name: '稿件编辑' })).toHaveAttribute('data-story-id', /^story-/);
  const content = page.getByTestId('story-editor-content');
  await expect(content).toBeVisible();

  // 1. An empty paragraph.
  await content.click();
  let s = await compose(page, cdp, ['n', 'ni', 'nih', '你好'], '你好', (st, shown) => {
    expect(st.paragraphs.map(plain)).toEqual([shown]);
  });
  expect(s.paragraphs[0]).toEqual([{ type: 'text', text: '你好', bold: false }]);

  // 2. Right after the dateline: add one, put the caret at the very start, and compose.
  await page.getByTestId('story-dateline-button').click();
  await page.getByTestId('story-dateline-agency').fill('本报');
  await page.getByTestId('story-dateline-place').fill('济宁');
  await page.getByTestId('story-dateline-credits').fill('通讯员　刘春雷');
  await page.getByTestId('story-dateline-save').click();
  await expect(page.getByTestId('story-dateline')).toHaveText('本报济宁讯（通讯员\u3000刘春雷）');
  await content.click();
  await page.keyboard.press('Control+Home');
  s = await compose(page, cdp, ['j', 'ju', 'jux', '据悉'], '据悉', (st, shown) => {
    expect(st.paragraphs).toHaveLength(1);
    expect(st.paragraphs[0]![0]!.type).toBe('dateline');
    expect(plain(st.paragraphs[0]!)).toBe(`${shown}你好`);
  });
  expect(s.paragraphs[0]!.map((r) => r.type)).toEqual(['dateline', 'text']);

  // 3. In bold, at the end of a new paragraph's first run. (Control+End: the end of the story, whatever
  // line the visual-line End key would see.)
  await page.keyboard.press('Control+End');
  await expect.poll(async () => (await editorState(page)).paragraphs.length).toBe(1);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await editorState(page)).paragraphs.map(plain)).toEqual(['据悉你好', '']);
  await page.keyboard.type('第二段');
  await page.keyboard.press('Control+b');
  await expect(page.getByTestId('story-bold')).toHaveAttribute('aria-pressed', 'true');
  s = await compose(page, cdp, ['z', 'zh', 'zhong', '重点'], '重点', (st, shown) => {
    expect(st.paragraphs.map(plain)).toEqual(['据悉你好', `第二段${shown}`]);
  });
  expect(s.paragraphs[1]).toEqual([
    { type: 'text', text: '第二段', bold: false },
    { type: 'text', text: '重点', bold: true },
  ]);

  // 4. A cancelled composition leaves nothing.
  await page.keyboard.press('Control+b');
  s = await compose(page, cdp, ['x', 'xi', 'xie'], null, (st, shown) => {
    expect(st.paragraphs.map(plain)).toEqual(['据悉你好', `第二段重点${shown}`]);
  });
  expect(s.paragraphs.map(plain)).toEqual(['据悉你好', '第二段重点']);

  // What was typed is the story: saved, closed, reopened.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('story-save-state')).toContainText('已保存');
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await page.getByRole('button', { name: '输入法测试稿', exact: true }).click();
  await expect(page.getByTestId('story-dateline')).toBeVisible();
  const reopened = await editorState(page);
  expect(reopened.paragraphs.map(plain)).toEqual(['据悉你好', '第二段重点']);
  expect(reopened.paragraphs[1]![1]).toEqual({ type: 'text', text: '重点', bold: true });
});
