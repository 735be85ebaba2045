import type { Cmyk, GlyphItem } from '../display/types';
import type { FontRegistry, FontStyle } from '../fonts';
import { verticalCells } from './vertical-cells';

// Sets one line of a vertical headline (竖题) as a column of cells from real font glyphs. Cells follow
// vertical-cells.ts; where the font has a `vert` GSUB form for a mark (Noto has them for `，。、` and the
// brackets) that form is drawn upright, as professional tools do; otherwise the mark is moved (corner marks)
// or the glyph is turned 90° (GlyphItem.rotate). Fonts must be ensured for the text and style.

/** CJK type sits in its em box with the baseline 0.88 em below the top (0.12 em descent). */
const ASCENT = 0.88;
/** From a turned glyph's origin to the middle of its em box, across the column: (0.88 − 0.12) / 2. */
const TURNED_MIDDLE = 0.38;
/** Least white between a moved corner mark and the top of its cell, em (Noto's vertical `，` keeps 0.04). */
const CORNER_GAP = 0.04;

export interface VerticalStyle {
  readonly font: FontStyle;
  readonly size: number; // pt: the cell is size × size
  /** 长体 across the column (1 = full em). */
  readonly scaleX: number;
  /** Condensing along the column (扁体; 1 = full em cells). */
  readonly scaleY: number;
  readonly trackingEm: number;
  readonly color: Cmyk;
}

/**
 * A set column: glyphs with x measured from the column's centre line and y from the column's top (a
 * glyph's y is its baseline, or for a turned glyph the point its advance starts from).
 */
export interface VerticalLine {
  readonly glyphs: readonly GlyphItem[];
  /** Length of the column, pt. */
  readonly height: number;
  /** Type size, pt. */
  readonly size: number;
  /** Width of the column: one em of its type times 长体, pt (a 纵中横 cell never widens it). */
  readonly width: number;
}

export function setVerticalText(text: string, fonts: FontRegistry, st: VerticalStyle): VerticalLine {
  const { size: s, scaleX: sx, scaleY: sy, color } = st;
  const glyphs: GlyphItem[] = [];
  let y = 0;
  const src = (offset: number, length: number): GlyphItem['src'] => ({ storyId: '', field: 'label', offset, length });
  const upright = (face: string, gid: number, advanceEm: number, x: number, top: number, ch: string, offset: number, extra: Partial<GlyphItem> = {}): void => {
    glyphs.push({
      kind: 'glyph', face, gid, x, y: top + ASCENT * s * sy, size: s, scaleX: sx, ...(sy !== 1 ? { scaleY: sy } : {}),
      advance: advanceEm * s * sx, color, text: ch, src: src(offset, ch.length), ...extra,
    });
  };
  const turned = (face: string, gid: number, along: number, top: number, ch: string, offset: number, stretch = 1): void => {
    glyphs.push({
      kind: 'glyph', face, gid, x: -TURNED_MIDDLE * s * sx, y: top, size: s, scaleX: sy * stretch, ...(sx !== 1 ? { scaleY: sx } : {}),
      advance: along, color, text: ch, src: src(offset, ch.length), rotate: 90,
    });
  };

  const cells = verticalCells(text);
  cells.forEach((cell, i) => {
    if (i > 0) y += st.trackingEm * s * sy;
    const cellLen = s * sy;
    switch (cell.kind) {
      case 'space':
        y += cell.text === ' ' ? cellLen / 2 : cellLen;
        return;
      case 'tcy': {
        const gs = [...cell.text].map((ch) => fonts.glyph(st.font, ch.codePointAt(0)!));
        const natural = gs.reduce((a, g) => a + g.advance, 0);
        const fit = Math.min(1, 1 / natural);
        let x = (-natural * fit * s * sx) / 2;
        [...cell.text].forEach((ch, k) => {
          const g = gs[k]!;
          upright(g.face, g.gid, g.advance * fit, x, y, ch, cell.offset + k, { scaleX: sx * fit, ...(g.missing ? { missing: true } : {}) });
          x += g.advance * fit * s * sx;
        });
        y += cellLen;
        return;
      }
      case 'sideways': {
        if (cell.text === '——') {
          const dash = fonts.dash(st.font);
          const stretch = 2 / dash.advance;
          const each = (2 * cellLen) / dash.gids.length;
          dash.gids.forEach((gid, k) => {
            const one = dash.gids.length === 1;
            turned(dash.face, gid, each, y + k * each, one ? '——' : '—', cell.offset + (one ? 0 : k), stretch);
          });
          y += 2 * cellLen;
          return;
        }
        const chars = [...cell.text];
        if (chars.length === 1) {
          const cp = chars[0]!.codePointAt(0)!;
          const g = fonts.glyph(st.font, cp);
          const vert = g.missing ? null : fonts.face(g.face).verticalGlyph(cp);
          if (vert !== null) {
            upright(g.face, vert, 1, (-s * sx) / 2, y, cell.text, cell.offset);
            y += cellLen;
            return;
          }
        }
        // A Latin word, a long number or a mark without a vertical form: the run turned, as long as it is wide.
        let off = cell.offset;
        for (const ch of chars) {
          const g = fonts.glyph(st.font, ch.codePointAt(0)!);
          const along = g.advance * s * sy;
          turned(g.face, g.gid, along, y, ch, off);
          if (g.missing) glyphs[glyphs.length - 1] = { ...glyphs[glyphs.length - 1]!, missing: true };
          y += along;
          off += ch.length;
        }
        // Full-width marks keep whole cells; Latin words may end mid-cell and the next character follows.
        return;
      }
      case 'corner': {
        const cp = cell.text.codePointAt(0)!;
        const g = fonts.glyph(st.font, cp);
        const face = g.missing ? null : fonts.face(g.face);
        const vert = face?.verticalGlyph(cp) ?? null;
        if (face && vert === null) {
          // No vertical form: mirror the ink across the cell (lower left → upper right), where the fonts' own
          // vertical forms put it: as far from the right edge as it was from the left, and as far below the em
          // box's top as it sat above its bottom (at least CORNER_GAP: a comma's tail hangs below the box).
          const b = face.glyphBounds(g.gid);
          const dx = 1 - (b.minX + b.maxX); // em
          const top = ASCENT - Math.max(CORNER_GAP, b.minY + (1 - ASCENT));
          const dy = top - b.maxY; // em, y up
          glyphs.push({
            kind: 'glyph', face: g.face, gid: g.gid, x: (-s * sx) / 2 + dx * s * sx, y: y + ASCENT * s * sy - dy * s * sy, size: s, scaleX: sx,
            ...(sy !== 1 ? { scaleY: sy } : {}), advance: s * sx, color, text: cell.text, src: src(cell.offset, cell.text.length),
          });
        } else {
          upright(g.face, vert ?? g.gid, 1, (-s * sx) / 2, y, cell.text, cell.offset, g.missing ? { missing: true } : {});
        }
        y += cellLen;
        return;
      }
      case 'upright': {
        const cp = cell.text.codePointAt(0)!;
        const g = fonts.glyph(st.font, cp);
        const vert = g.missing ? null : fonts.face(g.face).verticalGlyph(cp);
        const adv = vert !== null ? 1 : g.advance;
        upright(g.face, vert ?? g.gid, adv, (-adv * s * sx) / 2, y, cell.text, cell.offset, g.missing ? { missing: true } : {});
        y += cellLen;
        return;
      }
    }
  });
  return { glyphs, height: y, size: s, width: s * sx };
}
