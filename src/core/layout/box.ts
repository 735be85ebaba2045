import type { DisplayItem } from '../display/types';
import type { BoxFrame } from '../model';
import { blockRect } from './block';
import { centredBaseline } from './headline-lines';
import { lineTop, type PageGrid } from './grid';
import { placeLine } from './place';
import { cmyk } from './rules';
import type { Typesetter } from './typesetter';

/** Grid lines of a box's title band (the 专栏 banner / section label). */
export function titleBandLines(ts: Typesetter): number {
  return Math.max(1, ts.styleLines('banner'));
}

/** The light tint a title band gets when the box itself has none (10 % K, TYPESETTING.md §6.5). */
const BAND_TINT = { c: 0, m: 0, y: 0, k: 0.1 };

/**
 * A box (专栏, 编者按 box, tint panel): its frame (stroke) and tint, exactly its lines × pitch tall; a title is
 * set in the banner style, centred in a tinted band across the box's first lines and closed by a rule.
 */
export function boxBlock(grid: PageGrid, frame: BoxFrame, ts: Typesetter, insetChars: number): DisplayItem[] {
  const r = blockRect(grid, frame, insetChars);
  const items: DisplayItem[] = [];
  const stroke = frame.strokePt > 0 ? { width: frame.strokePt, color: { c: 0, m: 0, y: 0, k: 1 } } : undefined;
  if (frame.tint) items.push({ kind: 'rect', ...r, fill: cmyk(frame.tint) });
  if (frame.title) {
    const band = Math.min(frame.lines, titleBandLines(ts));
    const bandRect = blockRect(grid, { col: frame.col, span: frame.span, line: frame.line, lines: band }, insetChars);
    items.push({ kind: 'rect', ...bandRect, fill: frame.tint ? cmyk({ c: 0, m: 0, y: 0, k: Math.min(100, frame.tint.k + 20) }) : BAND_TINT });
    const [line] = ts.setText(frame.title, 'banner', r.w - 2 * grid.em, { align: 'center', noBreak: true });
    if (line) {
      const baseline = centredBaseline(lineTop(grid, frame.line), band, grid.pitch, grid.em, line.size);
      items.push(...placeLine(line, r.x + grid.em, baseline, { storyId: '', field: 'label' }));
    }
    if (band < frame.lines) {
      const y = bandRect.y + bandRect.h;
      items.push({ kind: 'rule', x1: r.x, y1: y, x2: r.x + r.w, y2: y, width: frame.strokePt || 0.5, style: 'solid', color: { c: 0, m: 0, y: 0, k: 1 } });
    }
  }
  if (stroke) items.push({ kind: 'rect', ...r, stroke });
  return items;
}
