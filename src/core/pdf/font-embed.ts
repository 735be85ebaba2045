// One embedded Type0 font per FACE of the display list (all fontsource slices of one family and weight together, or
// one newsroom font file), Identity-H, with a ToUnicode map written from the display list's own glyph → text pairs
// (so `——`, digits, Latin and rare characters come back out of the PDF exactly as the story holds them). TrueType
// outlines go in as CIDFontType2 (FontFile2), CFF outlines of an OpenType house font as CIDFontType0 (FontFile3).
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { type FaceInfo, type GlyphItem } from '../display/types';
import { parseFontFile } from '../fonts/loader';
import { buildCffSubset } from './cff-subset';
import { flateStream, type Deflate } from './deflate';
import { buildSubset, faceBox, hintingKey, type GlyphSource } from './font-subset';
import { type SfntFace } from './sfnt';

/** How the content stream writes the glyphs of one font file (one slice) of a face. */
export interface FontUse {
  /** The CID to write for this glyph. */
  cid(glyph: GlyphItem): number;
  /** Width of a CID in PDF glyph space (1/1000 em), exactly as written into /W. */
  width(cid: number): number;
}

/**
 * Which embedded font a font file belongs to: every slice of a fontsource family/weight shares one, a newsroom
 * file (or TTC face) has its own. Slices join only when unitsPerEm and hinting program agree.
 */
export function faceGroupKey(file: string, face: SfntFace): string {
  let base = file;
  try {
    const ref = parseFontFile(file);
    if (ref.kind === 'fontsource') base = `fontsource:${ref.pkg}/${ref.weight}`;
  } catch {
    // An unknown loader path is its own face.
  }
  return `${base}\u0000${face.unitsPerEm}\u0000${hintingKey(face)}`;
}

/**
 * The glyphs a document uses from one face, and the CID each (file, gid, text) is written as. CIDs are dense
 * (0 = .notdef of the first slice), given in the order the content stream asks; a glyph that must carry a
 * second text (one outline drawing two characters, or 〓 standing for several missing ones) gets a second
 * CID, because a ToUnicode entry maps one CID to one string.
 */
export class FaceFont {
  private readonly faces: SfntFace[] = [];
  private readonly files: string[] = [];
  private readonly views = new Map<string, FontUse>();
  private readonly sources: GlyphSource[] = [{ face: 0, gid: 0 }];
  private readonly texts: string[] = [''];
  private readonly cidOf = new Map<string, number>([['0:0', 0]]);
  private readonly copyCid = new Map<string, number>();

  constructor(
    readonly key: string,
    readonly info: FaceInfo,
  ) {}

  /** The writer for one font file of this face (registered on first call). */
  use(info: FaceInfo, face: SfntFace): FontUse {
    let view = this.views.get(info.file);
    if (view) return view;
    const slot = this.faces.length;
    this.faces.push(face);
    this.files.push(info.file);
    view = {
      cid: (glyph) => this.cid(slot, face, info.file, glyph),
      width: (cid) => this.width(cid),
    };
    this.views.set(info.file, view);
    return view;
  }

  /** Number of CIDs given out so far. */
  get size(): number {
    return this.sources.length;
  }

  private cid(slot: number, face: SfntFace, file: string, glyph: GlyphItem): number {
    const { gid, text } = glyph;
    if (gid >= face.numGlyphs) {
      throw new Error(`字形 ${gid} 不在字体 ${file} 中（共 ${face.numGlyphs} 个字形）`);
    }
    const key = `${slot}:${gid}`;
    const first = this.cidOf.get(key);
    if (first === undefined) {
      const cid = this.add(slot, gid, text);
      this.cidOf.set(key, cid);
      return cid;
    }
    const known = this.texts[first]!;
    if (known === '') {
      this.texts[first] = text;
      return first;
    }
    if (known === text || text === '') return first;
    const copyKey = `${key}\u0000${text}`;
    let cid = this.copyCid.get(copyKey);
    if (cid === undefined) {
      cid = this.add(slot, gid, text);
      this.copyCid.set(copyKey, cid);
    }
    return cid;
  }

  private add(slot: number, gid: number, text: string): number {
    const cid = this.sources.length;
    if (cid > 0xffff) throw new Error(`字体 ${this.info.family} ${this.info.weight} 的字形超过 65535 个，无法写入 PDF`);
    this.sources.push({ face: slot, gid });
    this.texts.push(text);
    return cid;
  }

