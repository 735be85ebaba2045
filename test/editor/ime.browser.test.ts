// @vitest-environment node
// The story editor in a real Chromium, driven the way an input method drives it: three or more
// Input.imeSetComposition updates through the DevTools protocol, then Input.insertText, with the editor
// state checked after every step. Bundles StoryEditor with esbuild and needs a Chromium binary (the
// system one, or PLAYWRIGHT_CHROMIUM); without one the suite is skipped and says why.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ROOT = path.resolve(import.meta.dirname, '../..');

// The page: StoryEditor with a dateline paragraph, a text paragraph and an empty one. The editor's
// state is read from Lexical itself (the content element's __lexicalEditor), not from the DOM.
const ENTRY = `
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './src/renderer/src/i18n/I18nProvider';
import { StoryEditor } from './src/renderer/src/editor/StoryEditor';
import { editorBody } from './src/renderer/src/editor/body';
import { bodyOf, datelineNode, paragraphNode, textNode } from './src/core/model/body';
import { bodyPlainText } from './src/core/model/compose-input';
import { $getSelection, $isRangeSelection } from 'lexical';
import { DEFAULT_STYLES } from './src/core/model/style';
const initial = bodyOf([
  paragraphNode([datelineNode({ agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] })]),
  paragraphNode([textNode('第二段。')]),
  paragraphNode([]),
]);
window.__story = () => {
  const editor = document.querySelector('[data-testid=story-editor-content]').__lexicalEditor;
  const body = editorBody(editor);
  return { plain: bodyPlainText(body), body, composing: editor.isComposing() };
};
// Where Lexical has the caret: the block index and the block's text before it.
window.__caret = () => {
  const editor = document.querySelector('[data-testid=story-editor-content]').__lexicalEditor;
  return editor.getEditorState().read(() => {
    const s = $getSelection();
    if (!$isRangeSelection(s) || !s.isCollapsed()) return null;
    const block = s.anchor.getNode().getTopLevelElementOrThrow();
    return { block: block.getIndexWithinParent(), blockText: block.getTextContent() };
  });
};
function Page() {
  const [body, setBody] = useState(initial);
  return h(StoryEditor, { body, styles: DEFAULT_STYLES, readOnly: false, onChange: setBody });
}
createRoot(document.getElementById('root')).render(h(I18nProvider, null, h(Page)));
`;

interface StoryState {
  plain: string;
  body: { root: { children: { type: string; children: { type: string; text?: string; format?: number }[] }[] } };
  composing: boolean;
}

