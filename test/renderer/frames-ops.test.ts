import { describe, expect, it } from 'vitest';
import { type TextFrame } from '../../src/core/model';
import {
  addFrame, addPage, checkMeta, deleteFrame, EditRefused, findFrame, movePage, nextPageNumber, placeStory, removePage,
  setFrameRect, threadFrame, threadOf, unthreadFrame, updatePage,
} from '../../src/renderer/src/frames/frame-ops';
import { sampleMeta } from './frames-fixture';

const PAGE = 'page-07';
const ok = (m: Parameters<typeof checkMeta>[0]) => {
  const r = checkMeta(m);
  if (!r.ok) throw new Error(r.message);
  return r.meta;
};

describe('frame edits', () => {
  it('moves a frame to a new grid rectangle without touching the input', () => {
    const meta = sampleMeta();
    const before = JSON.stringify(meta);
    const next = setFrameRect(meta, PAGE, '04-text-zhongda-xiangmu', { col: 5, span: 3, line: 30, lines: 14 });
    expect(findFrame(next, PAGE, '04-text-zhongda-xiangmu')).toMatchObject({ col: 5, span: 3, line: 30, lines: 14, kind: 'text', storyId: 'zhongda-xiangmu' });
    expect(JSON.stringify(meta)).toBe(before);
    ok(next);
  });

  it('hands back the checked meta itself, so what an edit left alone keeps its identity for the layout cache', () => {
    const meta = sampleMeta();
    const next = setFrameRect(meta, PAGE, '04-text-zhongda-xiangmu', { col: 5, span: 3, line: 30, lines: 14 });
    expect(ok(next)).toBe(next);
    expect(next.styles).toBe(meta.styles);
    expect(next.house).toBe(meta.house);
  });

  it('refuses what the model schema refuses, naming the field', () => {
    const next = setFrameRect(sampleMeta(), PAGE, '04-text-zhongda-xiangmu', { col: 5, span: 0, line: 30, lines: 14 });
    const r = checkMeta(next);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^版面数据无效（pages\.0\.frames\.4\.span）/);
  });

  it('refuses a rectangle off the grid through the model check', () => {
    const next = setFrameRect(sampleMeta(), PAGE, '04-text-zhongda-xiangmu', { col: 6, span: 3, line: 0, lines: 4 });
    const r = checkMeta(next);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/超出版心右边/);
  });

  it('draws new frames of every kind with fresh ids; story frames need a story', () => {
    let meta = sampleMeta();
    const rect = { col: 0, span: 2, line: 100, lines: 10 };
    expect(() => addFrame(meta, PAGE, { kind: 'text', rect })).toThrow(EditRefused);
    const t = addFrame(meta, PAGE, { kind: 'text', rect, storyId: 'zhongda-xiangmu' });
    expect(t.frameId).toBe('text-zhongda-xiangmu');
    expect(findFrame(t.meta, PAGE, t.frameId)).toMatchObject({ threadIndex: 1, columns: null });
    meta = t.meta;
    const again = addFrame(meta, PAGE, { kind: 'text', rect, storyId: 'zhongda-xiangmu' });
    expect(again.frameId).toBe('text-zhongda-xiangmu-2');
    expect(findFrame(again.meta, PAGE, again.frameId)).toMatchObject({ threadIndex: 2 });
    const rule = addFrame(meta, PAGE, { kind: 'rule', rect });
    expect(findFrame(rule.meta, PAGE, rule.frameId)).toMatchObject({ orientation: 'horizontal', lines: 1 });
    const upright = addFrame(meta, PAGE, { kind: 'rule', rect: { col: 4, span: 1, line: 0, lines: 40 } });
    expect(findFrame(upright.meta, PAGE, upright.frameId)).toMatchObject({ orientation: 'vertical', lines: 40 });
    const img = addFrame(meta, PAGE, { kind: 'image', rect, storyId: 'tupian-leifeng', photoIndex: 0 });
    expect(findFrame(img.meta, PAGE, img.frameId)).toMatchObject({ kind: 'image', photoIndex: 0, captionLines: 2 });
    const box = addFrame(meta, PAGE, { kind: 'box', rect });
    for (const m of [rule.meta, upright.meta, img.meta, box.meta]) ok(m);
    expect(() => addFrame(meta, PAGE, { kind: 'headline', rect, storyId: 'no-such-story' })).toThrow(/本期没有稿件/);
  });

  it('deletes a frame and closes the gap in its thread', () => {
    const a = addFrame(sampleMeta(), PAGE, { kind: 'text', rect: { col: 0, span: 2, line: 100, lines: 10 }, storyId: 'zhongda-xiangmu' });
    const b = addFrame(a.meta, PAGE, { kind: 'text', rect: { col: 2, span: 1, line: 100, lines: 10 }, storyId: 'zhongda-xiangmu' });
    const next = deleteFrame(b.meta, PAGE, a.frameId);
    expect(threadOf(next, 'zhongda-xiangmu')).toEqual([
      { pageId: PAGE, frameId: '04-text-zhongda-xiangmu', threadIndex: 0 },
      { pageId: PAGE, frameId: b.frameId, threadIndex: 1 },
    ]);
    expect(() => deleteFrame(next, PAGE, 'nope')).toThrow(/找不到框/);
  });
});