  /** Width of a CID in PDF glyph space (1/1000 em), exactly as written into /W. */
  width(cid: number): number {
    const s = this.sources[cid]!;
    const face = this.faces[s.face]!;
    return Math.round((face.advance(s.gid) * 1000 * 1000) / face.unitsPerEm) / 1000;
  }

  /** Writes the font objects into the PDF, the Type0 font at `target` (pages already refer to it). */
  async embed(context: PDFContext, target: PDFRef, deflate: Deflate): Promise<void> {
    const main = this.faces[0];
    if (!main) throw new Error(`字体 ${this.info.family} 没有用到任何字形`);
    const cff = main.cff !== null;
    const program = cff ? buildCffSubset(main, this.sources) : buildSubset(this.faces, this.sources);
    const name = `${subsetTag(this.key, this.files, this.sources)}+${postscriptName(this.info)}`;
    const upm = main.unitsPerEm;
    const scale = (v: number): number => Math.round((v * 1000) / upm);

    // References are taken before the first await, so object numbers follow the call order and the same
    // input gives the same bytes.
    const fontFile = context.nextRef();
    const toUnicode = context.nextRef();
    const descriptor = context.nextRef();
    const cidFont = context.nextRef();
    await Promise.all([
      flateStream(context, deflate, fontFile, program, cff ? { Subtype: 'CIDFontType0C' } : { Length1: program.length }),
      flateStream(context, deflate, toUnicode, this.toUnicodeCMap()),
    ]);
    context.assign(
      descriptor,
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: 4, // symbolic: the font has its own glyph set, not the standard Latin one
        FontBBox: faceBox(this.faces).map(scale),
        ItalicAngle: main.italicAngle,
        Ascent: scale(main.ascent),
        Descent: scale(main.descent),
        CapHeight: scale(main.capHeight),
        StemV: Math.round(50 + (main.weightClass / 65) ** 2),
        ...(cff ? { FontFile3: fontFile } : { FontFile2: fontFile }),
      }),
    );
    context.assign(
      cidFont,
      context.obj({
        Type: 'Font',
        Subtype: cff ? 'CIDFontType0' : 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        W: this.widthsArray(),
        // A CFF program's own charset maps CIDs to its glyphs (the identity: cff-subset.ts).
        ...(cff ? {} : { CIDToGIDMap: 'Identity' }),
      }),
    );
    context.assign(
      target,
      context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: toUnicode,
      }),
    );
  }

  private widthsArray(): (number | number[])[] {
    const out: (number | number[])[] = [];
    let run: number[] = [];
    let start = -2;
    let prev = -2;
    for (let cid = 0; cid < this.sources.length; cid++) {
      const w = this.width(cid);
      if (w === 1000) continue; // DW
      if (cid !== prev + 1) {
        if (run.length) out.push(start, run);
        run = [];
        start = cid;
      }
      run.push(w);
      prev = cid;
    }
    if (run.length) out.push(start, run);
    return out;
  }

  private toUnicodeCMap(): string {
    const entries: string[] = [];
    for (let cid = 0; cid < this.sources.length; cid++) {
      const text = this.texts[cid]!;
      if (text === '') continue;
      entries.push(`<${hex4(cid)}> <${utf16Hex(text)}>`);
    }
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CIDInit /ProcSet findresource exch defineresource pop',
      'end',
      'end',
    ].join('\n');
  }
}

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));

/** Four hex digits of a 16-bit value (every glyph of a page goes through here). */
export function hex4(n: number): string {
  return HEX2[(n >> 8) & 0xff]! + HEX2[n & 0xff]!;
}

function utf16Hex(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) s += hex4(text.charCodeAt(i));
  return s;
}

/** Six capital letters fixed by the face, its files and the glyph set: `pdffonts` reports "sub yes". */
function subsetTag(key: string, files: readonly string[], glyphs: readonly GlyphSource[]): string {
  let h = 0x811c9dc5;
  const mix = (v: number): void => {
    h ^= v;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const s of [key, ...files]) for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
  for (const g of glyphs) {
    mix(g.face);
    mix(g.gid);
  }
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26);
  }
  return tag;
}

/** A PostScript-safe face name (fontsource files all call themselves the same, so it comes from FaceInfo). */
function postscriptName(info: FaceInfo): string {
  const name = `${info.family}-${info.weight}`.replace(/[^A-Za-z0-9-]/g, '');
  return name.slice(0, 100) || 'Font';
}
