import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BROADSHEET, TABLOID } from '../../src/core/model';
import { gridRect, pageGrid } from '../../src/core/layout';
import { cellAt, gridDelta, HANDLES, moveRect, rectAt, rectBetween, resizeRect } from '../../src/renderer/src/frames/snap';

const grid = pageGrid(BROADSHEET);
// 对开: a column step is 14 characters of 9 pt = 126 pt, a line 11.25 pt.
const step = 126;
const pitch = 11.25;

describe('snapping a drag to 栏 and 行', () => {
  it('rounds a drag to the nearest whole column and line', () => {
    expect(grid.columnStep).toBe(step);
    expect(gridDelta(grid, 0.49 * step, 0.49 * pitch)).toEqual({ cols: 0, lines: 0 });
    expect(gridDelta(grid, 0.51 * step, 0.51 * pitch)).toEqual({ cols: 1, lines: 1 });
    expect(gridDelta(grid, -2.6 * step, 10 * pitch + 3)).toEqual({ cols: -3, lines: 10 });
  });

  it('moves a frame by whole units and keeps it inside the type area at its size', () => {
    const r = { col: 5, span: 3, line: 9, lines: 14 };
    expect(moveRect(BROADSHEET, r, -2, 4)).toEqual({ col: 3, span: 3, line: 13, lines: 14 });
    expect(moveRect(BROADSHEET, r, 4, 200)).toEqual({ col: 5, span: 3, line: 109, lines: 14 });
    expect(moveRect(BROADSHEET, r, -9, -20)).toEqual({ col: 0, span: 3, line: 0, lines: 14 });
  });

  it('resizes from the dragged edges only, never below one column or one line', () => {
    const r = { col: 2, span: 3, line: 10, lines: 20 };
    expect(resizeRect(BROADSHEET, r, 'e', 2, 7)).toEqual({ col: 2, span: 5, line: 10, lines: 20 });
    expect(resizeRect(BROADSHEET, r, 's', 2, 7)).toEqual({ col: 2, span: 3, line: 10, lines: 27 });
    expect(resizeRect(BROADSHEET, r, 'nw', -1, -4)).toEqual({ col: 1, span: 4, line: 6, lines: 24 });
    expect(resizeRect(BROADSHEET, r, 'w', 10, 0)).toEqual({ col: 4, span: 1, line: 10, lines: 20 });
    expect(resizeRect(BROADSHEET, r, 'se', 10, 500)).toEqual({ col: 2, span: 6, line: 10, lines: 113 });
  });

  it('finds the cell under a point and the cells a drawing drag covers', () => {
    const a = grid.area;
    expect(cellAt(grid, a.x + 1, a.y + 1)).toEqual({ col: 0, line: 0 });
    expect(cellAt(grid, a.x + step * 3 + 5, a.y + pitch * 40 + 5)).toEqual({ col: 3, line: 40 });
    expect(cellAt(grid, -50, 1e5)).toEqual({ col: 0, line: 122 });
    // Dragged up and to the left: the same cells as dragged the other way.
    expect(rectBetween(grid, a.x + step * 4 + 2, a.y + pitch * 30 + 2, a.x + step + 2, a.y + pitch * 10 + 2)).toEqual({ col: 1, span: 4, line: 10, lines: 21 });
  });

  it('shrinks and shifts a wanted rectangle into the type area', () => {
    expect(rectAt(TABLOID, 5, 80, 3, 26)).toEqual({ col: 3, span: 3, line: 59, lines: 26 });
    expect(rectAt(TABLOID, 0, 0, 9, 999)).toEqual({ col: 0, span: 6, line: 0, lines: 85 });
  });

  it('always ends on the grid and inside the type area, whatever the drag', () => {
    const rect = fc.record({ col: fc.integer({ min: 0, max: 7 }), line: fc.integer({ min: 0, max: 122 }) }).chain(({ col, line }) =>
      fc.record({ col: fc.constant(col), line: fc.constant(line), span: fc.integer({ min: 1, max: 8 - col }), lines: fc.integer({ min: 1, max: 123 - line }) }),
    );
    fc.assert(
      fc.property(rect, fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }), fc.constantFrom(...HANDLES), (r, dx, dy, h) => {
        const d = gridDelta(grid, dx, dy);
        for (const out of [moveRect(BROADSHEET, r, d.cols, d.lines), resizeRect(BROADSHEET, r, h, d.cols, d.lines)]) {
          for (const v of Object.values(out)) expect(Number.isInteger(v)).toBe(true);
          expect(out.col).toBeGreaterThanOrEqual(0);
          expect(out.line).toBeGreaterThanOrEqual(0);
          expect(out.span).toBeGreaterThanOrEqual(1);
          expect(out.lines).toBeGreaterThanOrEqual(1);
          expect(out.col + out.span).toBeLessThanOrEqual(8);
          expect(out.line + out.lines).toBeLessThanOrEqual(123);
          const box = gridRect(grid, out);
          expect(box.x + box.w).toBeLessThanOrEqual(grid.area.x + grid.area.width + 1e-6);
        }
        expect(moveRect(BROADSHEET, r, d.cols, d.lines).span).toBe(r.span);
      }),
    );
  });
});
