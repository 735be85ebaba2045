import path from 'node:path';
import { test, expect } from './host/fixtures';
import { type Page, type Locator } from '@playwright/test';
import { openIssue } from '../src/main/store';
import { SAMPLE_ISSUE_FOLDER } from '../src/main/app/paths';

// Frame editing (改版) on the layout desk, on a copy of the sample issue: every edit snaps to 栏 and 行,
// relays the page out and is saved to issue.json.

const PAGE_WIDTH_PT = (390 / 25.4) * 72;
const PITCH_PT = 11.25;
const TEXT = '04-text-zhongda-xiangmu';

async function openFrameEditor(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: '版面' }).click();
  await expect(page.getByTestId('page-sheet')).toHaveAttribute('data-page', '07', { timeout: 45_000 });
  await page.getByRole('button', { name: '改版', exact: true }).click();
  const sheet = page.getByTestId('frame-sheet');
  await expect(sheet).toHaveAttribute('data-page', '07');
  return sheet;
}

/** Screen px per pt of the sheet at its current zoom. */
async function pxPerPt(sheet: Locator): Promise<number> {
  return (await sheet.boundingBox())!.width / PAGE_WIDTH_PT;
}

const outline = (page: Page, id: string) => page.locator(`[data-testid="frame-overlay"] g[data-frame-id="${id}"]`);

async function savedFrame(dir: string, id: string) {
  const meta = (await openIssue(dir, { readOnly: true })).meta;
  return meta.pages.flatMap((p) => p.frames).find((f) => f.id === id) ?? null;
}

test('moves a text frame on the grid: the text reflows, the move is saved, and undo puts it back', async ({ app }) => {
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  const sheet = await openFrameEditor(page);
  const frame = outline(page, TEXT);
  await expect(frame).toHaveAttribute('data-rect', '5,3,9,14');
  // The page's drawing under the frames changes only where the page does: nothing when a frame is selected or while it
  // is dragged (each step re-renders the editor; drawing the whole page again would parse megabytes of path data).
  await page.locator('.frame-art svg').first().waitFor();
  await page.locator('.frame-art').evaluate((el) => {
    const w = globalThis as unknown as { __artRedrawn: number; MutationObserver: new (cb: () => void) => { observe(el: unknown, o: object): void } };
    w.__artRedrawn = 0;
    new w.MutationObserver(() => w.__artRedrawn++).observe(el, { childList: true, subtree: true, attributes: true });
  });
  const artRedrawn = () => page.evaluate(() => (globalThis as unknown as { __artRedrawn: number }).__artRedrawn);

  await frame.locator('rect').click();
  await expect(page.getByTestId('frame-selected')).toHaveAttribute('data-frame-id', TEXT);
  const label = page.getByTestId('frame-copyfit');
  await expect(label).toHaveText(/^(欠|超) \d+ (字|行)$|^正好$/);
  const before = (await label.textContent())!;

  // Drag it 20 lines down (plus a little: it snaps to the nearest line), over the 雷锋 photo: text wraps around it.
  const k = await pxPerPt(sheet);
  const box = (await frame.locator('rect').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10 * PITCH_PT * k, { steps: 4 });
  await page.mouse.move(x + 3, y + (20 * PITCH_PT + 3) * k, { steps: 4 });
  expect(await artRedrawn()).toBe(0);
  await page.mouse.up();
  await expect(frame).toHaveAttribute('data-rect', '5,3,29,14');
  await expect(page.getByTestId('frame-selected')).toContainText('第 30 行起 14 行');
  await expect(label).not.toHaveText(before);
  const after = (await label.textContent())!;
  await page.screenshot({ path: test.info().outputPath('frames-moved.png') });
  await expect.poll(async () => (await savedFrame(dir, TEXT))?.line).toBe(29);

  // Undo: back where it was, the copyfit as it was, and saved so.
  await page.getByTestId('frames-undo').click();
  await expect(frame).toHaveAttribute('data-rect', '5,3,9,14');
  await expect(label).toHaveText(before);
  await expect.poll(async () => (await savedFrame(dir, TEXT))?.line).toBe(9);
  // Redo with the keyboard.
  await sheet.focus();
  await page.keyboard.press('Control+Shift+Z');
  await expect(frame).toHaveAttribute('data-rect', '5,3,29,14');
  await expect(label).toHaveText(after);
});

