import path from 'node:path';
import { test, expect } from './host/fixtures';
import { type DisplayPage, type GlyphItem } from '../src/core/display/types';
import { bodyPlainText } from '../src/core/model/compose-input';
import { columnLeft, pageGrid, spanWidth } from '../src/core/layout';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';
import { layOutIssueFolder } from '../src/main/services/layout-issue';
import { openIssue } from '../src/main/store';
import { type Page } from '@playwright/test';
import sharp from 'sharp';

// The page view on a copy of the sample issue: a click on a character opens its story with the caret there.

const STORY = 'zhongda-xiangmu';

// Specs typecheck without the DOM library: what the page-side functions use, typed here.
interface DomRange { setStart(node: unknown, offset: number): void; setEnd(node: unknown, offset: number): void; toString(): string; getBoundingClientRect(): { top: number; bottom: number } }
interface DomSelection { isCollapsed: boolean; anchorNode: unknown; anchorOffset: number; getRangeAt(i: number): DomRange }
interface DomElement { closest(selector: string): DomElement | null; getAttribute(name: string): string | null }
interface DomRecord { type: string; attributeName: string | null; target: Partial<DomElement> & { parentElement: DomElement | null }; addedNodes: ArrayLike<Partial<DomElement>>; removedNodes: ArrayLike<Partial<DomElement>> }
interface Change { owner: string | null }
interface PageGlobals {
  getSelection(): DomSelection;
  document: { createRange(): DomRange };
  innerHeight: number;
  MutationObserver: new (cb: (records: DomRecord[]) => void) => { observe(el: unknown, options: object): void };
  __changes: Change[];
  __runs: Set<unknown>;
  __moved: Set<unknown>;
  __redrawnInPlace: Set<unknown>;
}

/** Page 07 of the sample copy as the main process lays it out (the same display list the screen draws). */
async function samplePage(dir: string): Promise<DisplayPage> {
  const laid = await layOutIssueFolder(dir);
  return laid.result.display.pages.find((p) => p.number === '07')!;
}

/** Clicks a glyph of the page view, on its left (`side` 0.25) or right (0.75) half. */
async function clickGlyph(page: Page, dp: DisplayPage, g: GlyphItem, side: number): Promise<void> {
  const box = (await page.getByTestId('page-sheet').boundingBox())!;
  const k = box.width / dp.width;
  await page.mouse.click(box.x + (g.x + g.advance * side) * k, box.y + (g.y - 0.4 * g.size) * k);
}

async function showPage(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '版面' }).click();
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '07', { timeout: 45_000 });
  // 200 %: one character is several pixels wide, so the click lands on the one meant.
  await page.getByRole('button', { name: '200%' }).click();
}

