import { describe, expect, it } from 'vitest';
import { centredBaseline, LayoutEngine, lineBaseline, lineTop, pageGrid } from '../../src/core/layout';
import { BROADSHEET, type Frame } from '../../src/core/model';
import { EM, FixedTypesetter } from './fixed-typesetter';
import { han, issue, stories, story, text } from './fixtures';

const grid = pageGrid(BROADSHEET);

describe('threading (续排)', () => {
  it('flows through frames in threadIndex order, not page or frame order, each line on a grid baseline', () => {
    const s = story('s', [han(60), han(60, 7), han(60, 13)]);
    // Thread: page 1 frame b (index 0) → page 1 frame a (index 1) → page 2 frame c (index 2).
    const meta = issue([
      { number: '02', frames: [text('a', 's', 4, 1, 0, 5, { threadIndex: 1 }), text('b', 's', 0, 1, 0, 5, { threadIndex: 0 })] },
      { number: '03', frames: [text('c', 's', 0, 1, 20, 10, { threadIndex: 2 })] },
    ], ['s']);
    const r = new LayoutEngine(new FixedTypesetter()).layout(meta, stories(s));
    const t = r.threads.get('s')!;
    const body = t.placed.filter((p) => p.kind === 'body');
    const order = [...new Set(body.map((p) => p.slot.frameId))];
    expect(order).toEqual(['b', 'a', 'c']);
    for (let i = 1; i < body.length; i++) expect(body[i]!.line.start).toBeGreaterThanOrEqual(body[i - 1]!.line.end);
    for (const p of t.placed) expect(p.baseline).toBeCloseTo(lineBaseline(grid, p.slot.line), 9);
  });

  it('writes jump lines where the thread crosses pages, and only when the text gets there', () => {
    const long = story('s', [han(200)]);
    const frames = (id: string): { number: string; frames: Frame[] }[] => [
      { number: '02', frames: [text(`${id}1`, 's', 0, 1, 0, 5)] },
      { number: 'A03', frames: [text(`${id}2`, 's', 0, 1, 0, 20, { threadIndex: 1 })] },
    ];
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue(frames('x'), ['s']), stories(long));
    const page1 = r.display.pages[0]!.items.filter((i) => i.kind === 'glyph' && i.src?.field === 'jump').map((g) => (g.kind === 'glyph' ? g.text : '')).join('');
    const page2 = r.display.pages[1]!.items.filter((i) => i.kind === 'glyph' && i.src?.field === 'jump').map((g) => (g.kind === 'glyph' ? g.text : '')).join('');
    expect(page1).toBe('（下转第A3版）');
    expect(page2).toBe('（上接第2版）');
    const t = r.threads.get('s')!;
    // 200 chars: 11 + 13·3 = 50 on page 2 (its last line is the jump), 150 after the 上接 line → 12 lines (13·11 + 7).
    expect(t.placed.filter((p) => p.kind === 'body' && p.slot.frameId === 'x1')).toHaveLength(4);
    expect(t.frames.map((f) => f.used)).toEqual([5, 1 + 12]);

    // A story that ends on the first page needs no jump and keeps all its lines.
    const short = story('s', [han(50)]);
    const r2 = new LayoutEngine(new FixedTypesetter()).layout(issue(frames('y'), ['s']), stories(short));
    expect(r2.display.pages.flatMap((p) => p.items).some((i) => i.kind === 'glyph' && i.src?.field === 'jump')).toBe(false);
    expect(r2.report.stories[0]!.frames.map((f) => f.used)).toEqual([4, 0]);
  });

  it('a sub-head never ends a column without the body lines kept with it', () => {
    // Column of 5 lines: paragraph of 3 lines (11+13+12=36), then a sub-head that needs 1 + 2 lines: only 2 left.
    const s = story('s', [han(36), { subhead: '小标题' }, han(20)]);
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [text('t', 's', 0, 2, 0, 5)] }], ['s']), stories(s));
    const sub = r.threads.get('s')!.placed.find((p) => p.line.glyphs[0]?.text === '小')!;
    expect(sub.slot.column).toBe(1);
    expect(sub.slot.line).toBe(0);
  });

  it('text keeps out of a picture and its standoff, and never runs in a sliver', () => {
    const s = story('s', [han(400)]);
    s.photos.push({ assetId: null, caption: '', credit: '' });
    const img: Frame = { id: 'img', kind: 'image', storyId: 's', photoIndex: 0, col: 0, span: 2, line: 4, lines: 6, captionLines: 0, standoffChars: 1, standoffLines: 1, fit: 'fill' };
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [text('t', 's', 0, 3, 0, 20, { columns: 2 }), img] }], ['s']), stories(s));
    // 3 basic columns broken into 2 of 20; the picture covers 0..27 chars + 1 standoff: column 1 keeps 20 − (28 − 21) = 13.
    const t = r.threads.get('s')!;
    const left = grid.area.x;
    for (const p of t.placed) {
      const inBand = p.slot.line >= 3 && p.slot.line < 11;
      if (p.slot.column === 0) expect(inBand).toBe(false);
      if (p.slot.column === 1 && inBand) {
        expect(p.slot.x).toBeCloseTo(left + 28 * EM, 9);
        expect(p.slot.width).toBeCloseTo(13 * EM, 9);
      }
      for (const g of p.line.glyphs) expect(p.slot.x + g.x).toBeGreaterThanOrEqual(left + 28 * EM - 1e-9 - (inBand ? 0 : Infinity));
    }
    // With a minimum fragment wider than what is left, the column is skipped beside the picture.
    const strict = { ...issue([{ number: '01', frames: [text('t', 's', 0, 3, 0, 20, { columns: 2 }), img] }], ['s']) };
    const r2 = new LayoutEngine(new FixedTypesetter()).layout({ ...strict, house: { ...strict.house, minFragmentChars: 14 } }, stories(s));
    expect(r2.threads.get('s')!.placed.some((p) => p.slot.line >= 3 && p.slot.line < 11)).toBe(false);
  });
});

