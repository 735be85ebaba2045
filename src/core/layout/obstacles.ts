import type { Frame } from '../model';
import { columnLeft, type PageGrid, spanWidth } from './grid';
import type { Obstacle } from './wrap';

export interface GridBox {
  readonly col: number;
  readonly span: number;
  readonly line: number;
  readonly lines: number;
}

export function contains(outer: GridBox, inner: GridBox): boolean {
  return outer.col <= inner.col && outer.col + outer.span >= inner.col + inner.span &&
    outer.line <= inner.line && outer.line + outer.lines >= inner.line + inner.lines;
}

/**
 * How many characters a frame keeps off each side because it sits inside boxes: one per enclosing box, so
 * nothing touches a box's stroke and nested boxes do not share an edge.
 */
export function insetOf(frame: Frame, frames: readonly Frame[]): number {
  let depth = 0;
  for (const f of frames) if (f !== frame && f.kind === 'box' && contains(f, frame)) depth++;
  return depth;
}

/**
 * What body text on this page must stay out of: pictures with their standoff, headline blocks, the running
 * head, and the title bands of boxes. Obstacles are in pt horizontally and whole grid lines vertically.
 */
export function pageObstacles(grid: PageGrid, frames: readonly Frame[], titleBand: number): Obstacle[] {
  const out: Obstacle[] = [];
  for (const f of frames) {
    const inset = insetOf(f, frames) * grid.em;
    const x1 = columnLeft(grid, f.col) + inset;
    const x2 = columnLeft(grid, f.col) + spanWidth(grid, f.span) - inset;
    switch (f.kind) {
      case 'image': {
        if (f.wrap === false) break;
        const s = f.standoffChars * grid.em;
        out.push({ frameId: f.id, x1: x1 - s, x2: x2 + s, lineFrom: f.line - f.standoffLines, lineTo: f.line + f.lines + f.standoffLines });
        break;
      }
      case 'headline':
      case 'runningHead':
        out.push({ frameId: f.id, x1, x2, lineFrom: f.line, lineTo: f.line + f.lines });
        break;
      case 'box':
        if (f.title) out.push({ frameId: f.id, x1, x2, lineFrom: f.line, lineTo: f.line + Math.min(f.lines, titleBand) });
        break;
      default:
        break;
    }
  }
  return out;
}
