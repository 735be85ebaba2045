import { type DisplayPage, type GlyphItem } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';

/**
 * The glyph outlines a page view has defined, append-only for the life of its font registry: each layout adds a
 * chunk with the glyphs it uses for the first time (usually none while typing), so the `<defs>` already in the DOM
 * are never rewritten. Ids carry the view's own prefix: two inline SVGs in one document (the page view, the
 * thumbnails) must not resolve each other's `#id`s.
 */
export class GlyphDefs {
  private readonly faces = new Map<string, number>();
  /** Glyph id → whether it has ink (a blank glyph, e.g. U+3000, gets no path and no `<use>`). */
  private readonly known = new Map<string, boolean>();
  private list: readonly string[] = [];

  constructor(
    private readonly prefix: string,
    readonly fonts: FontRegistry,
  ) {}

  /** Every chunk of `<path>` definitions so far; a new array only when a chunk was added. */
  get chunks(): readonly string[] {
    return this.list;
  }

  private idOf(g: GlyphItem): string {
    let fi = this.faces.get(g.face);
    if (fi === undefined) {
      fi = this.faces.size;
      this.faces.set(g.face, fi);
    }
    return `${this.prefix}${fi}-${g.gid}`;
  }

  /** Defines the glyphs of `page` not defined yet. */
  add(page: DisplayPage): void {
    let chunk = '';
    for (const it of page.items) {
      if (it.kind !== 'glyph') continue;
      const id = this.idOf(it);
      if (this.known.has(id)) continue;
      const face = page.faces[it.face];
      if (!face) throw new Error(`display list: page ${page.number} uses face "${it.face}" missing from its faces table`);
      const d = this.fonts.glyphPath(face.key, it.gid);
      this.known.set(id, d !== '');
      if (d !== '') chunk += `<path id="${id}" d="${d}"/>`;
    }
    if (chunk !== '') this.list = [...this.list, chunk];
  }

  /** The id of glyph `g`'s path, or null for a blank glyph (defined by `add` first). */
  ref(g: GlyphItem): string | null {
    const id = this.idOf(g);
    return this.known.get(id) ? id : null;
  }
}