test('a click on a body character opens the story with the caret at it; typing lands there in the saved story', async ({ app }) => {
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  // The app copies the sample issue on first launch: it is on disk once its page is shown.
  await showPage(page);
  const story = (await openIssue(dir, { readOnly: true })).stories[STORY]!;
  const plain = bodyPlainText(story.body);
  const dp = await samplePage(dir);
  // A character in the middle of the story's third paragraph (past the 电头 and two paragraph breaks).
  const third = plain.split('\n').slice(0, 2).join('\n').length + 1;
  const g = dp.items.find((it): it is GlyphItem => it.kind === 'glyph' && it.src?.storyId === STORY && it.src.field === 'body' && it.src.offset === third + 6)!;
  expect(g, 'the sample page draws that character').toBeTruthy();
  expect(g.text).toBe(plain[third + 6]);

  const sheet = page.getByTestId('page-sheet');
  const box = (await sheet.boundingBox())!;
  const k = box.width / dp.width;
  // Bring the glyph into the scrolled view before clicking it.
  await page.locator('.page-scroll').evaluate((el, at) => el.scrollTo(at.x - 200, at.y - 200), { x: g.x * k, y: g.y * k });
  await clickGlyph(page, dp, g, 0.25);

  await expect(page.getByRole('region', { name: '稿件编辑' })).toHaveAttribute('data-story-id', STORY);
  const editor = page.getByTestId('story-editor-content');
  await expect(editor).toBeFocused();
  const caret = () =>
    editor.evaluate((root) => {
      const w = globalThis as unknown as PageGlobals;
      const sel = w.getSelection();
      const range = w.document.createRange();
      range.setStart(root, 0);
      range.setEnd(sel.anchorNode!, sel.anchorOffset);
      const rect = sel.getRangeAt(0).getBoundingClientRect();
      return { collapsed: sel.isCollapsed, before: range.toString(), visible: rect.top >= 0 && rect.bottom <= w.innerHeight };
    });
  // The text of that paragraph up to the clicked character, and the caret scrolled into view.
  await expect.poll(async () => (await caret()).before.endsWith(plain.slice(third, third + 6))).toBe(true);
  const at = await caret();
  expect(at.collapsed).toBe(true);
  expect(at.visible).toBe(true);

  await page.keyboard.insertText('夜');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByTestId('story-save-state')).toContainText('已保存');
  const saved = (await openIssue(dir, { readOnly: true })).stories[STORY]!;
  expect(bodyPlainText(saved.body)).toBe(plain.slice(0, third + 6) + '夜' + plain.slice(third + 6));

  // The right half of a character puts the caret after it.
  await showPage(page);
  const next = dp.items.find((it): it is GlyphItem => it.kind === 'glyph' && it.src?.storyId === STORY && it.src.field === 'body' && it.src.offset === third + 2)!;
  await page.locator('.page-scroll').evaluate((el, at) => el.scrollTo(at.x - 200, at.y - 200), { x: next.x * k, y: next.y * k });
  await clickGlyph(page, dp, next, 0.75);
  await expect(editor).toBeFocused();
  await expect.poll(async () => (await caret()).before.endsWith(plain.slice(third, third + 3))).toBe(true);
});

test('a click on a headline character puts the caret in that headline field', async ({ app }) => {
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  await showPage(page);
  const dp = await samplePage(dir);
  const g = dp.items.find((it): it is GlyphItem => it.kind === 'glyph' && it.src?.storyId === STORY && it.src.field === 'headline' && it.src.offset === 2)!;
  expect(g, 'the sample story has a 主题 on the page').toBeTruthy();
  const story = (await openIssue(dir, { readOnly: true })).stories[STORY]!;
  const main = story.headline.main.join('\n');

  const box = (await page.getByTestId('page-sheet').boundingBox())!;
  const k = box.width / dp.width;
  await page.locator('.page-scroll').evaluate((el, at) => el.scrollTo(at.x - 200, at.y - 200), { x: g.x * k, y: g.y * k });
  await clickGlyph(page, dp, g, 0.75);

  const field = page.getByTestId('story-headline-main');
  await expect(field).toBeFocused();
  expect(await field.evaluate((el) => [(el as unknown as { selectionStart: number }).selectionStart, (el as unknown as { selectionEnd: number }).selectionEnd])).toEqual([3, 3]);
  await page.keyboard.insertText('夜');
  await expect(field).toHaveValue(main.slice(0, 3) + '夜' + main.slice(3));
});

