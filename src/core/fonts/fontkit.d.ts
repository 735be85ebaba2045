// The slice of fontkit 2.0's API that Yeban uses (the package ships no type declarations).
declare module 'fontkit' {
  export interface FontkitPath {
    toSVG(): string;
    /** In font units, y up; `command` is moveTo, lineTo, quadraticCurveTo, bezierCurveTo or closePath. */
    readonly commands: readonly { readonly command: string; readonly args: readonly number[] }[];
    readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  }
  export interface FontkitGlyph {
    readonly id: number;
    readonly codePoints: readonly number[];
    readonly advanceWidth: number;
    readonly path: FontkitPath;
    readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  }
  export interface FontkitGlyphRun {
    readonly glyphs: readonly FontkitGlyph[];
    readonly positions: readonly { readonly xAdvance: number; readonly xOffset: number; readonly yOffset: number }[];
  }
  export interface FontkitMetricsTable {
    readonly metrics: { readonly length: number; get(index: number): { readonly advance: number } | undefined };
  }
  export interface FontkitFont {
    readonly type: string;
    /** Decoded lazily, entry by entry. */
    readonly hmtx: FontkitMetricsTable;
    /** Present in variable fonts with horizontal metric variations. */
    readonly HVAR?: unknown;
    readonly postscriptName: string | null;
    readonly familyName: string | null;
    readonly unitsPerEm: number;
    readonly ascent: number;
    readonly descent: number;
    readonly numGlyphs: number;
    readonly characterSet: readonly number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): FontkitGlyph;
    getGlyph(id: number): FontkitGlyph;
    layout(text: string, features?: readonly string[] | Record<string, boolean>): FontkitGlyphRun;
    createSubset(): FontkitSubset;
  }
  /** A glyph subset; for CFF fonts `encode` gives a bare CID-keyed CFF (ROS Adobe-Identity-0, CID i = glyphs[i]). */
  export interface FontkitSubset {
    /** Old glyph ids in the order of the subset's new ids (0 = .notdef). */
    glyphs: number[];
    encode(): Uint8Array;
  }
  export interface FontkitCollection {
    readonly type: 'TTC' | 'DFont';
    readonly fonts: readonly FontkitFont[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection;
}
