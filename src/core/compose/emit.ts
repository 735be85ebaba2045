import { FLAG, type GlyphItem } from '../display/types';
import type { FontRegistry } from '../fonts';
import type { LineGeometry } from './justify';
import type { ComposedLine, Prepared, RunStyle, SourceContext } from './types';

// Line geometry → display-list glyphs: x from the line start, baseline at y = 0 (layout offsets them).
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Each glyph's advance runs to the next glyph's origin, so hit-testing and the caret see the final spacing.

export function emitLine(p: Prepared, g: LineGeometry, start: number, end: number, last: boolean, fonts: FontRegistry, source: SourceContext): ComposedLine {
  const glyphs: Mutable<GlyphItem>[] = [];
  const xs: number[] = [];
  let size = 0;
  let ascent = 0;
  let descent = 0;
  let seen: RunStyle | undefined;
  for (let i = g.s; i <= g.k; i++) {
    const u = p.units[i]!;
    const cx = g.coreX[i - g.s]!;
    const letter = g.letter[i - g.s]!;
    for (let gi = 0; gi < u.glyphs.length; gi++) {
      const gl = u.glyphs[gi]!;
      const gx = cx + gl.dx + gi * letter;
      const st = gl.style;
      if (st !== seen) {
        seen = st;
        size = Math.max(size, st.size);
        const face = fonts.primaryFace(st.font);
        ascent = Math.max(ascent, face.ascent * st.size * st.scaleY);
        descent = Math.max(descent, -face.descent * st.size * st.scaleY);
      }
      xs.push(gx);
      const src: { storyId: string; field: SourceContext['field']; index?: number; offset: number; length: number } = {
        storyId: source.storyId, field: source.field, offset: gl.offset, length: gl.text.length,
      };
      if (source.index !== undefined) src.index = source.index;
      const item: Mutable<GlyphItem> = {
        kind: 'glyph', face: gl.info.face, gid: gl.info.gid, x: gx, y: 0, size: st.size, scaleX: gl.scaleX,
        advance: 0, color: gl.info.missing ? FLAG : st.color, text: gl.text, src,
      };
      if (st.scaleY !== 1) item.scaleY = st.scaleY;
      if (gl.info.missing) item.missing = true;
      glyphs.push(item);
    }
  }
  for (let j = 0; j < glyphs.length; j++) {
    const next = j + 1 < glyphs.length ? xs[j + 1]! : g.end;
    glyphs[j]!.advance = next - xs[j]!;
  }
  return { glyphs, width: g.k >= g.s ? g.end : 0, start, end, last, size, ascent, descent };
}