test('typing redraws only the edited story on the page beside the editor', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '聚力重点招大引强', exact: true }).click();
  const preview = page.getByRole('complementary', { name: '本稿所在版面' });
  const svg = preview.locator('[data-page-svg]');
  await expect(svg).toBeVisible({ timeout: 45_000 });
  const storyId = (await page.getByRole('region', { name: '稿件编辑' }).getAttribute('data-story-id'))!;
  // Every story on the page is its own run; the page has more than this one.
  const owners = await svg.evaluate((el) => [...new Set([...el.querySelectorAll('[data-owner]')].map((g) => g.getAttribute('data-owner')))]);
  expect(owners).toContain(storyId);
  expect(owners.length).toBeGreaterThan(3);

  // Watch every change under the page's SVGs, by the story whose run it happens in (a run added or removed whole
  // counts for its own story; a frame guide for its frame's story). A run drawn anew (added, or its inside replaced)
  // is a redrawn run; a run whose lines only moved changes its transform (or its layer's) and is not drawn again.
  await svg.evaluate((el) => {
    const w = globalThis as unknown as PageGlobals;
    w.__changes = [];
    w.__runs = new Set();
    w.__moved = new Set();
    w.__redrawnInPlace = new Set();
    new w.MutationObserver((records) => {
      for (const r of records) {
        const node = r.target.closest ? (r.target as DomElement) : r.target.parentElement;
        const run = node?.closest('[data-owner]') ?? null;
        // Moved: a run's drawing by its transform, or a line of the story being written (a layer) by its style's.
        const move = r.type === 'attributes' && (r.attributeName === 'transform' || r.attributeName === 'style');
        if (run && move) w.__moved.add(run);
        // A run added whole was drawn before it was attached: a change inside one already there is a drawing replaced.
        if (run && r.type === 'childList') w.__redrawnInPlace.add(run);
        if (run && !move) w.__runs.add(run);
        let owner = run?.getAttribute('data-owner') ?? node?.getAttribute('data-story') ?? null;
        for (const n of [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)]) owner = n.getAttribute?.('data-owner') ?? owner;
        for (const n of Array.from(r.addedNodes)) if (n.getAttribute?.('data-owner') != null) w.__runs.add(n);
        w.__changes.push({ owner });
      }
    }).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const runs = await svg.evaluate((el, id) => ({ all: el.querySelectorAll('[data-owner]').length, story: el.querySelectorAll(`[data-owner="${id}"]`).length }), storyId);

  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').nth(1).click();
  await page.keyboard.press('End');
  // More than a line's worth, so the lines below the edit move down.
  await page.keyboard.insertText('新增一句话，');
  await page.keyboard.insertText('夜班编辑正在排版今晚的头版稿件。');
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as PageGlobals).__changes.length)).toBeGreaterThan(0);
  // Let the layout settle, then look at what was touched.
  await page.waitForTimeout(500);
  const changes = await page.evaluate(() => (globalThis as unknown as PageGlobals).__changes);
  const touched = new Set(changes.map((c) => c.owner));
  // Only the edited story's runs were redrawn: the other stories and the page furniture kept their nodes.
  expect([...touched]).toEqual([storyId]);
  // And of that story only the runs around the edit (the line grew; lines below may move), not all of it.
  const redrawn = await page.evaluate(() => (globalThis as unknown as PageGlobals).__runs.size);
  expect(redrawn).toBeGreaterThan(0);
  expect(redrawn).toBeLessThanOrEqual(runs.story);
  expect(redrawn).toBeLessThan(runs.all / 3);
  // Runs that only moved were moved, not drawn again: a run's key is its drawing's digest, so no run still on the
  // page has its inside replaced (React 19 sets innerHTML again for a new {__html} object, even of the same string).
  const { moved, inPlace } = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return { moved: w.__moved.size, inPlace: w.__redrawnInPlace.size };
  });
  expect(moved).toBeGreaterThan(0);
  expect(inPlace).toBe(0);
});

test('the lines of the story being written are layers a line high, and stand where a fresh drawing of the page puts them', async ({ app }) => {
  const { page } = app;
  const open = async () => {
    await page.getByRole('button', { name: '聚力重点招大引强', exact: true }).click();
    const sheet = page.getByRole('complementary', { name: '本稿所在版面' }).getByTestId('page-sheet');
    await expect(sheet.locator('[data-page-svg]')).toBeVisible({ timeout: 45_000 });
    return sheet;
  };
  let sheet = await open();
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').nth(1).click();
  await page.keyboard.press('End');
  // Lines that wrap on push every later line of the story down, some into the next column: those lines' layers move.
  for (const text of ['夜班编辑正在排版今晚的头版稿件，', '新增的这几句话把后面的行往下推，', '一直推到下一栏的栏首。']) await page.keyboard.insertText(text);
  await page.waitForTimeout(600);
  // Each layer is the size of its line's ink: a page-sized layer is damaged whole when made or dropped, and the
  // compositor then draws the whole page view again for a keystroke.
  const layers = await sheet.evaluate((el) => {
    const page = el.getBoundingClientRect();
    return [...el.querySelectorAll('svg.page-run-layer')].map((s) => s.getBoundingClientRect().height / page.height);
  });
  expect(layers.length).toBeGreaterThan(20);
  for (const h of layers) expect(h).toBeLessThan(0.05);
  const moved = await sheet.evaluate((el) => [...el.querySelectorAll('svg.page-run-layer')].filter((s) => (s as unknown as { style: { transform: string } }).style.transform !== '').length);
  expect(moved).toBeGreaterThan(5);
  const typed = await sheet.screenshot();

  // The same story opened afresh: every run drawn where it now stands, none moved.
  await page.getByRole('button', { name: '关闭', exact: true }).first().click();
  await expect(editor).toBeHidden();
  sheet = await open();
  await page.waitForTimeout(600);
  const fresh = await sheet.screenshot();
  const [a, b] = await Promise.all([typed, fresh].map((png) => sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true })));
  expect([b!.info.width, b!.info.height]).toEqual([a!.info.width, a!.info.height]);
  // Pixels far apart in grey (over 80 a channel on average): a line drawn half a line off leaves ~900 at this size;
  // the same outlines drawn from another layer offset move only their anti-aliased edges (~10).
  let differ = 0;
  for (let i = 0; i < a!.data.length; i += 3) if (Math.abs(a!.data[i]! + a!.data[i + 1]! + a!.data[i + 2]! - b!.data[i]! - b!.data[i + 1]! - b!.data[i + 2]!) >= 240) differ++;
  expect(differ).toBeLessThan(100);
});

