// Vertical headlines (竖题, TYPESETTING.md §6.3, checklist 31): which cell each character takes, where its
// ink lands in the cell (real Noto glyphs, `vert` forms), the fallbacks for fonts without `vert` forms, the
// block on the page in whole grid lines, and the same turned glyph in SVG and PDF.
import { beforeAll, describe, expect, it } from 'vitest';
import type { DisplayPage, GlyphItem } from '../../src/core/display/types';
import { FontRegistry, type FontStyle } from '../../src/core/fonts';
import { gridRect, LayoutEngine, pageGrid } from '../../src/core/layout';
import { verticalHeadlineLines } from '../../src/core/layout/headline-vertical';
import { verticalCells } from '../../src/core/layout/vertical-cells';
import { setVerticalText } from '../../src/core/layout/vertical-set';
import { BROADSHEET, type Frame, HeadlineFrameSchema } from '../../src/core/model';
import { pageContent } from '../../src/core/pdf/content';
import { renderSvg } from '../../src/core/render';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { FixedTypesetter } from './fixed-typesetter';
import { han, issue, stories, story } from './fixtures';

const grid = pageGrid(BROADSHEET);
const K = { c: 0, m: 0, y: 0, k: 1 };

describe('vertical cells', () => {
  it('Han upright, `，。、` to the corner, brackets and dashes sideways, 2–3 digits 纵中横, longer numbers sideways', () => {
    const cells = verticalCells('重点，项目。（开工）——第12届2024年……、A　');
    expect(cells.map((c) => `${c.kind}:${c.text}`)).toEqual([
      'upright:重', 'upright:点', 'corner:，', 'upright:项', 'upright:目', 'corner:。', 'sideways:（', 'upright:开', 'upright:工',
      'sideways:）', 'sideways:——', 'upright:第', 'tcy:12', 'upright:届', 'sideways:2024', 'upright:年', 'sideways:…', 'sideways:…',
      'corner:、', 'upright:A', 'space:\u3000',
    ]);
    // Offsets are the source offsets of each cell's first character.
    expect(cells.find((c) => c.text === '——')!.offset).toBe(10);
    expect(cells.find((c) => c.text === '12')!.offset).toBe(13);
    expect(verticalCells('3个').map((c) => c.kind)).toEqual(['upright', 'upright']);
    expect(verticalCells('100天').map((c) => c.kind)).toEqual(['tcy', 'upright']);
  });
});

describe('vertical headline height in whole grid lines', () => {
  it('is the longest column plus one headline character of white top and bottom, rounded up to lines', () => {
    // 10 cells of 24 pt = 240 pt + 2 × 24 white = 288 pt; n lines are (n − 1) × 11.25 + 9 pt:
    // 25 lines = 279 pt is short, 26 lines = 290.25 pt holds it.
    expect(verticalHeadlineLines(11.25, 9, 240, 24)).toBe(26);
    expect((26 - 1) * 11.25 + 9).toBeGreaterThanOrEqual(288);
    expect((25 - 1) * 11.25 + 9).toBeLessThan(288);
    // Exactly on a line: 24 × 11.25 + 9 = 279 = 231 + 48.
    expect(verticalHeadlineLines(11.25, 9, 231, 24)).toBe(25);
  });
});

/** Ink box of a placed glyph in page coordinates (y down), from the font's glyph bounds (em, y up). */
function inkBox(g: GlyphItem, b: { minX: number; minY: number; maxX: number; maxY: number }): { x0: number; x1: number; y0: number; y1: number } {
  const sx = g.size * g.scaleX;
  const sy = g.size * (g.scaleY ?? 1);
  if (g.rotate === 90) return { x0: g.x + b.minY * sy, x1: g.x + b.maxY * sy, y0: g.y + b.minX * sx, y1: g.y + b.maxX * sx };
  return { x0: g.x + b.minX * sx, x1: g.x + b.maxX * sx, y0: g.y - b.maxY * sy, y1: g.y - b.minY * sy };
}

