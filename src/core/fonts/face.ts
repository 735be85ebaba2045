import { create, type FontkitFont, type FontkitGlyph } from 'fontkit';
import { glyfOutline, glyfTables, outlineFromCommands, type GlyfTables, type GlyphCommand, type GlyphOutline } from './glyph-outline';
import { parseFontFile } from './loader';

// One parsed font file and everything the composer and the outputs ask of it. fontkit objects stay in here:
// the composer sees plain numbers (advance in em), so fontkit never runs inside line breaking.

export interface FaceGlyph {
  readonly gid: number;
  /** Natural advance in em (advanceWidth / unitsPerEm). */
  readonly advance: number;
}

export interface DashLigature {
  /** Glyph ids `——` shapes to (one ligature in Noto; two glyphs in fonts without the ligature). */
  readonly gids: readonly number[];
  /** Their natural total advance in em; the composer stretches them to exactly 2 em. */
  readonly advance: number;
}

export class Face {
  readonly key: string;
  readonly unitsPerEm: number;
  readonly ascent: number; // em, positive up
  readonly descent: number; // em, negative
  readonly psName: string;
  private readonly glyphs = new Map<number, FaceGlyph | null>();
  private readonly paths = new Map<number, string>();
  private readonly verts = new Map<number, number | null>();
  private dash: DashLigature | null | undefined;

  constructor(
    readonly file: string,
    readonly family: string,
    readonly weight: number,
    readonly bytes: Uint8Array,
    private readonly font: FontkitFont,
  ) {
    this.key = faceKey(file);
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = font.ascent / font.unitsPerEm;
    this.descent = font.descent / font.unitsPerEm;
    // Static woff2 slices are all named NotoSerifSCExtraLight-<Weight> inside (STACK.md): name them ourselves.
    this.psName = `${family.replace(/[^A-Za-z0-9]/g, '')}-${weight}-${this.key.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 120);
  }

  has(cp: number): boolean {
    return this.glyph(cp) !== null;
  }

  /** The glyph a code point maps to, or null when the font has none (gid 0 is .notdef, not a glyph). */
  glyph(cp: number): FaceGlyph | null {
    let g = this.glyphs.get(cp);
    if (g === undefined) {
      if (this.font.hasGlyphForCodePoint(cp)) {
        const fg = this.font.glyphForCodePoint(cp);
        g = fg.id === 0 ? null : { gid: fg.id, advance: this.advanceUnits(fg) / this.unitsPerEm };
      } else {
        g = null;
      }
      this.glyphs.set(cp, g);
    }
    return g;
  }

  /**
   * The glyph's advance in font units, read from hmtx as fontkit does. fontkit's own `advanceWidth` also
   * works out vertical metrics, which without a vmtx table decodes the whole outline for its box: that was
   * most of the time `ensure` spent per character. Variable fonts keep fontkit's path (HVAR adjustments).
   */
  private advanceUnits(fg: FontkitGlyph): number {
    if (this.font.HVAR !== undefined) return fg.advanceWidth;
    const metrics = this.font.hmtx.metrics;
    const m = metrics.get(fg.id < metrics.length ? fg.id : metrics.length - 1);
    return m ? m.advance : 0;
  }

  /** `——` through the font's GSUB (ccmp/liga): one glyph in Noto, forced to 2 em by the composer. */
  dashLigature(): DashLigature | null {
    if (this.dash === undefined) {
      if (!this.has(0x2014)) {
        this.dash = null;
      } else {
        const run = this.font.layout('\u2014\u2014');
        const gids = run.glyphs.map((g) => g.id);
        const advance = run.positions.reduce((s, p) => s + p.xAdvance, 0) / this.unitsPerEm;
        this.dash = gids.some((g) => g === 0) || advance <= 0 ? null : { gids, advance };
      }
    }
    return this.dash;
  }

  /**
   * The glyph the font's `vert` GSUB feature draws for a code point in vertical text (Noto: `，。、` moved to
   * the upper right, brackets turned), or null when the font has no vertical form for it.
   */
  verticalGlyph(cp: number): number | null {
    let v = this.verts.get(cp);
    if (v === undefined) {
      const ch = String.fromCodePoint(cp);
      const h = this.font.layout(ch).glyphs;
      const vg = this.font.layout(ch, ['vert']).glyphs;
      v = h.length === 1 && vg.length === 1 && vg[0]!.id !== 0 && vg[0]!.id !== h[0]!.id ? vg[0]!.id : null;
      this.verts.set(cp, v);
    }
    return v;
  }

  /** SVG path data of a glyph in font units, y up as in the font: draw with scale(size/upm, -size/upm). */
  glyphPath(gid: number): string {
    let p = this.paths.get(gid);
    if (p === undefined) {
      p = this.font.getGlyph(gid).path.toSVG();
      this.paths.set(gid, p);
    }
    return p;
  }

  /**
   * A glyph's outline as fontkit's path commands (moveTo, lineTo, quadraticCurveTo, bezierCurveTo, closePath) in
   * font units, y up: the page view places these numbers directly, without writing and parsing path data.
   */
  glyphCommands(gid: number): readonly GlyphCommand[] {
    return this.font.getGlyph(gid).path.commands;
  }

  /** Glyphs in the font (ids 0 … glyphCount − 1). */
  get glyphCount(): number {
    return this.font.numGlyphs;
  }

  private glyf: GlyfTables | null | undefined;

  /** A glyph's outline for the screen (glyph-outline.ts): read from `glyf` directly where it can be, else fontkit's path. Null when blank. */
  glyphOutline(gid: number): GlyphOutline | null {
    if (this.glyf === undefined) this.glyf = glyfTables(this.bytes);
    const direct = this.glyf ? glyfOutline(this.glyf, gid) : undefined;
    return direct !== undefined ? direct : outlineFromCommands(this.glyphCommands(gid));
  }

  /** Ink bounds of a glyph in em, y up. */
  glyphBounds(gid: number): { minX: number; minY: number; maxX: number; maxY: number } {
    const b = this.font.getGlyph(gid).bbox;
    const u = this.unitsPerEm;
    return { minX: b.minX / u, minY: b.minY / u, maxX: b.maxX / u, maxY: b.maxY / u };
  }
}

/** A face key safe in SVG ids and PDF names: the file string with separators folded. */
export function faceKey(file: string): string {
  return file.replace(/^fontsource:/, 'fs-').replace(/[^A-Za-z0-9_-]+/g, '-');
}

export function parseFace(file: string, family: string, weight: number, bytes: Uint8Array): Face {
  const ref = parseFontFile(file);
  let parsed;
  try {
    parsed = create(bytes);
  } catch (e) {
    throw new Error(`字体文件无法解析：${file}（${e instanceof Error ? e.message : String(e)}）`);
  }
  let font: FontkitFont;
  if ('fonts' in parsed) {
    const index = ref.kind === 'file' ? ref.index : 0;
    const member = parsed.fonts[index];
    if (!member) throw new Error(`字体集合中没有第 ${index} 个字体：${file}（共 ${parsed.fonts.length} 个）`);
    font = member;
  } else {
    font = parsed;
  }
  if (!font.unitsPerEm) throw new Error(`字体文件缺少 head 表：${file}`);
  return new Face(file, family, weight, bytes, font);
}
