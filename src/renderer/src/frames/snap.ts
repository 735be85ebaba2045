import { type Geometry } from '../../../core/model';
import { type GridCoords, type PageGrid } from '../../../core/layout';

// Pointer movement on the page, in pt, turned into whole 栏 and 行: frames live on the grid (DESIGN.md §3),
// so every drag ends on a column edge and a grid line, and never leaves the type area.

export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

/** A drag of (dx, dy) pt as whole columns and grid lines (nearest, so half a column is the point it flips). */
export function gridDelta(grid: PageGrid, dx: number, dy: number): { cols: number; lines: number } {
  return { cols: Math.round(dx / grid.columnStep) || 0, lines: Math.round(dy / grid.pitch) || 0 };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The rectangle moved by whole columns and lines, kept inside the type area at its size. */
export function moveRect(g: Geometry, r: GridCoords, cols: number, lines: number): GridCoords {
  return { ...r, col: clamp(r.col + cols, 0, g.columns - r.span), line: clamp(r.line + lines, 0, g.lines - r.lines) };
}

/**
 * The rectangle with the edges named by `handle` moved by whole columns and lines. The opposite edges stay
 * put; a frame is never narrower than one column nor shorter than one line, and never leaves the type area.
 */
export function resizeRect(g: Geometry, r: GridCoords, handle: Handle, cols: number, lines: number): GridCoords {
  let left = r.col;
  let right = r.col + r.span;
  let top = r.line;
  let bottom = r.line + r.lines;
  if (handle.includes('w')) left = clamp(left + cols, 0, right - 1);
  if (handle.includes('e')) right = clamp(right + cols, left + 1, g.columns);
  if (handle.includes('n')) top = clamp(top + lines, 0, bottom - 1);
  if (handle.includes('s')) bottom = clamp(bottom + lines, top + 1, g.lines);
  return { col: left, span: right - left, line: top, lines: bottom - top };
}

/** The grid cell (column, line) under a point in pt, clamped to the type area. */
export function cellAt(grid: PageGrid, x: number, y: number): { col: number; line: number } {
  const g = grid.geometry;
  return {
    col: clamp(Math.floor((x - grid.area.x) / grid.columnStep), 0, g.columns - 1),
    line: clamp(Math.floor((y - grid.area.y) / grid.pitch), 0, g.lines - 1),
  };
}

/** The rectangle a drawing drag covers: every cell between the press and the release, both included. */
export function rectBetween(grid: PageGrid, x0: number, y0: number, x1: number, y1: number): GridCoords {
  const a = cellAt(grid, x0, y0);
  const b = cellAt(grid, x1, y1);
  const col = Math.min(a.col, b.col);
  const line = Math.min(a.line, b.line);
  return { col, span: Math.abs(a.col - b.col) + 1, line, lines: Math.abs(a.line - b.line) + 1 };
}

/** A rectangle of the wanted size at a cell, shrunk and shifted as needed to stay inside the type area. */
export function rectAt(g: Geometry, col: number, line: number, span: number, lines: number): GridCoords {
  const s = clamp(span, 1, g.columns);
  const n = clamp(lines, 1, g.lines);
  return { col: clamp(col, 0, g.columns - s), span: s, line: clamp(line, 0, g.lines - n), lines: n };
}
