import { type DisplayItem, type DisplayPage, type GlyphItem, type StoryField } from '../../../core/display/types';

export interface PageHit {
  storyId: string;
  /**
   * Where the caret goes for a click on a glyph: before its character (the half the text comes from: left, or top
   * in a vertical column) or after it, as an offset in the field's text; `index` names the photo for captions and
   * credits. Null for the white of a frame.
   */
  source: { field: StoryField; offset: number; index?: number } | null;
}

/**
 * What a click at (x, y) in pt on the page points at: the glyph under it (its em box: advance wide,
 * from 0.88 em above the baseline to 0.12 em below; for a glyph turned 90° in a vertical headline the same
 * box turned about its origin, advance running down), else the story's frame around it. Page furniture
 * (running head, banners) belongs to no story.
 */
export function hitTest(page: DisplayPage, x: number, y: number): PageHit | null {
  for (let i = page.items.length - 1; i >= 0; i--) {
    const g = page.items[i]!;
    if (g.kind !== 'glyph' || !g.src || g.src.storyId === '') continue;
    const h = g.size * (g.scaleY ?? 1);
    const turned = g.rotate === 90;
    // Along the advance (u) and across it (v, up = negative), in the glyph's own upright frame.
    const u = turned ? y - g.y : x - g.x;
    const v = turned ? g.x - x : y - g.y;
    if (u >= 0 && u < g.advance && v >= -0.88 * h && v < 0.12 * h) {
      // An upright glyph in a vertical headline: the text runs down, so the upper half of its box comes first.
      const before = !turned && inColumn(page.items, i, g) ? v < -0.38 * h : u < g.advance / 2;
      const offset = before ? g.src.offset : g.src.offset + g.src.length;
      return { storyId: g.src.storyId, source: { field: g.src.field, offset, ...(g.src.index !== undefined ? { index: g.src.index } : {}) } };
    }
  }
  // The innermost (last drawn) frame wins where frames overlap.
  for (let i = page.frames.length - 1; i >= 0; i--) {
    const f = page.frames[i]!;
    if (f.storyId && x >= f.x && x < f.x + f.w && y >= f.y && y < f.y + f.h) return { storyId: f.storyId, source: null };
  }
  return null;
}

/** Whether the glyph's text goes on above or below it rather than beside it: the next or previous character of its field stands under or over it. */
function inColumn(items: readonly DisplayItem[], i: number, g: GlyphItem): boolean {
  const src = g.src!;
  for (const j of [i + 1, i - 1]) {
    const n = items[j];
    if (n?.kind !== 'glyph' || !n.src || n.src.storyId !== src.storyId || n.src.field !== src.field || n.src.index !== src.index) continue;
    const neighbour = n.src.offset === src.offset + src.length || n.src.offset + n.src.length === src.offset;
    if (neighbour) return Math.abs(n.y - g.y) >= 0.5 * g.size && Math.abs(n.x - g.x) < 0.5 * g.size;
  }
  return false;
}
