import type { Cmyk, RuleItem } from '../display/types';
import type { CmykPercent, RuleFrame } from '../model';
import { columnLeft, lineTop, linesHeight, type PageGrid, spanWidth } from './grid';

export function cmyk(p: CmykPercent): Cmyk {
  return { c: p.c / 100, m: p.m / 100, y: p.y / 100, k: p.k / 100 };
}

/** Thin/thick weights of the compound rules (双线, 文武线) relative to the frame's weight. */
const THIN_OF_COMPOUND = 0.35;

/**
 * A rule frame becomes one or two strokes. A horizontal rule runs across its columns through the middle of
 * its lines; a vertical rule stands in the gutter to the left of its column (a column rule, 栏线).
 * 双线 draws two equal strokes, 文武线 a thick one over a thin one, both inside the frame's band.
 */
export function ruleItems(grid: PageGrid, f: RuleFrame): RuleItem[] {
  const color = cmyk(f.color);
  const top = lineTop(grid, f.line);
  const height = linesHeight(grid, f.lines);
  const left = columnLeft(grid, f.col);
  const width = spanWidth(grid, f.span);
  const dash = f.style === 'dotted' || f.style === 'dashed' ? f.style : 'solid';
  const line = (offset: number, w: number): RuleItem => {
    if (f.orientation === 'horizontal') {
      const y = top + height / 2 + offset;
      return { kind: 'rule', x1: left, y1: y, x2: left + width, y2: y, width: w, style: dash, color };
    }
    const x = left - (grid.geometry.gutterChars * grid.em) / 2 + offset;
    return { kind: 'rule', x1: x, y1: top, x2: x, y2: top + height, width: w, style: dash, color };
  };
  if (f.style === 'double') {
    const gap = Math.max(f.weightPt * 1.5, 1);
    return [line(-gap, f.weightPt), line(gap, f.weightPt)];
  }
  if (f.style === 'thickthin') {
    const thin = Math.max(f.weightPt * THIN_OF_COMPOUND, 0.25);
    const gap = f.weightPt / 2 + thin / 2 + 1;
    return [line(-gap / 2, f.weightPt), line(gap / 2 + thin / 2, thin)];
  }
  return [line(0, f.weightPt)];
}