test('resizes with a handle and the arrow keys, by whole columns and lines', async ({ app }) => {
  const { page } = app;
  const sheet = await openFrameEditor(page);
  const frame = outline(page, '02-text-zhaoshang-yinqiang');
  await frame.locator('rect').click();
  const label = page.getByTestId('frame-copyfit');
  await expect(label).toBeVisible();
  const before = (await label.textContent())!;

  // The bottom handle, dragged up 4 lines: a shorter frame, so the story runs over.
  const k = await pxPerPt(sheet);
  const handle = (await page.locator('[data-handle="s"]').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2 - 4 * PITCH_PT * k, { steps: 5 });
  await page.mouse.up();
  await expect(frame).toHaveAttribute('data-rect', '0,5,9,10');
  await expect(label).not.toHaveText(before);
  await expect(label).toHaveAttribute('data-copyfit', 'over');

  // Shift+→ widens by a column; → moves by a column, which the type area's right edge stops.
  await sheet.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(frame).toHaveAttribute('data-rect', '0,4,9,10');
  await page.keyboard.press('ArrowRight');
  await expect(frame).toHaveAttribute('data-rect', '1,4,9,10');
  await page.keyboard.press('ArrowUp');
  await expect(frame).toHaveAttribute('data-rect', '1,4,8,10');
});

test('draws, threads, unthreads and deletes frames; a story dragged from the list lands on the page', async ({ app }) => {
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  const sheet = await openFrameEditor(page);
  const k = await pxPerPt(sheet);
  const s = (await sheet.boundingBox())!;
  // The type area's left edge and top, in px: 对开 is centred, 111 em wide, 123 lines tall.
  const ax = s.x + ((PAGE_WIDTH_PT - 999) / 2) * k;
  const ay = s.y + (((545 / 25.4) * 72 - 123 * PITCH_PT) / 2) * k;
  const cell = (col: number, line: number) => ({ x: ax + (col * 126 + 20) * k, y: ay + (line * PITCH_PT + 4) * k });

  // Draw a text frame for 重大项目 across columns 1–2, lines 100–109: it joins the thread as its second frame.
  await page.getByTestId('frame-story').selectOption('zhongda-xiangmu');
  await page.getByRole('button', { name: '画框' }).click();
  let p = cell(0, 100);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  p = cell(1, 109);
  await page.mouse.move(p.x, p.y, { steps: 5 });
  await page.mouse.up();
  const drawn = outline(page, 'text-zhongda-xiangmu');
  await expect(drawn).toHaveAttribute('data-rect', '0,2,100,10');
  await expect(drawn).toContainText('续 2/2');
  await expect(outline(page, TEXT)).toContainText('续 1/2');
  await expect(page.getByTestId('frame-selected')).toHaveAttribute('data-frame-id', 'text-zhongda-xiangmu');

  // Unthread the first frame: it stays as an empty box; the drawn frame is the whole thread now.
  await outline(page, TEXT).locator('rect').click();
  await page.getByRole('button', { name: '解除续排' }).click();
  await expect(outline(page, TEXT)).toHaveAttribute('data-kind', 'box');
  await expect(drawn).not.toContainText('续');
  await expect.poll(async () => (await savedFrame(dir, TEXT))?.kind).toBe('box');
  // Thread it back: it follows the drawn frame.
  await page.getByTestId('frame-story').selectOption('zhongda-xiangmu');
  await page.getByRole('button', { name: '续排', exact: true }).click();
  await expect(outline(page, TEXT)).toHaveAttribute('data-kind', 'text');
  await expect(outline(page, TEXT)).toContainText('续 2/2');

  // Delete the drawn frame with the Delete key.
  await drawn.locator('rect').click();
  await sheet.focus();
  await page.keyboard.press('Delete');
  await expect(drawn).toHaveCount(0);
  await expect.poll(async () => (await savedFrame(dir, 'text-zhongda-xiangmu'))).toBeNull();

  // Drag 松岗 from the story list onto columns 0–2 near the bottom: a headline block over a text frame.
  const item = page.locator('.frame-stories li[data-story-id="songgang-xiaxiang"]');
  await item.dragTo(sheet, { targetPosition: { x: ax - s.x + 20 * k, y: ay - s.y + (90 * PITCH_PT + 4) * k } });
  await expect(outline(page, 'headline-songgang-xiaxiang')).toHaveAttribute('data-rect', '0,3,90,6');
  await expect(outline(page, 'text-songgang-xiaxiang')).toHaveAttribute('data-rect', '0,3,96,20');
  await expect(page.getByTestId('frame-copyfit')).toBeVisible();
});

