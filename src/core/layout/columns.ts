import { type Geometry, spanChars } from '../model';

/** One column of a text frame, in characters of body type from the frame's left edge. */
export interface FrameColumn {
  readonly offsetChars: number;
  readonly widthChars: number;
}

/**
 * Columns inside a text frame of `span` basic columns. `columns` null or equal to the span (and no inset)
 * gives the basic columns; any other count re-divides the span (破栏) by the trade's arithmetic: whole-
 * character widths, the gutter kept, the remainder to the last columns (五破三 = 22/22/23). `insetChars`
 * keeps text off both sides (text inside a box), the division then runs over what is left.
 */
export function frameColumns(g: Pick<Geometry, 'charsPerColumn' | 'gutterChars'>, span: number, columns: number | null, insetChars = 0): FrameColumn[] {
  const m = columns ?? span;
  let widths: number[];
  if (m === span && insetChars === 0) {
    widths = Array.from({ length: span }, () => g.charsPerColumn);
  } else {
    const text = spanChars(g, span) - 2 * insetChars - (m - 1) * g.gutterChars;
    const base = Math.floor(text / m);
    const extra = text - base * m;
    widths = Array.from({ length: m }, (_, i) => base + (i >= m - extra ? 1 : 0));
  }
  const out: FrameColumn[] = [];
  let offset = insetChars;
  for (const w of widths) {
    out.push({ offsetChars: offset, widthChars: w });
    offset += w + g.gutterChars;
  }
  return out;
}