test('a long spell of typing beside the page does not keep the page of every keystroke alive', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: '聚力重点招大引强', exact: true }).click();
  await expect(page.getByRole('complementary', { name: '本稿所在版面' }).locator('[data-page-svg]')).toBeVisible({ timeout: 45_000 });
  const editor = page.getByTestId('story-editor-content');
  await editor.locator('p').nth(1).click();
  await page.keyboard.press('End');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const typed = '夜班编辑正在排版今晚的头版稿件';
  const type = async (n: number) => {
    for (let i = 0; i < n; i++) await page.keyboard.insertText(typed[i % typed.length]!);
    await expect(editor.locator('p').nth(1)).toContainText(typed.slice(0, 5));
    await page.waitForTimeout(800);
  };
  const heapAfterGc = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  // Warm up first: compiled code and the caches that fill to their bounds grow the heap early on.
  await type(100);
  const before = await heapAfterGc();
  const keys = 200;
  await type(keys);
  const perKey = ((await heapAfterGc()) - before) / keys;
  // What the story itself gains a character (its glyphs laid out, the editor's text) is some 4 KB here; each run of
  // the page holding the page it was drawn on kept every keystroke's display list, ~18 KB a key.
  expect(perKey).toBeLessThan(10 * 1024);
});

test('rulers in mm and columns follow zoom and scroll', async ({ app }) => {
  const { page, documentsDir } = app;
  await showPage(page);
  const meta = (await openIssue(path.join(documentsDir, SAMPLE_ISSUE_FOLDER), { readOnly: true })).meta;
  const grid = pageGrid(meta.geometry);
  const sheet = page.getByTestId('page-sheet');
  const scroll = page.locator('.page-scroll');
  const column = (n: number) => page.getByTestId('ruler-top').locator(`[data-column="${n}"] rect`);
  const tick = (mm: number) => page.getByTestId('ruler-left').locator(`line[data-mm="${mm}"]`);

  // Where the ruler marks are on screen against where the grid puts them on the sheet.
  const check = async () => {
    const s = (await sheet.boundingBox())!;
    const k = s.width / grid.pageWidth;
    for (const n of [1, 3, grid.geometry.columns]) {
      const box = (await column(n).boundingBox())!;
      // (The band's 0.5 px outline reaches a quarter pixel past each edge.)
      expect(Math.abs(box.x - (s.x + columnLeft(grid, n - 1) * k))).toBeLessThan(0.75);
      expect(Math.abs(box.width - spanWidth(grid, 1) * k)).toBeLessThan(1);
    }
    const y = (await tick(100).boundingBox())!.y;
    expect(y).toBeCloseTo(s.y + ((100 * 72) / 25.4) * k, 0);
  };

  await page.getByRole('button', { name: '100%' }).click();
  await check();
  await page.getByRole('button', { name: '200%' }).click();
  await check();
  // Scrolled right and down, the rulers move with the page.
  const before = (await sheet.boundingBox())!;
  await scroll.evaluate((el) => el.scrollTo(600, 400));
  await expect.poll(async () => (await sheet.boundingBox())!.x).toBeLessThan(before.x - 500);
  expect((await sheet.boundingBox())!.y).toBeLessThan(before.y - 300);
  await check();
  await page.getByRole('button', { name: '适合窗口' }).click();
  await check();
});