describe('vertical column with real fonts (Noto Serif SC, its vert forms)', () => {
  const font: FontStyle = { role: '标宋', weight: 900 };
  const S = 24;
  const TEXT = '招商，引资。重点、（开工）——第12届2024年……';
  let fonts: FontRegistry;
  let glyphs: readonly GlyphItem[];
  let height: number;
  const at = (text: string, nth = 0): GlyphItem => glyphs.filter((g) => g.text === text)[nth]!;
  const ink = (g: GlyphItem) => inkBox(g, fonts.face(g.face).glyphBounds(g.gid));
  /** Top of the cell a glyph sits in: cells are whole ems from the column top (no tracking in this style). */
  const cellTop = (g: GlyphItem): number => Math.floor((g.rotate ? g.y : g.y - 0.88 * S) / S + 1e-6) * S;

  beforeAll(async () => {
    fonts = new FontRegistry(nodeFontLoader);
    await fonts.ensure(TEXT, [font]);
    const set = setVerticalText(TEXT, fonts, { font, size: S, scaleX: 1, scaleY: 1, trackingEm: 0, color: K });
    glyphs = set.glyphs;
    height = set.height;
  });

  it('stacks cells top to bottom: Han upright, one em each, centred on the column', () => {
    const zhao = at('招');
    const shang = at('商');
    expect(zhao.rotate).toBeUndefined();
    expect(zhao.x).toBeCloseTo(-S / 2, 9);
    expect(zhao.y).toBeCloseTo(0.88 * S, 9);
    expect(shang.y - zhao.y).toBeCloseTo(S, 9);
    expect(shang.x).toBeCloseTo(zhao.x, 9);
    // 招商，引资。重点、（开工）= 13 cells, —— 2, 第 12 届 3, 2024 sideways (its width), 年, …… 2.
    const w2024 = ['2', '0', '2', '4'].reduce((a, ch) => a + fonts.glyph(font, ch.codePointAt(0)!).advance, 0) * S;
    expect(height).toBeCloseTo((13 + 2 + 3 + 1 + 2) * S + w2024, 6);
  });

  for (const mark of ['，', '。', '、']) {
    it(`puts ${mark} in the upper-right quarter of its cell`, () => {
      const g = at(mark);
      const b = ink(g);
      const top = cellTop(g);
      expect(g.rotate).toBeUndefined();
      expect(b.x0).toBeGreaterThanOrEqual(0); // right of the column's centre line
      expect(b.x1).toBeLessThanOrEqual(S / 2 + 1e-6);
      expect(b.y1).toBeLessThanOrEqual(top + S / 2); // above the cell's middle
      expect(b.y0).toBeGreaterThanOrEqual(top - 1e-6);
      // Drawn with the font's vertical form, not the horizontal glyph moved.
      expect(g.gid).not.toBe(fonts.glyph(font, mark.codePointAt(0)!).gid);
    });
  }

  it('turns brackets: （ lies flat in the lower half of its cell, ） in the upper half', () => {
    const open = ink(at('（'));
    const close = ink(at('）'));
    const openTop = cellTop(at('（'));
    const closeTop = cellTop(at('）'));
    // Flat: wider across the column than along it.
    expect(open.x1 - open.x0).toBeGreaterThan(2 * (open.y1 - open.y0));
    expect(close.x1 - close.x0).toBeGreaterThan(2 * (close.y1 - close.y0));
    expect(open.y0).toBeGreaterThanOrEqual(openTop + S / 2 - 0.1 * S); // hugs the character below it
    expect(close.y1).toBeLessThanOrEqual(closeTop + S / 2 + 0.1 * S); // hugs the character above it
  });

  it('turns —— 90° into one 2-em stroke along the column, and …… into dots down the column', () => {
    const dash = glyphs.filter((g) => g.text.startsWith('—'));
    expect(dash.every((g) => g.rotate === 90)).toBe(true); // Noto has no vertical form for U+2014: turned
    const boxes = dash.map(ink);
    const top = Math.min(...boxes.map((b) => b.y0));
    const bottom = Math.max(...boxes.map((b) => b.y1));
    expect(bottom - top).toBeGreaterThan(1.8 * S);
    expect(bottom - top).toBeLessThanOrEqual(2 * S + 1e-6);
    for (const b of boxes) expect(b.x1 - b.x0).toBeLessThan(0.2 * S);
    for (const b of boxes) expect(Math.abs((b.x0 + b.x1) / 2)).toBeLessThan(0.15 * S); // on the centre line
    for (const g of glyphs.filter((x) => x.text === '…')) {
      const b = ink(g);
      expect(b.y1 - b.y0).toBeGreaterThan(2 * (b.x1 - b.x0)); // tall, not wide
    }
  });

  it('sets 12 upright, side by side in one cell (纵中横), and turns 2024', () => {
    const one = at('1');
    const two = glyphs.find((g) => g.text === '2' && !g.rotate)!;
    expect(one.rotate).toBeUndefined();
    expect(two.rotate).toBeUndefined();
    expect(two.y).toBeCloseTo(one.y, 9); // one baseline: one cell
    expect(two.x).toBeGreaterThan(one.x);
    expect(one.x).toBeGreaterThanOrEqual(-S / 2 - 1e-6);
    expect(two.x + two.advance).toBeLessThanOrEqual(S / 2 + 1e-6);
    expect(two.x + two.advance + one.x).toBeCloseTo(0, 6); // centred on the column
    expect(cellTop(one)).toBeCloseTo(cellTop(at('第')) + S, 6);
    const year = glyphs.filter((g) => g.rotate === 90 && /[0-9]/.test(g.text));
    expect(year.map((g) => g.text).join('')).toBe('2024');
  });
});