describe('threads (续排)', () => {
  it('unthreading leaves an empty box and renumbers the rest; threading takes it back at the end', () => {
    const a = addFrame(sampleMeta(), PAGE, { kind: 'text', rect: { col: 0, span: 2, line: 100, lines: 10 }, storyId: 'zhongda-xiangmu' });
    const un = unthreadFrame(a.meta, PAGE, '04-text-zhongda-xiangmu');
    expect(findFrame(un, PAGE, '04-text-zhongda-xiangmu')).toMatchObject({ kind: 'box', storyId: null, title: '', strokePt: 0, col: 5, span: 3 });
    expect(threadOf(un, 'zhongda-xiangmu')).toEqual([{ pageId: PAGE, frameId: a.frameId, threadIndex: 0 }]);
    ok(un);

    const re = threadFrame(un, PAGE, '04-text-zhongda-xiangmu', 'zhongda-xiangmu');
    expect(threadOf(re, 'zhongda-xiangmu').map((l) => l.frameId)).toEqual([a.frameId, '04-text-zhongda-xiangmu']);
    expect((findFrame(re, PAGE, '04-text-zhongda-xiangmu') as TextFrame).threadIndex).toBe(1);
    ok(re);
  });

  it("threading another story's text frame moves it from that story's thread to this one", () => {
    const meta = sampleMeta();
    const next = threadFrame(meta, PAGE, '02-text-zhaoshang-yinqiang', 'zhongda-xiangmu');
    expect(threadOf(next, 'zhaoshang-yinqiang')).toEqual([]);
    expect(threadOf(next, 'zhongda-xiangmu').map((l) => [l.frameId, l.threadIndex])).toEqual([
      ['04-text-zhongda-xiangmu', 0],
      ['02-text-zhaoshang-yinqiang', 1],
    ]);
  });

  it('refuses what cannot be threaded or unthreaded', () => {
    const meta = sampleMeta();
    expect(() => threadFrame(meta, PAGE, '04-text-zhongda-xiangmu', 'zhongda-xiangmu')).toThrow(/已在/);
    expect(() => threadFrame(meta, PAGE, '15-image-tupian-leifeng', 'zhongda-xiangmu')).toThrow(/只有文字框或空框/);
    // A 专栏 box with a title is furniture, not a placeholder.
    expect(() => threadFrame(meta, PAGE, '07-box-bianzhean-sanzheng-sigan', 'zhongda-xiangmu')).toThrow(/只有文字框或空框/);
    expect(() => unthreadFrame(meta, PAGE, '01-headline-zhaoshang-yinqiang')).toThrow(/只有文字框/);
  });
});