describe.skipIf(!HAVE_CHROMIUM)(`Chinese input in Chromium (${CHROMIUM})`, () => {
  let dir = '';
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  const errors: string[] = [];

  const story = async (): Promise<StoryState> => {
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    return (await page.evaluate('window.__story()')) as StoryState;
  };
  const compose = (text: string) => cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });

  /**
   * Puts the caret somewhere with real input (`place`) and waits until Lexical has it in block `block`.
   * Input that lands while Lexical is still reconciling the previous commit can be overridden by
   * the selection Lexical restores; a person never types that fast, so the placement is repeated.
   */
  async function placeCaret(place: () => Promise<void>, block: number): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      await place();
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))');
      const caret = (await page.evaluate('window.__caret()')) as { block: number } | null;
      if (caret?.block === block) return;
    }
    throw new Error(`the caret never reached block ${block}`);
  }

  /**
   * Composes `steps` then commits `commit` (null: cancels). After every step the story must read
   * `expected(text shown by the input method)` exactly: the composition shows once, at the caret,
   * nothing duplicated or lost; the committed text replaces it; a cancelled one leaves nothing.
   */
  async function type(steps: string[], commit: string | null, expected: (composed: string) => string): Promise<StoryState> {
    // A caret just placed reaches Lexical with the next selectionchange event; a person never types
    // within the same task as a click, so neither does the test.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)))');
    for (const s of steps) {
      await compose(s);
      const during = await story();
      expect(during.composing, s).toBe(true);
      expect(during.plain, `while composing ${s}`).toBe(expected(s));
    }
    if (commit === null) await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
    else await cdp.send('Input.insertText', { text: commit });
    const after = await story();
    expect(after.composing).toBe(false);
    expect(after.plain, 'after commit').toBe(expected(commit ?? ''));
    const dom = (await page.getByTestId('story-editor-content').innerText()).replace(/\u200b/g, '').replace(/\n+/g, '\n');
    expect(dom.trim(), 'screen after commit').toBe(expected(commit ?? '').replace(/\n+/g, '\n').trim());
    return after;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'yeban-ime-'));
    await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'iife',
      outfile: path.join(dir, 'page.js'),
      define: { 'process.env.NODE_ENV': '"development"' },
      conditions: ['development'],
      jsx: 'automatic',
      // The editor's web fonts (a CSS import it loads when it opens) are not needed to check the input method.
      loader: { '.css': 'empty' },
      logLevel: 'silent',
    });
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><div id="root"></div><script src="page.js"></script></html>');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`file://${path.join(dir, 'index.html')}`);
    await page.getByTestId('story-editor-content').waitFor();
    cdp = await page.context().newCDPSession(page);
  });

  afterEach(async () => {
    // A failed step must not leave a composition open for the next test.
    if ((await story()).composing) await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('composes right after the dateline (the caret put before it is moved after it)', async () => {
    await placeCaret(async () => {
      await page.getByTestId('story-editor-content').click();
      await page.keyboard.press('Control+Home');
    }, 0);
    const s = await type(['b', 'bei', 'beij', '北京'], '北京', (t) => `本报济宁讯（通讯员\u3000刘春雷）${t}\n第二段。\n\n`);
    expect(s.body.root.children[0]!.children.map((c) => c.type)).toEqual(['dateline', 'text']);
  });

  it('composes in an empty paragraph', async () => {
    await placeCaret(() => page.getByTestId('story-editor-content').locator('p').nth(2).click(), 2);
    const s = await type(['n', 'ni', 'nih', '你好'], '你好', (t) => `本报济宁讯（通讯员\u3000刘春雷）北京\n第二段。\n${t}\n`);
    expect(s.body.root.children[2]!.children).toEqual([expect.objectContaining({ type: 'text', text: '你好' })]);
  });

  it('composes in bold', async () => {
    await placeCaret(async () => {
      await page.getByText('第二段。').click();
      await page.keyboard.press('End');
    }, 1);
    await page.keyboard.press('Control+b');
    const s = await type(['j', 'jia', 'jiac', '加粗'], '加粗', (t) => `本报济宁讯（通讯员\u3000刘春雷）北京\n第二段。${t}\n你好\n`);
    expect(s.body.root.children[1]!.children).toEqual([
      expect.objectContaining({ text: '第二段。', format: 0 }),
      expect.objectContaining({ text: '加粗', format: 1 }),
    ]);
  });

  it('a cancelled composition leaves no text', async () => {
    await placeCaret(async () => {
      await page.getByText('你好').click();
      await page.keyboard.press('End');
    }, 2);
    await type(['x', 'xi', 'xie'], null, (t) => `本报济宁讯（通讯员\u3000刘春雷）北京\n第二段。加粗\n你好${t}\n`);
  });

  it('pastes Word copy through a real paste event, cleaned, as one undo step', async () => {
    const html = readFileSync(path.join(import.meta.dirname, 'fixtures', 'word.html'), 'utf8');
    await placeCaret(async () => {
      await page.getByText('你好').click();
      await page.keyboard.press('End');
    }, 2);
    const before = await story();
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.setData('text/html', ${JSON.stringify(html)});
      dt.setData('text/plain', 'plain');
      document.querySelector('[data-testid=story-editor-content]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    })()`);
    const after = await story();
    expect(after.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'subhead', 'paragraph', 'paragraph']);
    expect(after.plain).toContain('你好太白湖新区举办农民丰收节\n本报济宁讯（通讯员　刘春雷）9月23日，');
    expect(after.plain).not.toMatch(/mso|宋体|批注/);
    await page.keyboard.press('Control+z');
    expect((await story()).plain).toBe(before.plain);
  });

  it('clicking at the left edge of the dateline still types after it', async () => {
    await placeCaret(async () => {
      const box = (await page.getByTestId('story-dateline').boundingBox())!;
      await page.mouse.click(box.x + 1, box.y + box.height / 2);
    }, 0);
    const s = await type(['j', 'ju', '据'], '据', (t) => `本报济宁讯（通讯员\u3000刘春雷）${t}北京\n第二段。加粗\n你好\n`);
    expect(s.body.root.children[0]!.children.map((c) => c.type)).toEqual(['dateline', 'text']);
    expect(errors).toEqual([]);
  });
});