describe('fallbacks for a font without vert forms', () => {
  // A registry whose faces know no `vert` feature: the horizontal Noto metrics, nothing else.
  const HORIZONTAL_COMMA = { minX: 0.039, minY: -0.236, maxX: 0.237, maxY: 0.157 };
  const fake = {
    glyph: (_: FontStyle, cp: number) => ({ face: 'f', gid: cp, advance: cp < 0x2000 ? 0.5 : 1 }),
    face: () => ({ verticalGlyph: () => null, glyphBounds: () => HORIZONTAL_COMMA }),
    dash: () => ({ face: 'f', gids: [0x2014, 0x2014], advance: 1.8 }),
  } as unknown as FontRegistry;
  const set = setVerticalText('国，（——', fake, { font: { role: '标宋', weight: 900 }, size: 20, scaleX: 1, scaleY: 1, trackingEm: 0, color: K });

  it('moves a corner mark by mirroring its ink through the cell centre: lower left → upper right', () => {
    const comma = set.glyphs.find((g) => g.text === '，')!;
    const b = inkBox(comma, HORIZONTAL_COMMA);
    const top = 20; // second cell
    expect(b.x0).toBeGreaterThan(0);
    expect(b.x1).toBeLessThanOrEqual(10);
    expect(b.y1).toBeLessThan(top + 10);
    expect(b.y0).toBeGreaterThanOrEqual(top + 0.04 * 20 - 1e-9); // 0.04 em below the em box's top at least
    expect(b.x1).toBeCloseTo(10 - 0.039 * 20, 9); // as far from the right edge as it was from the left
  });

  it('keeps a character no font draws flagged as missing (drawn as 〓, listed by preflight)', () => {
    const flagging = {
      ...fake,
      glyph: (_: FontStyle, cp: number) => (cp === 0x20bb7 ? { face: 'f', gid: 1, advance: 1, missing: true } : { face: 'f', gid: cp, advance: 1 }),
      face: () => { throw new Error('a missing glyph has no vertical form to look up'); },
    } as unknown as FontRegistry;
    const col = setVerticalText('\u{20bb7}', flagging, { font: { role: '标宋', weight: 900 }, size: 20, scaleX: 1, scaleY: 1, trackingEm: 0, color: K });
    expect(col.glyphs).toHaveLength(1);
    expect(col.glyphs[0]!.missing).toBe(true);
    expect(col.glyphs[0]!.text).toBe('\u{20bb7}');
    expect(col.height).toBe(20);
  });

  it('turns brackets and the dash 90° about their origin; the dash is stretched to exactly 2 em', () => {
    const bracket = set.glyphs.find((g) => g.text === '（')!;
    expect(bracket.rotate).toBe(90);
    expect(bracket.y).toBeCloseTo(40, 9); // third cell's top: the advance runs down from there
    expect(bracket.x).toBeCloseTo(-0.38 * 20, 9); // em box centred across the column
    const dashes = set.glyphs.filter((g) => g.text === '—');
    expect(dashes.map((g) => g.rotate)).toEqual([90, 90]);
    expect(dashes.map((g) => g.y)).toEqual([60, 80]);
    expect(dashes[0]!.scaleX * 1.8).toBeCloseTo(2, 9);
    expect(set.height).toBe(100);
  });
});