describe('placing a story dragged from the budget', () => {
  it('adds a headline block over a text frame at the drop cell, inside the type area', () => {
    const meta = sampleMeta();
    const r = placeStory(meta, PAGE, 'songgang-xiaxiang', 7, 120);
    const [h, t] = r.frameIds.map((id) => findFrame(r.meta, PAGE, id));
    expect(h).toMatchObject({ kind: 'headline', storyId: 'songgang-xiaxiang', col: 5, span: 3, line: 97, lines: 6 });
    expect(t).toMatchObject({ kind: 'text', storyId: 'songgang-xiaxiang', col: 5, span: 3, line: 103, lines: 20, threadIndex: 1 });
    ok(r.meta);
  });
});

describe('flat plan (版面计划)', () => {
  it('adds a page after the current one with the next 版次 and the issue running head', () => {
    const meta = sampleMeta();
    expect(nextPageNumber(meta)).toBe('08');
    const r = addPage(meta);
    expect(r.meta.pages.map((p) => p.number)).toEqual(['07', '08']);
    const added = r.meta.pages[1]!;
    expect(added.id).toBe(r.pageId);
    expect(added.frames).toEqual([{ ...meta.pages[0]!.frames[0]!, id: 'runningHead' }]);
    const first = addPage(r.meta, -1);
    expect(first.meta.pages.map((p) => p.number)).toEqual(['09', '07', '08']);
    ok(first.meta);
  });

  it('numbers after lettered and odd 版次', () => {
    const meta = sampleMeta();
    const lettered = { ...meta, pages: [{ ...meta.pages[0]!, number: 'A03' }] };
    expect(nextPageNumber(lettered)).toBe('A04');
    expect(nextPageNumber({ ...meta, pages: [] })).toBe('01');
  });

  it('reorders pages', () => {
    let meta = addPage(addPage(sampleMeta()).meta).meta; // 07 08 09
    meta = movePage(meta, 0, 2);
    expect(meta.pages.map((p) => p.number)).toEqual(['08', '09', '07']);
    meta = movePage(meta, 2, 1);
    expect(meta.pages.map((p) => p.number)).toEqual(['08', '07', '09']);
    expect(movePage(meta, 1, 1)).toBe(meta);
    expect(movePage(meta, 0, 99).pages.map((p) => p.number)).toEqual(['07', '09', '08']);
    expect(() => movePage(meta, 5, 0)).toThrow(EditRefused);
  });

  it('removes a page with its frames, keeping the stories', () => {
    const r = addPage(sampleMeta());
    const gone = removePage(r.meta, 'page-07');
    expect(gone.pages.map((p) => p.number)).toEqual(['08']);
    expect(gone.storyIds).toEqual(r.meta.storyIds);
    expect(threadOf(gone, 'zhongda-xiangmu')).toEqual([]);
    ok(gone);
  });

  it('sets the page properties, trimmed, and refuses an empty or duplicate 版次', () => {
    const r = addPage(sampleMeta());
    const props = { number: ' 08 ', name: ' 民生 ', editor: '王静', designer: '李娜', proofreader: '张强' };
    const next = updatePage(r.meta, r.pageId, props);
    expect(next.pages[1]).toMatchObject({ number: '08', name: '民生', editor: '王静', designer: '李娜', proofreader: '张强' });
    expect(() => updatePage(r.meta, r.pageId, { ...props, number: '07' })).toThrow(/已有第 07 版/);
    expect(() => updatePage(r.meta, r.pageId, { ...props, number: ' ' })).toThrow(/不能为空/);
    expect(() => updatePage(r.meta, r.pageId, { ...props, number: '123456789' })).toThrow(/8 个字符/);
  });

  it('catches two frames with one id on a page', () => {
    const meta = sampleMeta();
    const page = meta.pages[0]!;
    const dup = { ...meta, pages: [{ ...page, frames: [...page.frames, page.frames[1]!] }] };
    const r = checkMeta(dup);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/两个框都叫/);
  });
});
