import { type DisplayPage, type StoryField } from '../../../core/display/types';

export interface PageHit {
  storyId: string;
  /**
   * Where the caret goes for a click on a glyph: before its character (left half) or after it (right half), as an
   * offset in the field's text; `index` names the photo for captions and credits. Null for the white of a frame.
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
      const offset = u < g.advance / 2 ? g.src.offset : g.src.offset + g.src.length;
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
