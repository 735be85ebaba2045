// How each character of a vertical headline (竖题) sits in its column (TYPESETTING.md §6.3, checklist 31):
// Han upright one per cell; `，。、．` in the upper-right of their cell; brackets, quotes, `——`, `……` and Latin
// runs turned 90° (or the font's `vert` alternates, which draw exactly that upright); a 2–3 digit number
// upright and side by side in one cell (纵中横). Pure: the setter decides glyphs, this decides cells.

export type VerticalCellKind =
  /** One character upright in one cell (Han, kana, full-width digits, a lone Latin letter or digit). */
  | 'upright'
  /** `，。、．` and `：；！？` (GB/T 15834: 置于字下偏右): the mark moves to the upper-right of its cell. */
  | 'corner'
  /** Turned 90° clockwise: brackets, quotes, `——` (one 2-em cell), `……`, `～`, Latin words, long numbers. */
  | 'sideways'
  /** 纵中横: a 2–3 digit number set horizontally inside one cell. */
  | 'tcy'
  /** U+3000 (one cell) or a space (half a cell): white, no glyph. */
  | 'space';

export interface VerticalCell {
  readonly kind: VerticalCellKind;
  readonly text: string;
  /** UTF-16 offset of the cell's first character in the text. */
  readonly offset: number;
}

const CORNER = new Set([...'，。、．：；！？']);
const SIDEWAYS = new Set([...'（）《》〈〉【】〔〕「」『』［］｛｝〖〗“”‘’…～－—()[]{}<>_~']);
const LATIN = /[A-Za-z0-9.,%+\-/'&]/;
const DIGIT = /[0-9]/;

/** Longest 纵中横 number; longer numbers turn sideways like Latin words. */
export const TCY_MAX_DIGITS = 3;

export function verticalCells(text: string): VerticalCell[] {
  const out: VerticalCell[] = [];
  const chars = [...text];
  let offset = 0;
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    if (LATIN.test(ch)) {
      let j = i;
      let run = '';
      while (j < chars.length && LATIN.test(chars[j]!)) run += chars[j++];
      const digits = [...run].every((c) => DIGIT.test(c));
      const kind: VerticalCellKind = run.length === 1 ? 'upright' : digits && run.length <= TCY_MAX_DIGITS ? 'tcy' : 'sideways';
      out.push({ kind, text: run, offset });
      offset += run.length;
      i = j;
      continue;
    }
    if (ch === '—' && chars[i + 1] === '—') {
      out.push({ kind: 'sideways', text: '——', offset });
      offset += 2;
      i += 2;
      continue;
    }
    const kind: VerticalCellKind = ch === '\u3000' || ch === ' ' ? 'space' : CORNER.has(ch) ? 'corner' : SIDEWAYS.has(ch) ? 'sideways' : 'upright';
    out.push({ kind, text: ch, offset });
    offset += ch.length;
    i++;
  }
  return out;
}
