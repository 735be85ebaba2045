// The display list: the one contract between layout and every output (screen SVG, PDF, PNG).
// Plain data, positions final. Outputs draw it; none of them lays text out again.
//
// Coordinates are in pt from the page's top-left corner (y grows downward); a glyph's `y` is its baseline.

/** Process colour, each channel 0..1. Black text is {c:0,m:0,y:0,k:1} and prints as pure K. */
export interface Cmyk {
  readonly c: number;
  readonly m: number;
  readonly y: number;
  readonly k: number;
}

/** Which piece of a story a glyph draws. Offsets count UTF-16 code units inside that field's text. */
export type StoryField =
  | 'body'
  | 'kicker' // 引题
  | 'headline' // 主题
  | 'subtitle' // 副题
  | 'byline' // interview byline under a headline (职务　姓名)
  | 'caption'
  | 'credit'
  | 'jump' // generated 下转/上接 line
  | 'label'; // generated or page furniture (报眉, 专栏 banner, 编者按 label)

export interface SourceRef {
  readonly storyId: string; // '' for page furniture (running head, banner)
  readonly field: StoryField;
  /** For photo captions and credits: which photo of the story. */
  readonly index?: number;
  readonly offset: number;
  readonly length: number;
}

/**
 * One glyph of one font file. `face` is a key of `DisplayPage.faces`: one font file (a fontsource slice,
 * a whole file, or a newsroom's own font). `gid` is the glyph id in that file. `——` is one ligature glyph
 * whose advance is forced to exactly 2 em, drawn with `scaleX` so its ink fills those 2 em.
 */
export interface GlyphItem {
  readonly kind: 'glyph';
  readonly face: string;
  readonly gid: number;
  readonly x: number;
  readonly y: number;
  readonly size: number; // pt (em size)
  readonly scaleX: number; // 1 = 100 %; 长体 < 1
  readonly scaleY?: number; // 扁体 < 1 (1 when absent)
  /** The advance the layout gave this glyph, in pt (after compression/justification). */
  readonly advance: number;
  readonly color: Cmyk;
  /** The characters this glyph draws (for ToUnicode and hit-testing); '〓' glyphs carry the original character. */
  readonly text: string;
  readonly src: SourceRef | null;
  /** Set for characters no font could draw: drawn as 〓 in the flag colour, listed by preflight. */
  readonly missing?: true;
  /**
   * 90 = turned a quarter clockwise about (x, y): the glyph's advance runs down the page and its top faces
   * right (brackets, `——` and Latin words in a vertical headline whose font has no `vert` form for them).
   */
  readonly rotate?: 90;
}

export type RuleStyle = 'solid' | 'dotted' | 'dashed';

export interface RuleItem {
  readonly kind: 'rule';
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly width: number; // stroke width in pt
  readonly style: RuleStyle;
  readonly color: Cmyk;
}

export interface RectItem {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly fill?: Cmyk; // a tint (底纹) is a fill with small channel values
  readonly stroke?: { readonly width: number; readonly color: Cmyk };
}

export interface ImageItem {
  readonly kind: 'image';
  readonly assetId: string; // content hash name under assets/, e.g. '3fa2….jpg'
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly src: SourceRef | null;
  /**
   * When set, only this part of the drawn image shows: a picture set to fill its frame is scaled to cover it
   * (x/y/w/h above may reach past the frame) and clipped to the frame here. Outputs must clip to it.
   */
  readonly clip?: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

export type DisplayItem = GlyphItem | RuleItem | RectItem | ImageItem;

/** Describes one font file well enough for every output to fetch its bytes through the font loader. */
export interface FaceInfo {
  readonly key: string;
  readonly family: string; // e.g. 'Noto Serif SC'
  readonly weight: number;
  /** Loader path: 'fontsource:noto-serif-sc/400/117', 'fontsource:lxgw-wenkai/500/117' or 'file:<path>'. */
  readonly file: string;
  /** PostScript-safe name to use inside PDFs. */
  readonly psName: string;
  readonly unitsPerEm: number;
}

/** Where each frame landed, for hit-testing, selection outlines and preflight jumps. */
export interface FrameBox {
  readonly frameId: string;
  readonly storyId: string | null;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface DisplayPage {
  readonly pageId: string;
  readonly number: string; // 版次, e.g. 'A03'
  readonly width: number; // trim width in pt
  readonly height: number; // trim height in pt
  readonly items: readonly DisplayItem[];
  readonly faces: Readonly<Record<string, FaceInfo>>;
  readonly frames: readonly FrameBox[];
}

export interface DisplayList {
  readonly issueTitle: string; // paper name and date, for PDF metadata
  readonly pages: readonly DisplayPage[];
}

export const BLACK: Cmyk = { c: 0, m: 0, y: 0, k: 1 };
export const WHITE: Cmyk = { c: 0, m: 0, y: 0, k: 0 };
/** The flag colour for missing characters (magenta): it must never look like print. */
export const FLAG: Cmyk = { c: 0, m: 1, y: 0, k: 0 };
