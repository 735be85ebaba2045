import { describe, expect, it } from 'vitest';
import { pageGrid } from '../../src/core/layout';
import { BROADSHEET, TABLOID } from '../../src/core/model';
import { columnMarks, mmTicks } from '../../src/renderer/src/layout/rulers';

const PX_100 = 96 / 72;
const MM = 72 / 25.4;

describe('page view rulers', () => {
  it('marks the eight broadsheet columns where the grid puts them, at 100 % and 200 %', () => {
    const grid = pageGrid(BROADSHEET);
    // 版心 = 8 × 13 characters + 7 gutters of 1 = 111 characters of 9 pt, centred on 390 mm.
    const margin = (390 * MM - 111 * 9) / 2;
    for (const k of [PX_100, 2 * PX_100]) {
      const cols = columnMarks(grid, k);
      expect(cols).toHaveLength(8);
      expect(cols[0]!.fromPx).toBeCloseTo(margin * k, 6);
      expect(cols[0]!.toPx - cols[0]!.fromPx).toBeCloseTo(13 * 9 * k, 6);
      // Column 3 starts two column steps (13 + 1 characters each) further.
      expect(cols[2]!.n).toBe(3);
      expect(cols[2]!.fromPx).toBeCloseTo((margin + 2 * 14 * 9) * k, 6);
      // The last column ends on the type area's right edge, as far from the trim as the first begins.
      expect(cols[7]!.toPx).toBeCloseTo((390 * MM - margin) * k, 6);
    }
    // At 200 % every mark is twice as far from the edge.
    const at100 = columnMarks(grid, PX_100);
    columnMarks(grid, 2 * PX_100).forEach((c, i) => expect(c.fromPx).toBeCloseTo(2 * at100[i]!.fromPx, 6));
  });

  it('takes its columns from the issue geometry (tabloid: six)', () => {
    expect(columnMarks(pageGrid(TABLOID), PX_100).map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('puts a tick on every millimetre at 100 %, labels every centimetre, and reaches the far edge', () => {
    const ticks = mmTicks(390 * MM, PX_100);
    expect(ticks).toHaveLength(391);
    expect(ticks[10]).toEqual({ px: expect.closeTo((10 / 25.4) * 96, 6) as number, mm: 10, size: 'major' });
    expect(ticks[5]!.size).toBe('mid');
    expect(ticks[3]!.size).toBe('minor');
    expect(ticks.at(-1)!.mm).toBe(390);
    expect(ticks.at(-1)!.px).toBeCloseTo((390 / 25.4) * 96, 6);
    // 200 %: same ticks, twice as far apart.
    expect(mmTicks(390 * MM, 2 * PX_100)[10]!.px).toBeCloseTo(2 * ticks[10]!.px, 6);
  });

  it('thins ticks and labels when the page is fitted small, so they never crowd', () => {
    const k = 300 / (390 * MM); // a 390 mm page fitted into 300 px
    const ticks = mmTicks(390 * MM, k);
    const gaps = ticks.slice(1).map((t, i) => t.px - ticks[i]!.px);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(3);
    const labels = ticks.filter((t) => t.size === 'major');
    expect(labels[1]!.px - labels[0]!.px).toBeGreaterThanOrEqual(36);
    expect(labels.every((t) => t.mm % 10 === 0)).toBe(true);
  });
});