describe('picture frames without their photo', () => {
  it('draw the empty-frame cross instead of an image, and the report names each one with its frame and why', () => {
    const s = story('s', [han(40)]);
    s.photos.push({ assetId: null, caption: '', credit: '' }, { assetId: 'gone.jpg', caption: '', credit: '' });
    const img = (id: string, photoIndex: number, col: number): Frame => ({ id, kind: 'image', storyId: 's', photoIndex, col, span: 2, line: 0, lines: 6, captionLines: 0, standoffChars: 1, standoffLines: 0, fit: 'fill' });
    // Frame c asks for a third photo the story does not have.
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '05', frames: [img('a', 0, 0), img('b', 1, 3), img('c', 2, 6)] }], ['s']), stories(s));
    const items = r.display.pages[0]!.items;
    expect(items.some((i) => i.kind === 'image')).toBe(false);
    const rects = items.filter((i) => i.kind === 'rect');
    const rules = items.filter((i) => i.kind === 'rule');
    expect(rects).toHaveLength(3);
    expect(rules).toHaveLength(6);
    // Each frame's diagonals run corner to corner of its box.
    for (const rect of rects) {
      if (rect.kind !== 'rect') continue;
      const mine = rules.filter((l) => l.kind === 'rule' && Math.min(l.x1, l.x2) === rect.x);
      expect(mine.map((l) => (l.kind === 'rule' ? [l.x1, l.y1, l.x2, l.y2] : []))).toEqual([
        [rect.x, rect.y, rect.x + rect.w, rect.y + rect.h],
        [rect.x + rect.w, rect.y, rect.x, rect.y + rect.h],
      ]);
    }
    const pageId = r.report.pages[0]!.pageId;
    expect(r.report.stories[0]!.photosMissing).toEqual([
      { reason: 'no-asset', frameId: 'a', photoIndex: 0, pageId, pageNumber: '05' },
      { reason: 'asset-not-in-issue', assetId: 'gone.jpg', frameId: 'b', photoIndex: 1, pageId, pageNumber: '05' },
      { reason: 'no-photo', frameId: 'c', photoIndex: 2, pageId, pageNumber: '05' },
    ]);
  });

  it('a frame whose photo is in the issue is not reported', () => {
    const s = story('s', [han(40)]);
    const id = `${'a'.repeat(64)}.jpg`;
    s.photos.push({ assetId: id, caption: '', credit: '' });
    const frame: Frame = { id: 'a', kind: 'image', storyId: 's', photoIndex: 0, col: 0, span: 2, line: 0, lines: 6, captionLines: 0, standoffChars: 1, standoffLines: 0, fit: 'fill' };
    const meta = issue([{ number: '05', frames: [frame] }], ['s']);
    const r = new LayoutEngine(new FixedTypesetter()).layout({ ...meta, assets: [{ id, format: 'jpeg', widthPx: 1200, heightPx: 900, colorSpace: 'cmyk', dpi: null, bytes: 1, originalName: 'a.jpg', source: '' }] }, stories(s));
    expect(r.report.stories[0]!.photosMissing).toEqual([]);
    expect(r.display.pages[0]!.items.some((i) => i.kind === 'image')).toBe(true);
  });
});

