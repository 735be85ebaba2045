// Page view zoom. 100 % is the printed size on a 96 dpi screen (1 pt = 96/72 CSS px); 适合 fits the
// whole page in the view.

export type Zoom = 'fit' | 1 | 2;
export const ZOOMS: readonly Zoom[] = ['fit', 1, 2];

const PX_PER_PT = 96 / 72;

/** CSS px width of a page `pageWidthPt` × `pageHeightPt` at `zoom` in a view `viewW` × `viewH` px. */
export function pagePixelWidth(zoom: Zoom, pageWidthPt: number, pageHeightPt: number, viewW: number, viewH: number): number {
  if (zoom !== 'fit') return pageWidthPt * PX_PER_PT * zoom;
  if (viewW <= 0 || viewH <= 0) return pageWidthPt * PX_PER_PT;
  return Math.max(100, Math.min(viewW / pageWidthPt, viewH / pageHeightPt) * pageWidthPt);
}
