import { columnLeft, spanWidth, type PageGrid } from '../../../core/layout';

// The page view's rulers: millimetres from the trim's top-left corner along both edges, and the grid's columns
// (栏) along the top. Positions are CSS px from the page edge at the current zoom (`pxPerPt`).

const PT_PER_MM = 72 / 25.4;
/** Closest two ticks may be drawn, px; the closest two labels. */
const MIN_TICK_PX = 3;
const MIN_LABEL_PX = 36;

export interface MmTick {
  readonly px: number;
  readonly mm: number;
  /** Length class: labelled, every 5 mm, every step. */
  readonly size: 'major' | 'mid' | 'minor';
}

export interface ColumnMark {
  /** 1-based column number, as the desk names columns (第 3 栏). */
  readonly n: number;
  readonly fromPx: number;
  readonly toPx: number;
}

const firstFitting = (steps: readonly number[], pxPerMm: number, min: number): number => steps.find((s) => s * pxPerMm >= min) ?? steps[steps.length - 1]!;

/** Millimetre ticks along `lengthPt` of page edge: the finest step that keeps ticks 3 px apart, labels 36 px apart. */
export function mmTicks(lengthPt: number, pxPerPt: number): MmTick[] {
  const pxPerMm = pxPerPt * PT_PER_MM;
  const step = firstFitting([1, 2, 5, 10, 20, 50], pxPerMm, MIN_TICK_PX);
  const label = firstFitting([10, 20, 50, 100, 200], pxPerMm, MIN_LABEL_PX);
  const out: MmTick[] = [];
  const lengthMm = lengthPt / PT_PER_MM;
  for (let mm = 0; mm <= lengthMm + 1e-9; mm += step) {
    out.push({ px: mm * pxPerMm, mm, size: mm % label === 0 ? 'major' : mm % 5 === 0 ? 'mid' : 'minor' });
  }
  return out;
}

/** Each basic column of the grid: its left and right edge (the gutters lie between). */
export function columnMarks(grid: PageGrid, pxPerPt: number): ColumnMark[] {
  const w = spanWidth(grid, 1);
  return Array.from({ length: grid.geometry.columns }, (_, c) => {
    const left = columnLeft(grid, c);
    return { n: c + 1, fromPx: left * pxPerPt, toPx: (left + w) * pxPerPt };
  });
}