describe('headline blocks', () => {
  it('occupy whole grid lines, centred on whole lines in their frame', () => {
    const s = story('s', [han(10)], { headline: { kicker: ['引题文字'], main: ['主题文字'], sub: [] } });
    const head: Frame = { id: 'h', kind: 'headline', storyId: 's', col: 0, span: 4, line: 10, lines: 8, align: 'center', scaleX: 100 };
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [head] }], ['s']), stories(s));
    const glyphs = r.display.pages[0]!.items.filter((i) => i.kind === 'glyph');
    // kicker 2 lines + main 3 lines = 5; frame 8 → starts 1 line down (⌊3/2⌋).
    const kicker = glyphs.filter((g) => g.kind === 'glyph' && g.src?.field === 'kicker');
    const main = glyphs.filter((g) => g.kind === 'glyph' && g.src?.field === 'headline');
    expect(kicker[0]!.y).toBeCloseTo(centredBaseline(lineTop(grid, 11), 2, grid.pitch, grid.em, 18), 9);
    expect(main[0]!.y).toBeCloseTo(centredBaseline(lineTop(grid, 13), 3, grid.pitch, grid.em, 24), 9);
    expect(r.report.stories[0]!.problems).toEqual([]);
  });

  it('condense a 主题 too wide for its frame (长体), and report one that still does not fit', () => {
    // 13-char column = 117 pt; 5 characters of 24 pt = 120 pt → 95 % fits.
    const s = story('s', [han(10)], { headline: { kicker: [], main: ['一二三四五'], sub: [] } });
    const head = (span: number): Frame => ({ id: 'h', kind: 'headline', storyId: 's', col: 0, span, line: 10, lines: 4, align: 'center', scaleX: 100 });
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [head(1)] }], ['s']), stories(s));
    const g = r.display.pages[0]!.items.find((i) => i.kind === 'glyph')!;
    expect(g.kind === 'glyph' && g.scaleX).toBe(0.95);
    const s2 = story('s', [han(10)], { headline: { kicker: [], main: ['一二三四五六七'], sub: [] } });
    const r2 = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [head(1)] }], ['s']), stories(s2));
    expect(r2.report.stories[0]!.problems.join()).toContain('比标题框宽');
  });
});

describe('relayout cache', () => {
  it('an edit in one story sets only that story again', () => {
    const a = story('a', [han(100)]);
    const b = story('b', [han(100)]);
    const ts = new FixedTypesetter();
    const engine = new LayoutEngine(ts);
    const meta = issue([{ number: '01', frames: [text('ta', 'a', 0, 2, 0, 10), text('tb', 'b', 2, 2, 0, 10)] }], ['a', 'b']);
    engine.layout(meta, stories(a, b));
    const before = ts.calls;
    const edited = story('b', [han(100).replace('天', '地')]);
    const r = engine.layout(meta, stories(a, edited));
    const calls = ts.calls - before;
    expect(calls).toBeGreaterThan(0);
    // Story b has one paragraph: set once per measure change at most.
    expect(calls).toBeLessThanOrEqual(2);
    expect(r.display.pages[0]!.items.some((i) => i.kind === 'glyph' && i.src?.storyId === 'a')).toBe(true);
  });
});

describe('faces table', () => {
  it('lists every face a glyph of the page uses, box titles included', () => {
    const s = story('s', [han(30)]);
    const box: Frame = { id: 'b', kind: 'box', col: 0, span: 3, line: 0, lines: 10, title: '专栏', storyId: null, strokePt: 0.5, tint: null };
    const r = new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [box, text('t', 's', 0, 3, 3, 5)] }], ['s']), stories(s));
    const page = r.display.pages[0]!;
    for (const i of page.items) if (i.kind === 'glyph') expect(page.faces[i.face]).toBeDefined();
    expect(page.items.some((i) => i.kind === 'glyph' && i.src?.field === 'label' && i.text === '专')).toBe(true);
  });
});