test('imports a photo into a story and places it as an image frame', async ({ app }) => {
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  await openFrameEditor(page);
  await page.getByTestId('frame-story').selectOption('zhongda-xiangmu');
  await page.getByTestId('photo-path').fill('/usr/share/backgrounds/mate/nature/Aqua.jpg');
  await page.getByRole('button', { name: '导入并放上版面' }).click();
  const frame = outline(page, 'image-zhongda-xiangmu');
  await expect(frame).toHaveAttribute('data-kind', 'image', { timeout: 30_000 });
  await expect(page.getByTestId('frame-selected')).toHaveAttribute('data-frame-id', 'image-zhongda-xiangmu');
  // The picture is drawn on the page from the issue's own asset file.
  await expect
    .poll(() => page.getByTestId('frame-sheet').locator('.frame-art image').evaluateAll((els) => els.filter((e) => (e.getAttribute('href') ?? '').startsWith('data:image/jpeg')).length))
    .toBe(4);

  // Saved with the new asset in the issue's list, still on the page, and the import (this desk's own change
  // to issue.json) is not announced as a colleague's.
  await expect
    .poll(async () => {
      const meta = (await openIssue(dir, { readOnly: true })).meta;
      return [meta.assets.length, meta.pages[0]!.frames.find((f) => f.id === 'image-zhongda-xiangmu')?.kind];
    })
    .toEqual([4, 'image']);
  await expect(frame).toHaveAttribute('data-kind', 'image');
  // The session's watch looks every 2 s and the desk polls its events every 2 s: wait out both.
  await page.waitForTimeout(4500);
  await expect(page.getByText('版面与期刊设置已由他人更新')).toHaveCount(0);

  // A path that is not a picture is refused with the reason.
  await page.getByTestId('photo-path').fill('/etc/hostname');
  await page.getByRole('button', { name: '导入并放上版面' }).click();
  await expect(page.locator('.frame-photos [role="alert"]')).toBeVisible();
});

