import { describe, expect, it } from 'vitest';
import { pageGrid, pageObstacles } from '../../src/core/layout';
import { type HeadlineFrame, type ImageFrame, type IssueMeta, type TextFrame } from '../../src/core/model';
import { addFrame, checkMeta, EditRefused, findFrame, threadOf } from '../../src/renderer/src/frames/frame-ops';
import {
  maxColumns, moveInThread, partsOf, setHeadlineOrientation, setHeadlineParts, setImageProps, setTextColumns, setTextWrap, threadPosition, wrapsText,
} from '../../src/renderer/src/frames/frame-props';
import { emptyStack, record, redo, undo } from '../../src/renderer/src/frames/undo-stack';
import { sampleMeta } from './frames-fixture';
import { layOut, openSample } from './sample-layout';

const PAGE = 'page-07';
const ok = (m: IssueMeta) => {
  const r = checkMeta(m);
  if (!r.ok) throw new Error(r.message);
  return r.meta;
};
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof EditRefused) return e.message;
    throw e;
  }
  throw new Error('not refused');
};

describe('frame properties', () => {
  it('divides a text frame into columns (破栏), back to one per basic column, and refuses columns too narrow', () => {
    const meta = sampleMeta();
    const id = '02-text-zhaoshang-yinqiang';
    const two = ok(setTextColumns(meta, PAGE, id, 2));
    expect((findFrame(two, PAGE, id) as TextFrame).columns).toBe(2);
    // As many columns as basic ones spanned is the default: stored as null.
    expect((findFrame(setTextColumns(two, PAGE, id, 5), PAGE, id) as TextFrame).columns).toBeNull();
    expect(setTextColumns(meta, PAGE, id, null)).toBe(meta);
    // 5 basic columns of 13 characters and 4 gutters: 69 characters; 14 columns of 4 with 13 gutters is 69, 15 would not fit.
    expect(maxColumns(meta, 5)).toBe(14);
    expect(refusal(() => setTextColumns(meta, PAGE, id, 15))).toBe('这个框宽 5 栏，最多分 14 栏（每栏至少 4 字）');
    expect(refusal(() => setTextColumns(meta, PAGE, '15-image-tupian-leifeng', 2))).toBe('框 15-image-tupian-leifeng 不是文字框');
  });

  it('lets a text frame ignore the page’s wrap: its text runs across a picture laid over it', async () => {
    const sample = await openSample();
    const id = '02-text-zhaoshang-yinqiang';
    // A picture over the first two columns of the frame, lines 12–19.
    const photo = addFrame(sample.meta, PAGE, { kind: 'image', storyId: 'zhaoshang-yinqiang', photoIndex: 0, rect: { col: 0, span: 2, line: 12, lines: 8 } }).meta;
    const capacity = async (m: IssueMeta) => {
      const r = await layOut(m, sample.stories);
      return r.report.stories.find((s) => s.storyId === 'zhaoshang-yinqiang')!.frames.find((f) => f.frameId === id)!.capacity;
    };
    const open = await capacity(sample.meta);
    const wrapped = await capacity(photo);
    expect(wrapped).toBeLessThan(open);
    const off = ok(setTextWrap(photo, PAGE, id, false));
    expect((findFrame(off, PAGE, id) as TextFrame).wrap).toBe(false);
    expect(await capacity(off)).toBe(open);
    // Back on: the key goes, and nothing changes when nothing would.
    expect('wrap' in findFrame(setTextWrap(off, PAGE, id, true), PAGE, id)).toBe(false);
    expect(setTextWrap(photo, PAGE, id, true)).toBe(photo);
  }, 60_000);

  it('sets a picture’s fit, text wrap and standoff; wrap off takes it out of the page’s obstacles', () => {
    const meta = sampleMeta();
    const id = '15-image-tupian-leifeng';
    const grid = pageGrid(meta.geometry);
    const obstacleIds = (m: IssueMeta) => pageObstacles(grid, m.pages[0]!.frames, 2).map((o) => o.frameId);
    expect(obstacleIds(meta)).toContain(id);

    const fitted = ok(setImageProps(meta, PAGE, id, { fit: 'fit', standoffChars: 2, standoffLines: 1 }));
    expect(findFrame(fitted, PAGE, id)).toMatchObject({ fit: 'fit', standoffChars: 2, standoffLines: 1 });
    const off = ok(setImageProps(fitted, PAGE, id, { wrap: false }));
    expect((findFrame(off, PAGE, id) as ImageFrame).wrap).toBe(false);
    expect(obstacleIds(off)).not.toContain(id);
    // Back on: the key goes, so the file reads as before.
    const on = ok(setImageProps(off, PAGE, id, { wrap: true }));
    expect('wrap' in findFrame(on, PAGE, id)).toBe(false);
    expect(wrapsText(findFrame(on, PAGE, id) as ImageFrame)).toBe(true);
    expect(setImageProps(meta, PAGE, id, { wrap: true, fit: 'fill' })).toBe(meta);

    expect(refusal(() => setImageProps(meta, PAGE, id, { standoffChars: 6 }))).toBe('左右间距「6」无效：应为 0–5 字');
    expect(refusal(() => setImageProps(meta, PAGE, id, { standoffLines: -1 }))).toBe('上下间距「-1」无效：应为 0–5 行');
    expect(refusal(() => setImageProps(meta, PAGE, id, { standoffChars: 1.5 }))).toBe('左右间距「1.5」无效：应为 0–5 字');
  });

  it('chooses which parts a headline block shows, at least one; the layout draws only those', async () => {
    const meta = sampleMeta();
    const id = '01-headline-zhaoshang-yinqiang';
    const mainOnly = ok(setHeadlineParts(setHeadlineParts(meta, PAGE, id, { kicker: false }), PAGE, id, { sub: false }));
    expect(partsOf(findFrame(mainOnly, PAGE, id) as HeadlineFrame)).toEqual({ kicker: false, main: true, sub: false });
    expect(refusal(() => setHeadlineParts(mainOnly, PAGE, id, { main: false }))).toBe('标题框至少要显示引题、主题、副题中的一项');
    const all = setHeadlineParts(mainOnly, PAGE, id, { kicker: true, sub: true });
    expect('parts' in findFrame(all, PAGE, id)).toBe(false);

    // Laid out with a 引题 and a 副题 on the story: the block draws what its parts say.
    const sample = await openSample();
    const story = sample.stories.get('zhaoshang-yinqiang')!;
    const stories = new Map(sample.stories).set(story.id, { ...story, headline: { kicker: ['招商引资'], main: story.headline.main, sub: ['新区签约项目二十个'] } });
    const fields = async (m: IssueMeta) => {
      const r = await layOut(m, stories);
      const set = new Set<string>();
      for (const item of r.display.pages[0]!.items) if (item.kind === 'glyph' && item.src?.storyId === story.id && item.src.field !== 'body') set.add(item.src.field);
      return [...set].sort();
    };
    expect(await fields(sample.meta)).toEqual(['headline', 'kicker', 'subtitle']);
    const noKicker = setHeadlineParts(sample.meta, PAGE, id, { kicker: false });
    expect(await fields(noKicker)).toEqual(['headline', 'subtitle']);
  }, 60_000);

  it('sets a headline block vertical (竖题) and back; the layout turns its lines into columns', async () => {
    const sample = await openSample();
    const id = '01-headline-zhaoshang-yinqiang';
    const vertical = ok(setHeadlineOrientation(sample.meta, PAGE, id, 'vertical'));
    expect((findFrame(vertical, PAGE, id) as HeadlineFrame).orientation).toBe('vertical');
    expect(setHeadlineOrientation(vertical, PAGE, id, 'vertical')).toBe(vertical);
    expect('orientation' in findFrame(setHeadlineOrientation(vertical, PAGE, id, 'horizontal'), PAGE, id)).toBe(false);
    expect(refusal(() => setHeadlineOrientation(sample.meta, PAGE, '15-image-tupian-leifeng', 'vertical'))).toMatch(/不是标题框/);
    // Horizontal: the 主题's glyphs share one baseline; vertical: one x, going down the column.
    const mainGlyphs = async (m: IssueMeta) => {
      const r = await layOut(m, sample.stories);
      return r.display.pages[0]!.items.flatMap((i) => (i.kind === 'glyph' && i.src?.storyId === 'zhaoshang-yinqiang' && i.src.field === 'headline' ? [i] : []));
    };
    const across = await mainGlyphs(sample.meta);
    expect(new Set(across.map((g) => g.y.toFixed(2))).size).toBe(1);
    const down = await mainGlyphs(vertical);
    expect(down.length).toBe(across.length);
    expect(new Set(down.map((g) => g.y.toFixed(2))).size).toBeGreaterThan(down.length / 2);
  }, 60_000);

  it('moves a text frame earlier or later in its story’s thread, and says where it stands', () => {
    const drawn = addFrame(sampleMeta(), PAGE, { kind: 'text', storyId: 'zhongda-xiangmu', rect: { col: 0, span: 2, line: 100, lines: 10 } });
    const meta = ok(drawn.meta);
    const first = '04-text-zhongda-xiangmu';
    expect(threadOf(meta, 'zhongda-xiangmu').map((l) => l.frameId)).toEqual([first, drawn.frameId]);
    expect(threadPosition(meta, PAGE, drawn.frameId)).toEqual({ at: 2, of: 2 });

    const earlier = ok(moveInThread(meta, PAGE, drawn.frameId, -1));
    expect(threadOf(earlier, 'zhongda-xiangmu').map((l) => l.frameId)).toEqual([drawn.frameId, first]);
    expect(threadPosition(earlier, PAGE, drawn.frameId)).toEqual({ at: 1, of: 2 });
    expect(refusal(() => moveInThread(earlier, PAGE, drawn.frameId, -1))).toBe('已是续排的第一个框');
    expect(refusal(() => moveInThread(earlier, PAGE, first, 1))).toBe('已是续排的最后一个框');
    expect(threadOf(moveInThread(earlier, PAGE, first, -1), 'zhongda-xiangmu').map((l) => l.frameId)).toEqual([first, drawn.frameId]);
    expect(threadPosition(meta, PAGE, '15-image-tupian-leifeng')).toBeNull();
  });

  it('is undone and redone like every frame edit: the pages before and after', () => {
    const meta = sampleMeta();
    const id = '15-image-tupian-leifeng';
    const next = setImageProps(meta, PAGE, id, { fit: 'fit', wrap: false });
    const stack = record(emptyStack<IssueMeta['pages']>(), '图片框属性', meta.pages);
    const back = undo(stack, next.pages)!;
    expect(back.label).toBe('图片框属性');
    expect(back.state).toEqual(meta.pages);
    const again = redo(back.stack, back.state)!;
    expect(findFrame({ ...meta, pages: [...again.state] }, PAGE, id)).toMatchObject({ fit: 'fit', wrap: false });
  });
});
