import { z } from 'zod';
import { mmToPt } from './units';

/**
 * Page geometry in the trade's terms (DESIGN.md §3a). Everything on a page snaps to the grid it defines:
 * columns × characters of body type, gutters in characters, and one line pitch for the whole page.
 */
export const GeometrySchema = z.object({
  preset: z.enum(['broadsheet', 'tabloid', 'custom']),
  trimWidthMm: z.number().positive().max(2000),
  trimHeightMm: z.number().positive().max(2000),
  bodySizePt: z.number().positive().max(72),
  pitchPt: z.number().positive().max(144),
  columns: z.number().int().min(1).max(20),
  charsPerColumn: z.number().int().min(1).max(200),
  gutterChars: z.number().min(0).max(10),
  /** Grid lines in the type area. */
  lines: z.number().int().min(1).max(1000),
});
export type Geometry = z.infer<typeof GeometrySchema>;

export const BROADSHEET: Geometry = {
  preset: 'broadsheet', trimWidthMm: 390, trimHeightMm: 545, bodySizePt: 9, pitchPt: 11.25,
  columns: 8, charsPerColumn: 13, gutterChars: 1, lines: 123,
};

export const TABLOID: Geometry = {
  preset: 'tabloid', trimWidthMm: 270, trimHeightMm: 390, bodySizePt: 9, pitchPt: 11.25,
  columns: 6, charsPerColumn: 11, gutterChars: 1, lines: 85,
};

/** The type area (版心), centred on the trim, in pt from the page's top-left corner. */
export interface TypeArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Width of the type area in characters of body type. */
  readonly widthChars: number;
}

export function typeArea(g: Geometry): TypeArea {
  const widthChars = g.columns * g.charsPerColumn + (g.columns - 1) * g.gutterChars;
  const width = widthChars * g.bodySizePt;
  // DESIGN.md §3a: the type area is `lines` whole pitches tall (123 × 11.25 pt ≈ 488.2 mm on 对开),
  // so a block's height is always lines × pitch, down to the last line of the page.
  const height = g.lines * g.pitchPt;
  return {
    x: (mmToPt(g.trimWidthMm) - width) / 2,
    y: (mmToPt(g.trimHeightMm) - height) / 2,
    width,
    height,
    widthChars,
  };
}

/** 长栏: n basic columns and the gutters between them, in characters (TYPESETTING.md §6.2). */
export function spanChars(g: Pick<Geometry, 'charsPerColumn' | 'gutterChars'>, n: number): number {
  return n * g.charsPerColumn + (n - 1) * g.gutterChars;
}

/**
 * 破栏: n basic columns re-divided into m equal-ish columns keeping the gutter, widths in whole characters;
 * the remainder goes to the last columns (五破三 = 22/22/23).
 */
export function brokenColumns(g: Pick<Geometry, 'charsPerColumn' | 'gutterChars'>, n: number, m: number): number[] {
  const text = spanChars(g, n) - (m - 1) * g.gutterChars;
  const base = Math.floor(text / m);
  const extra = text - base * m;
  return Array.from({ length: m }, (_, i) => base + (i >= m - extra ? 1 : 0));
}

/** Line k (from 0) of the type area: em-box top and baseline, in pt from the page top. */
export function gridLine(g: Geometry, k: number): { top: number; baseline: number } {
  const top = typeArea(g).y + k * g.pitchPt;
  return { top, baseline: top + 0.88 * g.bodySizePt };
}

/** How many grid lines a block of the given height (pt) occupies: always a whole number, rounded up. */
export function linesFor(g: Pick<Geometry, 'pitchPt'>, heightPt: number): number {
  return Math.max(1, Math.ceil(heightPt / g.pitchPt - 1e-9));
}
