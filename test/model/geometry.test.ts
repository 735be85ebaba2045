import { describe, expect, it } from 'vitest';
import {
  BROADSHEET,
  GeometrySchema,
  TABLOID,
  brokenColumns,
  gridLine,
  linesFor,
  mmToPt,
  ptToMm,
  spanChars,
  typeArea,
} from '../../src/core/model/index';

describe('page presets (DESIGN.md §3a)', () => {
  it('对开: 390 × 545 mm, 9 pt body on 11.25 pt, 8 × 13 characters, 123 lines', () => {
    expect(GeometrySchema.parse(BROADSHEET)).toEqual(BROADSHEET);
    expect(BROADSHEET).toMatchObject({ trimWidthMm: 390, trimHeightMm: 545, bodySizePt: 9, pitchPt: 11.25, columns: 8, charsPerColumn: 13, gutterChars: 1, lines: 123 });
  });

  it('四开: 270 × 390 mm, 6 × 11 characters, 85 lines', () => {
    expect(GeometrySchema.parse(TABLOID)).toEqual(TABLOID);
    expect(TABLOID).toMatchObject({ trimWidthMm: 270, trimHeightMm: 390, columns: 6, charsPerColumn: 11, gutterChars: 1, lines: 85 });
  });
});

describe('typeArea', () => {
  it('broadsheet: 111 em = 999 pt ≈ 352.4 mm wide, centred on the trim', () => {
    const a = typeArea(BROADSHEET);
    expect(a.widthChars).toBe(111);
    expect(a.width).toBe(999);
    expect(ptToMm(a.width)).toBeCloseTo(352.4, 1);
    expect(a.x * 2 + a.width).toBeCloseTo(mmToPt(390), 9);
  });

  it('tabloid: 71 em = 639 pt ≈ 225.4 mm wide', () => {
    const a = typeArea(TABLOID);
    expect(a.widthChars).toBe(71);
    expect(a.width).toBe(639);
    expect(ptToMm(a.width)).toBeCloseTo(225.4, 1);
  });

  it('is as tall as its lines (the last one only its em box) and centred vertically', () => {
    const a = typeArea(BROADSHEET);
    expect(a.height).toBe(123 * 11.25);
    expect(ptToMm(a.height)).toBeCloseTo(488.2, 1);
    expect(a.y * 2 + a.height).toBeCloseTo(mmToPt(545), 9);
    expect(a.y).toBeGreaterThan(0);
  });
});

describe('grid arithmetic (TYPESETTING.md §6.2)', () => {
  it('长栏: 2, 3, 5 columns = 27, 41, 69 characters; all 8 = the type width', () => {
    expect(spanChars(BROADSHEET, 1)).toBe(13);
    expect(spanChars(BROADSHEET, 2)).toBe(27);
    expect(spanChars(BROADSHEET, 3)).toBe(41);
    expect(spanChars(BROADSHEET, 5)).toBe(69);
    expect(spanChars(BROADSHEET, 8)).toBe(typeArea(BROADSHEET).widthChars);
  });

  it('破栏: 三破二 = 20/20, 五破三 = 22/22/23, and the widths plus gutters fill the span', () => {
    expect(brokenColumns(BROADSHEET, 3, 2)).toEqual([20, 20]);
    expect(brokenColumns(BROADSHEET, 5, 3)).toEqual([22, 22, 23]);
    for (const [n, m] of [[2, 3], [4, 3], [6, 4], [8, 5], [7, 2]] as const) {
      const widths = brokenColumns(BROADSHEET, n, m);
      expect(widths).toHaveLength(m);
      expect(widths.reduce((a, b) => a + b, 0) + (m - 1) * BROADSHEET.gutterChars).toBe(spanChars(BROADSHEET, n));
      expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
    }
  });

  it('gridLine: em-box top = area top + k × pitch, baseline 0.88 em lower', () => {
    const a = typeArea(BROADSHEET);
    expect(gridLine(BROADSHEET, 0).top).toBe(a.y);
    expect(gridLine(BROADSHEET, 10).top).toBeCloseTo(a.y + 112.5, 9);
    expect(gridLine(BROADSHEET, 10).baseline - gridLine(BROADSHEET, 10).top).toBeCloseTo(7.92, 9);
    // The last line's em box ends exactly at the bottom of the type area.
    expect(gridLine(BROADSHEET, 122).top + BROADSHEET.pitchPt).toBeCloseTo(a.y + a.height, 9);
  });

  it('linesFor: 小初 30 pt + 二号 21 pt + 3 lines of white at 11.25 pt → 8 lines (NEWSCALC1)', () => {
    expect(linesFor(BROADSHEET, 30 + 21 + 3 * 11.25)).toBe(8);
    expect(linesFor(BROADSHEET, 11.25)).toBe(1);
    expect(linesFor(BROADSHEET, 11.25 * 4)).toBe(4);
    expect(linesFor(BROADSHEET, 11.25 * 4 + 0.01)).toBe(5);
    expect(linesFor(BROADSHEET, 0)).toBe(1);
  });

  it('rejects geometry a page cannot have, naming the field', () => {
    const r = GeometrySchema.safeParse({ ...BROADSHEET, columns: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['columns']);
  });
});
