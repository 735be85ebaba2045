import type { FaceInfo, GlyphItem } from '../display/types';
import type { ComposerParagraph, Story } from '../model';
import type { VerticalLine } from './vertical-set';

// The seam between layout and the composer. Layout asks for lines at a measure and places them; it never
// measures text itself. ComposeTypesetter (compose-typesetter.ts) implements this over src/core/compose;
// tests may implement it with a fixed-pitch setter to get exact, font-independent numbers.

/**
 * One set line: display-list glyphs with x from the line's start and y = 0 on the baseline (the composer's
 * ComposedLine has exactly this shape). Glyph `src.offset` counts in the text that was set.
 */
export interface SetLine {
  readonly glyphs: readonly GlyphItem[];
  /** Advance from the line's start to the end of its last glyph, pt. */
  readonly width: number;
  /** Source offsets covered, [start, end): the next line starts at `end`. */
  readonly start: number;
  readonly end: number;
  /** Largest type size on the line, pt (for centring display lines in their band). */
  readonly size: number;
  /** Added to each glyph's source offset when the line is placed (ComposedLine.srcShift). */
  readonly srcShift?: number;
}

export interface TextOptions {
  readonly align?: 'start' | 'center' | 'end' | 'justify';
  /** 长体 in percent, overriding the style's. */
  readonly scaleX?: number;
  /** Character style for the whole text (e.g. 'credit' for 楷体 credits). */
  readonly charStyle?: string;
  /** Set the text on one line whatever the measure (headlines are broken by the editor, not the composer). */
  readonly noBreak?: boolean;
}

export interface Typesetter {
  /** The story's body as composer paragraphs (offsets into the body's plain text). */
  paragraphs(story: Story): readonly ComposerParagraph[];
  /**
   * Lines of one paragraph from source offset `from` (the paragraph's own offset = its first line, with the
   * first-line indent) to its end, at `width` pt.
   */
  setParagraph(story: Story, para: ComposerParagraph, from: number, width: number): readonly SetLine[];
  /** Grid lines one line of this paragraph style takes (display type takes more than one). */
  styleLines(styleId: string): number;
  /** Body lines a heading style wants kept with it in the same column (背题 control). */
  keepWithNext(styleId: string): number;
  /** Sets a short text (headline line, caption, running head, jump line) in a paragraph style. */
  setText(text: string, styleId: string, width: number, opts?: TextOptions): readonly SetLine[];
  /**
   * Sets a short text as one vertical column (竖题) in a paragraph style: glyph x from the column's centre
   * line, y from its top. `scaleY` (percent) condenses along the column.
   */
  setVertical(text: string, styleId: string, opts?: { readonly scaleY?: number }): VerticalLine;
  /** Faces used so far, for DisplayPage.faces. */
  faces(): Readonly<Record<string, FaceInfo>>;
}

const LATIN = /^[0-9A-Za-z\u00c0-\u024f.,%+\-/]+$/;

/**
 * Characters on a line as copyfit counts them (DESIGN.md §3): one per source character, except that a run
 * of Latin letters and digits counts as its width in em, rounded up.
 */
export function lineChars(line: SetLine): number {
  let n = 0;
  let run = 0;
  let runSize = 0;
  const flush = (): void => {
    if (run > 0) n += Math.ceil(run / runSize - 1e-6);
    run = 0;
  };
  for (const g of line.glyphs) {
    if (LATIN.test(g.text)) {
      run += g.advance;
      runSize = g.size * g.scaleX;
    } else {
      flush();
      n += [...g.text].length;
    }
  }
  flush();
  return n;
}