describe('vertical headline frames on the page', () => {
  const s = story('s', [han(10)], { headline: { kicker: ['引题'], main: ['竖排主题文字'], sub: [] } });
  const head = (extra: Partial<Frame> = {}): Frame => ({ id: 'h', kind: 'headline', storyId: 's', col: 6, span: 1, line: 10, lines: 20, align: 'center', scaleX: 100, orientation: 'vertical', ...extra } as Frame);
  const layout = (f: Frame) => new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [f] }], ['s']), stories(s));

  it('reads right to left (引题 right of 主题), every glyph inside the frame, centred in its height', () => {
    const r = layout(head());
    const glyphs = r.display.pages[0]!.items.filter((i): i is GlyphItem => i.kind === 'glyph');
    const rect = gridRect(grid, { col: 6, span: 1, line: 10, lines: 20 });
    const kicker = glyphs.filter((g) => g.src?.field === 'kicker');
    const main = glyphs.filter((g) => g.src?.field === 'headline');
    expect(kicker.map((g) => g.text).join('')).toBe('引题');
    expect(main.map((g) => g.text).join('')).toBe('竖排主题文字');
    expect(Math.min(...kicker.map((g) => g.x))).toBeGreaterThan(Math.max(...main.map((g) => g.x + g.size)));
    for (const g of glyphs) {
      expect(g.x).toBeGreaterThanOrEqual(rect.x - 1e-6);
      expect(g.x + g.size).toBeLessThanOrEqual(rect.x + rect.w + 1e-6);
      expect(g.y - 0.88 * g.size).toBeGreaterThanOrEqual(rect.y - 1e-6);
      expect(g.y + 0.12 * g.size).toBeLessThanOrEqual(rect.y + rect.h + 1e-6);
    }
    // 主题 (24 pt, 6 cells = 144 pt) centred in the frame's height.
    const top = main[0]!.y - 0.88 * 24;
    expect(top - rect.y).toBeCloseTo(rect.y + rect.h - (top + 144), 6);
    // Source offsets stay those of the story's headline field.
    expect(main.map((g) => g.src?.offset)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r.report.stories[0]!.problems).toEqual([]);
  });

  it('reports the whole lines it needs when the frame is too short, after condensing the 主题', () => {
    // 6 cells × 24 = 144 pt + 2 × 24 white = 192 pt → 17 lines; 10 lines hold 110.25 pt: too short even at 70 %.
    const r = layout(head({ lines: 10 }));
    expect(r.report.stories[0]!.problems.join()).toMatch(/竖排标题需要\d+行，标题框只有10行/);
    // 14 lines (155.25 pt, room 107.25) fit the 主题 condensed to 70 % (100.8 pt) along the column.
    const fits = layout(head({ lines: 14 }));
    const main = fits.display.pages[0]!.items.filter((i): i is GlyphItem => i.kind === 'glyph' && i.src?.field === 'headline');
    expect(main[0]!.scaleY).toBe(0.7);
    expect(main[1]!.y - main[0]!.y).toBeCloseTo(24 * 0.7, 9);
    expect(fits.report.stories[0]!.problems).toEqual([]);
  });

  it('reports a frame too narrow for its columns', () => {
    // 引题 18 + four 主题 lines 4 × 24 + 副题 14 + byline 10.5 = 138.5 pt of columns + 6 × 9 pt between
    // = 192.5 pt: more than one basic column (13 × 9 = 117 pt), less than two (27 × 9 = 243 pt).
    const many = story('s', [han(10)], { headline: { kicker: ['一'], main: ['二', '三', '四', '五'], sub: ['六'] }, interviewByline: '七' });
    const run = (span: number) => new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [head({ span, col: 0 })] }], ['s']), stories(many));
    expect(run(1).report.stories[0]!.problems.join()).toContain('竖排标题共7列，比标题框宽');
    expect(run(2).report.stories[0]!.problems).toEqual([]);
  });
});

