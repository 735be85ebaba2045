import { type DisplayPage, type GlyphItem } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { type Outline } from '../../../core/render';

/** Parsed glyph outlines for the life of a font registry (face keys and glyph ids stay put for that long). */
export class GlyphOutlines {
  /** By face key, then glyph id (no key string built per glyph: a page draws thousands). */
  private readonly cache = new Map<string, Map<number, Outline | null>>();

  constructor(readonly fonts: FontRegistry) {}

  /** Glyph `g`'s outline, or null for a blank glyph (U+3000 and the like draw nothing). */
  get(page: DisplayPage, g: GlyphItem): Outline | null {
    let byGid = this.cache.get(g.face);
    if (!byGid) {
      byGid = new Map();
      this.cache.set(g.face, byGid);
    }
    let o = byGid.get(g.gid);
    if (o === undefined) {
      const face = page.faces[g.face];
      if (!face) throw new Error(`display list: page ${page.number} uses face "${g.face}" missing from its faces table`);
      o = this.fonts.glyphOutline(face.key, g.gid);
      byGid.set(g.gid, o);
    }
    return o;
  }
}

const shared = new WeakMap<FontRegistry, GlyphOutlines>();

/**
 * The one GlyphOutlines of a font registry, shared by the page view and the thumbnails: a glyph parsed (and its
 * placed shape cached, core/render/outline.ts) for the page is reused by every thumbnail drawing it.
 */
export function outlinesFor(fonts: FontRegistry): GlyphOutlines {
  let o = shared.get(fonts);
  if (!o) {
    o = new GlyphOutlines(fonts);
    shared.set(fonts, o);
  }
  return o;
}
