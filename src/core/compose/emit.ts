import { FLAG, type GlyphItem, type SourceRef } from '../display/types';
import type { FontRegistry } from '../fonts';
import type { LineGeometry } from './justify';
import type { ComposedLine, Prepared, RunStyle, SourceContext } from './types';

// Line geometry → display-list glyphs: x from the line start, baseline at y = 0 (layout offsets them).

// Each glyph's advance runs to the next glyph's origin, so hit-testing and the caret see the final spacing.

/** Glyph origins of the line being emitted, reused across lines (emit is synchronous). */
let xsScratch = new Float64Array(256);

function sourceRef(source: SourceContext, offset: number, length: number): SourceRef {
  // Fixed literal shapes (index last, as the display list has always had it): one hidden class per case.
  return source.index === undefined
    ? { storyId: source.storyId, field: source.field, offset, length }
    : { storyId: source.storyId, field: source.field, offset, length, index: source.index };
}

export function emitLine(p: Prepared, g: LineGeometry, start: number, end: number, last: boolean, fonts: FontRegistry, source: SourceContext): ComposedLine {
  const units = p.units;
  // Pass 1: origins (each glyph's advance runs to the next origin), and the line's vertical extent.
  let count = 0;
  for (let i = g.s; i <= g.k; i++) count += units[i]!.glyphs.length;
  if (xsScratch.length < count) xsScratch = new Float64Array(Math.max(count, xsScratch.length * 2));
  const xs = xsScratch;
  let size = 0;
  let ascent = 0;
  let descent = 0;
  let seen: RunStyle | undefined;
  let n = 0;
  for (let i = g.s; i <= g.k; i++) {
    const u = units[i]!;
    const cx = g.coreX[i - g.s]!;
    const letter = g.letter[i - g.s]!;
    const ugs = u.glyphs;
    for (let gi = 0; gi < ugs.length; gi++) {
      const gl = ugs[gi]!;
      xs[n++] = cx + gl.dx + gi * letter;
      const st = gl.style;
      if (st !== seen) {
        seen = st;
        size = Math.max(size, st.size);
        const face = fonts.primaryFace(st.font);
        ascent = Math.max(ascent, face.ascent * st.size * st.scaleY);
        descent = Math.max(descent, -face.descent * st.size * st.scaleY);
      }
    }
  }
  // Pass 2: the display-list glyphs, each built whole.
  const glyphs: GlyphItem[] = new Array<GlyphItem>(count);
  n = 0;
  for (let i = g.s; i <= g.k; i++) {
    const ugs = units[i]!.glyphs;
    for (let gi = 0; gi < ugs.length; gi++) {
      const gl = ugs[gi]!;
      const st = gl.style;
      const x = xs[n]!;
      const advance = (n + 1 < count ? xs[n + 1]! : g.end) - x;
      const src = sourceRef(source, gl.offset, gl.text.length);
      const info = gl.info;
      let item: GlyphItem;
      if (info.missing) {
        item = st.scaleY !== 1
          ? { kind: 'glyph', face: info.face, gid: info.gid, x, y: 0, size: st.size, scaleX: gl.scaleX, advance, color: FLAG, text: gl.text, src, scaleY: st.scaleY, missing: true }
          : { kind: 'glyph', face: info.face, gid: info.gid, x, y: 0, size: st.size, scaleX: gl.scaleX, advance, color: FLAG, text: gl.text, src, missing: true };
      } else {
        item = st.scaleY !== 1
          ? { kind: 'glyph', face: info.face, gid: info.gid, x, y: 0, size: st.size, scaleX: gl.scaleX, advance, color: st.color, text: gl.text, src, scaleY: st.scaleY }
          : { kind: 'glyph', face: info.face, gid: info.gid, x, y: 0, size: st.size, scaleX: gl.scaleX, advance, color: st.color, text: gl.text, src };
      }
      glyphs[n++] = item;
    }
  }
  return { glyphs, width: g.k >= g.s ? g.end : 0, start, end, last, size, ascent, descent };
}
