import { type Geometry, mmToPt, typeArea, type TypeArea } from '../model';

/**
 * The page grid in pt: every frame edge and every baseline is computed here and nowhere else, so that
 * "on the grid" is one definition for layout, tests and the page view.
 */
export interface PageGrid {
  readonly geometry: Geometry;
  readonly area: TypeArea;
  readonly pageWidth: number;
  readonly pageHeight: number;
  /** Body type size: one character cell (em) in pt. */
  readonly em: number;
  readonly pitch: number;
  /** Distance between the left edges of two neighbouring basic columns, pt. */
  readonly columnStep: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A rectangle in grid units, the form every frame is stored in. */
export interface GridCoords {
  readonly col: number;
  readonly span: number;
  readonly line: number;
  readonly lines: number;
}

export function pageGrid(g: Geometry): PageGrid {
  const area = typeArea(g);
  return {
    geometry: g,
    area,
    pageWidth: mmToPt(g.trimWidthMm),
    pageHeight: mmToPt(g.trimHeightMm),
    em: g.bodySizePt,
    pitch: g.pitchPt,
    columnStep: (g.charsPerColumn + g.gutterChars) * g.bodySizePt,
  };
}

/** Em-box top of grid line k. */
export function lineTop(grid: PageGrid, k: number): number {
  return grid.area.y + k * grid.pitch;
}

/** Body baseline of grid line k: em-box top + 0.88 em (DESIGN.md §3a). */
export function lineBaseline(grid: PageGrid, k: number): number {
  return lineTop(grid, k) + 0.88 * grid.em;
}

/** Height of a block of n grid lines: n−1 pitches plus the last line's em box. */
export function linesHeight(grid: PageGrid, n: number): number {
  return (n - 1) * grid.pitch + grid.em;
}

/** Left edge of basic column `col`. */
export function columnLeft(grid: PageGrid, col: number): number {
  return grid.area.x + col * grid.columnStep;
}

/** Width of `span` basic columns with the gutters between them (长栏), pt. */
export function spanWidth(grid: PageGrid, span: number): number {
  const g = grid.geometry;
  return (span * g.charsPerColumn + (span - 1) * g.gutterChars) * grid.em;
}

export function gridRect(grid: PageGrid, r: GridCoords): Rect {
  return { x: columnLeft(grid, r.col), y: lineTop(grid, r.line), w: spanWidth(grid, r.span), h: linesHeight(grid, r.lines) };
}

/** Why a frame does not fit the grid, or null when it does. */
export function gridProblem(grid: PageGrid, r: GridCoords): string | null {
  const g = grid.geometry;
  if (r.col + r.span > g.columns) return `超出版心右边（第${r.col + 1}栏起${r.span}栏，版面共${g.columns}栏）`;
  if (r.line + r.lines > g.lines) return `超出版心下边（第${r.line + 1}行起${r.lines}行，版面共${g.lines}行）`;
  return null;
}
