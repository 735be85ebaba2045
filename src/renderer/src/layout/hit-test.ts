import { type DisplayPage, type StoryField } from '../../../core/display/types';

export interface PageHit {
  storyId: string;
  /** The text the click landed on, when it landed on a glyph; null for the white space of a frame. */
  source: { field: StoryField; offset: number } | null;
}

/**
 * What a click at (x, y) in pt on the page points at: the glyph under it (its em box: advance wide,
 * from 0.88 em above the baseline to 0.12 em below), else the story's frame around it. Page furniture
 * (running head, banners) belongs to no story.
 */
export function hitTest(page: DisplayPage, x: number, y: number): PageHit | null {
  for (let i = page.items.length - 1; i >= 0; i--) {
    const g = page.items[i]!;
    if (g.kind !== 'glyph' || !g.src || g.src.storyId === '') continue;
    const h = g.size * (g.scaleY ?? 1);
    if (x >= g.x && x < g.x + g.advance && y >= g.y - 0.88 * h && y < g.y + 0.12 * h) {
      return { storyId: g.src.storyId, source: { field: g.src.field, offset: g.src.offset } };
    }
  }
  // The innermost (last drawn) frame wins where frames overlap.
  for (let i = page.frames.length - 1; i >= 0; i--) {
    const f = page.frames[i]!;
    if (f.storyId && x >= f.x && x < f.x + f.w && y >= f.y && y < f.y + f.h) return { storyId: f.storyId, source: null };
  }
  return null;
}
