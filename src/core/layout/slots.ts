import type { TextFrame } from '../model';
import { frameColumns } from './columns';
import { columnLeft, type PageGrid } from './grid';
import { lineSegment, type Obstacle } from './wrap';

/** One grid line of one column of a text frame that text may occupy: the unit a thread fills. */
export interface Slot {
  readonly frameId: string;
  readonly pageIndex: number;
  readonly column: number;
  readonly line: number; // grid line on the page
  readonly x: number; // pt
  readonly width: number; // pt, whole characters
}

export interface FrameSlots {
  readonly frame: TextFrame;
  readonly pageIndex: number;
  readonly slots: readonly Slot[];
}

/**
 * The slots of one text frame in reading order: column by column, top to bottom, skipping lines an
 * obstacle leaves no usable fragment of.
 */
export function frameSlots(
  grid: PageGrid,
  frame: TextFrame,
  pageIndex: number,
  obstacles: readonly Obstacle[],
  minFragmentChars: number,
  insetChars: number,
): FrameSlots {
  const em = grid.em;
  const left = columnLeft(grid, frame.col);
  const slots: Slot[] = [];
  const cols = frameColumns(grid.geometry, frame.span, frame.columns, insetChars);
  cols.forEach((c, ci) => {
    const x = left + c.offsetChars * em;
    const w = c.widthChars * em;
    for (let k = frame.line; k < frame.line + frame.lines; k++) {
      const seg = lineSegment(x, w, k, obstacles, em, minFragmentChars);
      if (seg) slots.push({ frameId: frame.id, pageIndex, column: ci, line: k, x: seg.x, width: seg.width });
    }
  });
  return { frame, pageIndex, slots };
}