test('frame properties: columns, a picture’s wrap and fit, headline parts and thread order, each undoable', async ({ app }) => {
  test.setTimeout(150_000);
  const { page, documentsDir } = app;
  const dir = path.join(documentsDir, SAMPLE_ISSUE_FOLDER);
  const sheet = await openFrameEditor(page);
  const props = page.getByTestId('frame-props');

  // A text frame divided into 2 columns (破栏): saved, and the story fits differently.
  await outline(page, '02-text-zhaoshang-yinqiang').locator('rect').click();
  const label = page.getByTestId('frame-copyfit');
  const before = (await label.textContent())!;
  await props.getByTestId('frame-columns').selectOption('2');
  await expect.poll(async () => ((await savedFrame(dir, '02-text-zhaoshang-yinqiang')) as { columns?: number | null })?.columns).toBe(2);
  await expect(label).not.toHaveText(before);
  await page.getByTestId('frames-undo').click();
  await expect(props.getByTestId('frame-columns')).toHaveValue('');
  await expect(label).toHaveText(before);
  // Its text no longer wraps (runs across pictures and headlines): saved; undone.
  await props.getByTestId('frame-text-wrap').uncheck();
  await expect.poll(async () => ((await savedFrame(dir, '02-text-zhaoshang-yinqiang')) as { wrap?: boolean })?.wrap).toBe(false);
  await page.getByTestId('frames-undo').click();
  await expect(props.getByTestId('frame-text-wrap')).toBeChecked();

  // The 雷锋 picture: shown whole, and its text wrap switched off; undo puts the wrap back.
  await outline(page, '15-image-tupian-leifeng').locator('rect').click();
  await props.getByTestId('frame-fit').selectOption('fit');
  await expect.poll(async () => ((await savedFrame(dir, '15-image-tupian-leifeng')) as { fit?: string })?.fit).toBe('fit');
  await props.getByTestId('frame-wrap').uncheck();
  await expect.poll(async () => ((await savedFrame(dir, '15-image-tupian-leifeng')) as { wrap?: boolean })?.wrap).toBe(false);
  await expect(props.getByTestId('frame-standoff-chars')).toBeDisabled();
  await page.getByTestId('frames-undo').click();
  await expect(props.getByTestId('frame-wrap')).toBeChecked();
  await props.getByTestId('frame-standoff-chars').fill('2');
  await expect.poll(async () => ((await savedFrame(dir, '15-image-tupian-leifeng')) as { standoffChars?: number })?.standoffChars).toBe(2);

  // A headline block that may not show nothing.
  await outline(page, '01-headline-zhaoshang-yinqiang').locator('rect').click();
  await props.getByLabel('引题').uncheck();
  await props.getByLabel('副题').uncheck();
  // (A click, not uncheck(): the box is meant to stay checked.)
  await props.getByLabel('主题').click();
  await expect(page.getByRole('alert')).toContainText('标题框至少要显示引题、主题、副题中的一项');
  await expect(props.getByLabel('主题')).toBeChecked();
  await expect.poll(async () => ((await savedFrame(dir, '01-headline-zhaoshang-yinqiang')) as { parts?: unknown })?.parts).toEqual({ kicker: false, main: true, sub: false });

  // Thread order: a second frame for 重大项目, then moved to the front of the thread.
  await page.getByTestId('frame-story').selectOption('zhongda-xiangmu');
  await page.getByRole('button', { name: '画框' }).click();
  const k = (await sheet.boundingBox())!.width / PAGE_WIDTH_PT;
  const s = (await sheet.boundingBox())!;
  const ax = s.x + ((PAGE_WIDTH_PT - 999) / 2) * k;
  const ay = s.y + (((545 / 25.4) * 72 - 123 * PITCH_PT) / 2) * k;
  await page.mouse.move(ax + 20 * k, ay + (100 * PITCH_PT + 4) * k);
  await page.mouse.down();
  await page.mouse.move(ax + (126 + 20) * k, ay + (109 * PITCH_PT + 4) * k, { steps: 5 });
  await page.mouse.up();
  const drawn = outline(page, 'text-zhongda-xiangmu');
  await expect(drawn).toContainText('续 2/2');
  await expect(props.getByTestId('frame-thread-position')).toHaveText('续排第 2 个，共 2 个');
  await props.getByRole('button', { name: '提前' }).click();
  await expect(drawn).toContainText('续 1/2');
  await expect(outline(page, TEXT)).toContainText('续 2/2');
  await expect(props.getByRole('button', { name: '提前' })).toBeDisabled();
  await expect.poll(async () => ((await savedFrame(dir, 'text-zhongda-xiangmu')) as { threadIndex?: number })?.threadIndex).toBe(0);
  await page.getByTestId('frames-undo').click();
  await expect(drawn).toContainText('续 2/2');
  await expect(page.getByTestId('frames-undo')).toHaveAttribute('title', '画文字框');
});
