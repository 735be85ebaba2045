import type { Geometry } from '../model';

/**
 * The trade's headline height (TYPESETTING.md §6.3, NEWSCALC1): the sizes of the headline lines plus the
 * white above, between and below them, in grid lines, rounded up to a whole number. 小初 30 pt + 二号 21 pt at
 * an 11.25 pt pitch with 3 lines of white → 51 / 11.25 = 4.53 + 3 = 7.53 → 8 lines.
 */
export function headlineLinesFor(g: Pick<Geometry, 'pitchPt'>, sizesPt: readonly number[], whiteLines: number): number {
  const type = sizesPt.reduce((s, x) => s + x, 0) / g.pitchPt;
  return Math.max(1, Math.ceil(type + whiteLines - 1e-9));
}

/**
 * Baseline of a line of type `size` centred in a band of `bandLines` grid lines whose first em-box top is
 * `bandTop`. CJK type sits in its em box with the baseline 0.88 em below the top (0.12 em descent), so the
 * em box's centre is 0.38 em above the baseline.
 */
export function centredBaseline(bandTop: number, bandLines: number, pitch: number, em: number, size: number): number {
  const bandHeight = (bandLines - 1) * pitch + em;
  return bandTop + bandHeight / 2 + 0.38 * size;
}
