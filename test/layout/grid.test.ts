import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BROADSHEET, TABLOID, typeArea } from '../../src/core/model';
import { blockRect, frameColumns, gridRect, headlineLinesFor, lineBaseline, lineSegment, pageGrid } from '../../src/core/layout';

describe('page grid (DESIGN.md §3a, checklist 26–30)', () => {
  it('对开: 8 × 13 with 1-char gutters is 111 em = 999 pt, 123 lines, centred on the trim', () => {
    const g = pageGrid(BROADSHEET);
    expect(g.area.widthChars).toBe(111);
    expect(g.area.width).toBeCloseTo(999, 9);
    expect(g.area.height).toBeCloseTo(123 * 11.25, 9);
    expect(g.area.x * 2 + g.area.width).toBeCloseTo(g.pageWidth, 9);
    expect(g.area.y * 2 + g.area.height).toBeCloseTo(g.pageHeight, 9);
  });

  it('四开: 6 × 11 with 1-char gutters is a 71-char type width (checklist 29)', () => {
    expect(typeArea(TABLOID).widthChars).toBe(71);
  });

  it('baseline of line k = area top + k·pitch + 0.88 em (checklist 26)', () => {
    const g = pageGrid(BROADSHEET);
    for (const k of [0, 1, 57, 122]) expect(lineBaseline(g, k)).toBeCloseTo(g.area.y + k * 11.25 + 0.88 * 9, 9);
  });

  it('长栏 and 破栏 by the trade arithmetic (checklist 28)', () => {
    const g = BROADSHEET;
    expect(frameColumns(g, 2, 1)[0]!.widthChars).toBe(27);
    expect(frameColumns(g, 3, 1)[0]!.widthChars).toBe(41);
    expect(frameColumns(g, 5, 1)[0]!.widthChars).toBe(69);
    expect(frameColumns(g, 3, 2).map((c) => c.widthChars)).toEqual([20, 20]);
    expect(frameColumns(g, 5, 3).map((c) => c.widthChars)).toEqual([22, 22, 23]);
    // Offsets keep the 1-char gutter between the broken columns.
    expect(frameColumns(g, 5, 3).map((c) => c.offsetChars)).toEqual([0, 23, 46]);
    // Basic columns sit on the basic grid.
    expect(frameColumns(g, 3, null).map((c) => c.offsetChars)).toEqual([0, 14, 28]);
    // A box inset of one character each side re-divides what is left.
    expect(frameColumns(g, 5, 1, 1)).toEqual([{ offsetChars: 1, widthChars: 67 }]);
  });

  it('frame widths in pt are chars × body size', () => {
    const g = pageGrid(BROADSHEET);
    const r = gridRect(g, { col: 2, span: 3, line: 10, lines: 4 });
    expect(r.w).toBeCloseTo(41 * 9, 9);
    expect(r.x).toBeCloseTo(g.area.x + 2 * 14 * 9, 9);
    expect(r.h).toBeCloseTo(3 * 11.25 + 9, 9);
  });

  it('blocks (pictures, boxes) are whole multiples of the pitch (checklist 27)', () => {
    const g = pageGrid(BROADSHEET);
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 20 }), (line, lines) => {
      const r = blockRect(g, { col: 0, span: 2, line, lines });
      const n = r.h / g.pitch;
      return Math.abs(n - Math.round(n)) < 1e-9 && Math.round(n) === lines;
    }));
  });

  it('headline height: 30 pt + 21 pt at 11.25 pt pitch with 3 lines of white → 8 lines (checklist 30)', () => {
    expect(headlineLinesFor(BROADSHEET, [30, 21], 3)).toBe(8);
    expect(headlineLinesFor(BROADSHEET, [22.5], 0)).toBe(2);
    expect(headlineLinesFor(BROADSHEET, [22.6], 0)).toBe(3);
  });
});

describe('text wrap (图文互斥, checklist 32)', () => {
  const em = 9;
  const obstacle = (x1: number, x2: number) => ({ frameId: 'img', x1, x2, lineFrom: 5, lineTo: 10 });

  it('a line outside the obstacle keeps the full column', () => {
    expect(lineSegment(0, 13 * em, 4, [obstacle(0, 50)], em, 4)).toEqual({ x: 0, width: 13 * em });
  });

  it('the fragment beside a picture hugs the side away from it, in whole characters', () => {
    // picture covers 0..5.5 em: 7.5 em remain → 7 whole characters flush right.
    const s = lineSegment(0, 13 * em, 6, [obstacle(0, 5.5 * em)], em, 4)!;
    expect(s.width).toBe(7 * em);
    expect(s.x + s.width).toBeCloseTo(13 * em, 9);
  });

  it('never leaves a fragment narrower than the minimum', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 13, noNaN: true }), fc.double({ min: 0, max: 13, noNaN: true }), fc.integer({ min: 1, max: 8 }), (a, b, min) => {
      const [x1, x2] = a < b ? [a, b] : [b, a];
      const s = lineSegment(0, 13 * em, 7, [obstacle(x1 * em, x2 * em)], em, min);
      if (s === null) return true;
      const chars = s.width / em;
      const overlaps = s.x < x2 * em - 1e-5 && s.x + s.width > x1 * em + 1e-5 && x2 > x1 + 1e-9;
      return chars >= min && Math.abs(chars - Math.round(chars)) < 1e-9 && !overlaps;
    }));
  });

  it('a column fully covered has no segment', () => {
    expect(lineSegment(0, 13 * em, 7, [obstacle(-9, 14 * em)], em, 4)).toBeNull();
  });
});
