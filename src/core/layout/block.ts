import type { GridCoords, PageGrid, Rect } from './grid';
import { columnLeft, lineTop, spanWidth } from './grid';

/**
 * The pt rectangle of a block (picture, box, rule band) that occupies whole grid lines: exactly
 * lines × pitch tall, centred on the em boxes of its lines, so blocks and text share one vertical rhythm.
 * `insetChars` narrows it on both sides (a block inside a box).
 */
export function blockRect(grid: PageGrid, r: GridCoords, insetChars = 0): Rect {
  const half = (grid.pitch - grid.em) / 2;
  const inset = insetChars * grid.em;
  return {
    x: columnLeft(grid, r.col) + inset,
    y: lineTop(grid, r.line) - half,
    w: spanWidth(grid, r.span) - 2 * inset,
    h: r.lines * grid.pitch,
  };
}
