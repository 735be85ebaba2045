import type { GlyphItem, SourceRef, StoryField } from '../display/types';
import type { SetLine } from './typesetter';

/** What placing lines saw: the faces their glyphs use and the characters no font could draw. */
export interface GlyphsSeen {
  readonly faces: Set<string>;
  readonly missing: Set<string>;
}

/**
 * Glyphs of a set line placed with its start at x and its baseline at y. `src` re-maps each glyph to the
 * story field it came from (offsets shifted by `base`); null keeps the composer's mapping (story bodies).
 * Objects are built field by field (not spread): this runs for every glyph of every page. With `into`, the
 * glyphs are appended there (and it is returned).
 */
export function placeLine(
  line: SetLine, x: number, y: number, src: { storyId: string; field: StoryField; index?: number; base?: number } | null, into?: GlyphItem[], seen?: GlyphsSeen,
): GlyphItem[] {
  const n = line.glyphs.length;
  const out: GlyphItem[] = into ?? [];
  let lastFace = '';
  const shift = line.srcShift ?? 0;
  for (let i = 0; i < n; i++) {
    const g = line.glyphs[i]!;
    if (seen !== undefined) {
      // Faces and missing characters noted in the same pass (a thread's glyphs are walked once).
      if (g.face !== lastFace) seen.faces.add((lastFace = g.face));
      if (g.missing) seen.missing.add(g.text);
    }
    let ref: SourceRef | null = shift === 0 || g.src === null ? g.src : { ...g.src, offset: g.src.offset + shift };
    if (src !== null) {
      ref = src.index === undefined
        ? { storyId: src.storyId, field: src.field, offset: (src.base ?? 0) + (g.src ? g.src.offset + shift : 0), length: g.src?.length ?? g.text.length }
        : { storyId: src.storyId, field: src.field, index: src.index, offset: (src.base ?? 0) + (g.src ? g.src.offset + shift : 0), length: g.src?.length ?? g.text.length };
    }
    const placed: GlyphItem = g.scaleY === undefined
      ? { kind: 'glyph', face: g.face, gid: g.gid, x: x + g.x, y: y + g.y, size: g.size, scaleX: g.scaleX, advance: g.advance, color: g.color, text: g.text, src: ref }
      : { kind: 'glyph', face: g.face, gid: g.gid, x: x + g.x, y: y + g.y, size: g.size, scaleX: g.scaleX, scaleY: g.scaleY, advance: g.advance, color: g.color, text: g.text, src: ref };
    out.push(g.missing ? { ...placed, missing: true } : placed);
  }
  return out;
}
