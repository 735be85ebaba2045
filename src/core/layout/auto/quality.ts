import type { Frame, IssueMeta } from '../../model';
import type { LayoutResult } from '../engine';

// What a layout editor checks before keeping a drafted page, measured on the laid-out result (not on the
// planner's estimate): every text column of every story ends level with its block's foot (within one line),
// no column of the page is left without copy, nothing oversets, and the lead's headline is the widest and
// the largest on the page. The CLI prints it and the tests hold auto-layout to it.

export interface ColumnWhite {
  frameId: string;
  storyId: string;
  /** Page column (basic column index). */
  col: number;
  /** Empty grid lines between the column's last line of text and the frame's foot. */
  white: number;
}

export interface PageQuality {
  /** Text columns of each story, with the white at their foot. */
  columns: ColumnWhite[];
  /** Largest white at a text column's foot. */
  maxColumnWhite: number;
  /** Grid lines of each page column below the running head outside every story block, strip and rule. */
  uncovered: number[];
  /** Page columns with neither text nor a picture. */
  emptyColumns: number[];
  overset: string[];
  /** Headline frames by story: span and the 主题 size in pt. */
  headlines: { storyId: string; span: number; sizePt: number; line: number }[];
}

const HAO_FALLBACK = 24;

/** The 主题 size a headline frame sets, from its style (pt or 号). */
export function headlineSizePt(meta: IssueMeta, styleId: string): number {
  const style = meta.styles.paragraph.find((p) => p.id === styleId) ?? meta.styles.paragraph.find((p) => p.id === 'headline');
  if (!style) return HAO_FALLBACK;
  return 'pt' in style.size ? style.size.pt : (meta.house.haoTable[style.size.hao] ?? HAO_FALLBACK);
}

interface Rect {
  col: number;
  span: number;
  line: number;
  lines: number;
}

/** The rectangle each story's frames take together (its section strip stands over it, part of the page). */
export function storyRects(frames: readonly Frame[]): Map<string, Rect> {
  const rects = new Map<string, Rect>();
  for (const f of frames) {
    if (!('storyId' in f) || !f.storyId) continue;
    const r = rects.get(f.storyId);
    if (!r) {
      rects.set(f.storyId, { col: f.col, span: f.span, line: f.line, lines: f.lines });
      continue;
    }
    const col = Math.min(r.col, f.col);
    const line = Math.min(r.line, f.line);
    rects.set(f.storyId, { col, line, span: Math.max(r.col + r.span, f.col + f.span) - col, lines: Math.max(r.line + r.lines, f.line + f.lines) - line });
  }
  return rects;
}

export function pageQuality(meta: IssueMeta, pageIndex: number, layout: LayoutResult, storyIds: readonly string[]): PageQuality {
  const page = meta.pages[pageIndex];
  const frames: readonly Frame[] = page?.frames ?? [];
  const g = meta.geometry;
  const ours = new Set(storyIds);
  const rects = storyRects(frames);
  const columns: ColumnWhite[] = [];
  const hasCopy = new Array<boolean>(g.columns).fill(false);
  for (const f of frames) {
    if (f.kind === 'image') for (let c = f.col; c < f.col + f.span; c++) hasCopy[c] = true;
    if (f.kind !== 'text' || !ours.has(f.storyId)) continue;
    const placed = layout.threads.get(f.storyId)?.placed ?? [];
    const rect = rects.get(f.storyId)!;
    // The story's block is its space: white is measured to the block's foot, not the frame's.
    const foot = rect.line + rect.lines;
    // Auto-layout's frames have one column per basic column (columns: null).
    for (let ci = 0; ci < f.span; ci++) {
      let last = -1;
      for (const p of placed) if (p.slot.frameId === f.id && p.slot.column === ci && p.kind === 'body') last = Math.max(last, p.slot.line);
      if (last >= 0) hasCopy[f.col + ci] = true;
      columns.push({ frameId: f.id, storyId: f.storyId, col: f.col + ci, white: foot - 1 - (last < 0 ? f.line - 1 : last) });
    }
  }
  const head = frames.find((f) => f.kind === 'runningHead');
  const top = head ? head.line + head.lines : 0;
  const areas: Rect[] = [...rects.values(), ...frames.filter((f) => f.kind === 'box' || (f.kind === 'rule' && f.orientation === 'horizontal'))];
  const uncovered = Array.from({ length: g.columns }, (_, c) => {
    const covered = new Set<number>();
    for (const a of areas) {
      if (c < a.col || c >= a.col + a.span) continue;
      for (let k = a.line; k < a.line + a.lines; k++) covered.add(k);
    }
    let n = 0;
    for (let k = top; k < g.lines; k++) if (!covered.has(k)) n++;
    return n;
  });
  const overset = layout.report.stories.filter((s) => ours.has(s.storyId) && (s.oversetLines > 0 || s.oversetChars > 0)).map((s) => s.storyId);
  const headlines = frames.flatMap((f) => (f.kind === 'headline' && ours.has(f.storyId) ? [{ storyId: f.storyId, span: f.span, sizePt: headlineSizePt(meta, f.style ?? 'headline'), line: f.line }] : []));
  return {
    columns,
    maxColumnWhite: Math.max(0, ...columns.map((c) => c.white)),
    uncovered,
    emptyColumns: hasCopy.flatMap((x, c) => (x ? [] : [c])),
    overset,
    headlines,
  };
}
