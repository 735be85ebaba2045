import type { Cmyk, GlyphItem, StoryField } from '../display/types';
import type { FontStyle, GlyphInfo } from '../fonts';
import type { KinsokuLevel, PunctStyle } from '../model/house';

/** A run's formatting resolved to numbers: what the composer needs per character. */
export interface RunStyle {
  readonly font: FontStyle;
  readonly size: number; // pt
  readonly scaleX: number; // 1 = 100 %
  readonly scaleY: number;
  readonly trackingEm: number;
  readonly color: Cmyk;
}

export interface ComposeSettings {
  readonly kinsoku: KinsokuLevel;
  readonly punctStyle: PunctStyle;
  readonly hanLatinGapEm: number;
  readonly hanDigitGapEm: number;
  /** Fewest characters (not marks) a paragraph's last line may hold (孤字 control). */
  readonly minLastLineChars: number;
  /** An opening bracket at a line start drops its left blank (TYPESETTING.md §2.4, optional). */
  readonly lineStartOpenTrim: boolean;
}

export const enum UnitKind {
  Han,
  Word, // Latin words, numbers, units, alnum tokens: never broken, never stretched inside
  Punct,
  Dash, // —— : 2 em, one ligature glyph
  Ellipsis, // …… : 2 em
  Space, // U+0020: a stretchable word space, dropped at line ends
  Fixed, // U+3000 and anything else set at its own width
  Break, // a hard line break inside the paragraph
}

/** Which blank a push-in squeezes first (CLREQ reduction order); lower goes first. */
export const enum ShrinkClass {
  None = -1,
  Bracket = 1,
  Pause = 2,
  Stop = 4,
}

export interface UnitGlyph {
  readonly info: GlyphInfo;
  /** x of the glyph's origin relative to the start of the unit's core, pt. */
  readonly dx: number;
  readonly scaleX: number;
  readonly text: string;
  readonly offset: number;
  readonly style: RunStyle;
}

/** An unbreakable piece of the paragraph (one Han character, a word, `——`, a mark). Widths in pt. */
export interface Unit {
  readonly kind: UnitKind;
  readonly firstCp: number;
  readonly lastCp: number;
  readonly start: number; // source offset (UTF-16)
  readonly end: number;
  readonly text: string;
  readonly style: RunStyle;
  /** One em horizontally for this unit (size × scaleX). */
  readonly cell: number;
  core: number;
  bl: number;
  br: number;
  shrinkL: ShrinkClass;
  shrinkR: ShrinkClass;
  /** Kind of character at each edge, for Han–Latin/digit spacing. */
  readonly edgeL: Edge;
  readonly edgeR: Edge;
  readonly glyphs: readonly UnitGlyph[];
}

export const enum Edge {
  Han,
  Latin,
  Digit,
  Punct,
  Other,
}

export const enum GapKind {
  /** Never stretched (inside long marks' neighbourhood, beside connectors and solidi, around spaces). */
  Rigid,
  Normal,
  /** Han–Latin / Han–digit gap: stretched before ordinary gaps, capped at 1/3 em. */
  HanLatin,
}

/** The paragraph after segmentation: units and the gaps between unit i and i + 1. */
export interface Prepared {
  readonly units: Unit[];
  readonly gap: Float64Array; // natural gap after unit i, pt
  readonly gapMin: Float64Array;
  readonly gapKind: Uint8Array;
  /** canBreak[i]: a line may end after unit i. */
  readonly canBreak: Uint8Array;
  readonly missing: { offset: number; char: string }[];
}

export interface ComposedLine {
  readonly glyphs: readonly GlyphItem[];
  /** Right edge of the line's last glyph, pt from the line start (= the measure on justified lines). */
  readonly width: number;
  /** Source offsets [start, end) of the text on this line. */
  readonly start: number;
  readonly end: number;
  readonly last: boolean;
  /** Largest type size on the line, pt. */
  readonly size: number;
  /** Above and below the baseline, pt (from the faces' vertical metrics). */
  readonly ascent: number;
  readonly descent: number;
  /**
   * Added to each glyph's source offset when the line is placed: its paragraph moved in the story since it was
   * composed, and the line shares the cached glyphs instead of copying each one (ComposeCache.composeShared).
   */
  readonly srcShift?: number;
}

export interface ComposedParagraph {
  readonly index: number;
  readonly kind: 'paragraph' | 'subhead';
  readonly styleId: string;
  readonly lines: readonly ComposedLine[];
  readonly measure: number;
  /** Characters no font draws (set as 〓), for preflight: where (story, field, source offset) and which. */
  readonly missing: readonly MissingChar[];
  /** The last line still holds a lone character: the paragraph was too short to fix. */
  readonly orphanFallback: boolean;
  /** Keep this many body lines after the paragraph in the same column (headings). */
  readonly keepWithNextLines: number;
}

export interface MissingChar {
  readonly storyId: string;
  readonly field: StoryField;
  readonly offset: number;
  readonly char: string;
}

export interface SourceContext {
  readonly storyId: string;
  readonly field: StoryField;
  readonly index?: number;
}