describe('the orientation field', () => {
  it('is optional (absent = horizontal), validated, and a horizontal frame lays out as before', () => {
    const base = { id: 'h', kind: 'headline', storyId: 's', col: 0, span: 4, line: 10, lines: 8 };
    expect(HeadlineFrameSchema.parse(base).orientation).toBeUndefined();
    expect(HeadlineFrameSchema.parse({ ...base, orientation: 'vertical' }).orientation).toBe('vertical');
    const bad = HeadlineFrameSchema.safeParse({ ...base, orientation: 'diagonal' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.path).toEqual(['orientation']);
    const s = story('s', [han(10)], { headline: { kicker: [], main: ['主题文字'], sub: [] } });
    const run = (f: Frame) => new LayoutEngine(new FixedTypesetter()).layout(issue([{ number: '01', frames: [f] }], ['s']), stories(s)).display.pages[0]!.items;
    const parsed = HeadlineFrameSchema.parse(base);
    expect(run({ ...parsed, orientation: 'horizontal' })).toEqual(run(parsed));
  });
});

describe('turned glyphs in SVG and PDF', () => {
  const page: DisplayPage = {
    pageId: 'p', number: '01', width: 100, height: 200, frames: [],
    faces: { f: { key: 'f', family: 'F', weight: 400, file: 'file:/f', psName: 'F', unitsPerEm: 1000 } },
    items: [
      { kind: 'glyph', face: 'f', gid: 5, x: 40, y: 60, size: 20, scaleX: 1, advance: 20, color: K, text: '（', src: null, rotate: 90 },
      { kind: 'glyph', face: 'f', gid: 6, x: 40, y: 80, size: 20, scaleX: 1, advance: 20, color: K, text: '）', src: null, rotate: 90 },
      { kind: 'glyph', face: 'f', gid: 7, x: 30, y: 117.6, size: 20, scaleX: 1, advance: 20, color: K, text: '国', src: null },
    ],
  };

  it('SVG maps the glyph advance downward and its top to the right', () => {
    const svg = renderSvg(page, { outlines: { outline: () => 'M0 0L1 1' } });
    expect(svg).toContain('transform="matrix(0 0.02 0.02 0 40 60)"');
    expect(svg).toContain('transform="matrix(0.02 0 0 -0.02 30 117.6)"');
  });

  it('PDF gives each turned glyph its own text matrix with the same turn (y up: advance → −y, top → +x)', () => {
    const content = pageContent(page, {
      font: () => ({ name: 'F1', use: { cid: (g: GlyphItem) => g.gid, width: () => 1000 } as never }),
      image: () => 'I', overprintOn: 'GS1', overprintOff: 'GS0',
    });
    expect(content).toContain('0 -20 20 0 40 140 Tm');
    expect(content).toContain('0 -20 20 0 40 120 Tm');
    expect(content).toContain('20 0 0 20 30 82.4 Tm');
  });
});
