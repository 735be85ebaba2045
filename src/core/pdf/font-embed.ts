// One embedded Type0/CIDFontType2 font per font file of the display list, Identity-H, with a ToUnicode map
// written from the display list's own glyph → text pairs (so `——`, digits, Latin and rare characters come
// back out of the PDF exactly as the story holds them).
import { PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { type FaceInfo, type GlyphItem } from '../display/types';
import { flateStream, type Deflate } from './deflate';
import { buildSubset } from './font-subset';
import { type SfntFace } from './sfnt';

/** The glyphs one font file contributes to a document, and the CID each (gid, text) pair is written as. */
export class FontUse {
  private readonly textOf = new Map<number, string>();
  private readonly copyCid = new Map<string, number>();
  private readonly copies: number[] = [];

  constructor(
    readonly info: FaceInfo,
    readonly face: SfntFace,
  ) {}

  /** The CID to write for this glyph (its gid, or a copy's id when the gid already stands for other text). */
  cid(glyph: GlyphItem): number {
    const { gid, text } = glyph;
    if (gid >= this.face.numGlyphs) {
      throw new Error(`字形 ${gid} 不在字体 ${this.info.file} 中（共 ${this.face.numGlyphs} 个字形）`);
    }
    const known = this.textOf.get(gid);
    if (known === undefined || known === '') {
      this.textOf.set(gid, text);
      return gid;
    }
    if (known === text || text === '') return gid;
    const key = `${gid}\u0000${text}`;
    let cid = this.copyCid.get(key);
    if (cid === undefined) {
      cid = this.face.numGlyphs + this.copies.length;
      if (cid > 0xffff) throw new Error(`字体 ${this.info.file} 的字形超过 65535 个，无法写入 PDF`);
      this.copies.push(gid);
      this.copyCid.set(key, cid);
      this.textOf.set(cid, text);
    }
    return cid;
  }

  /** Width of a CID in PDF glyph space (1/1000 em), exactly as written into /W. */
  width(cid: number): number {
    const gid = cid < this.face.numGlyphs ? cid : this.copies[cid - this.face.numGlyphs]!;
    return Math.round((this.face.advance(gid) * 1000 * 1000) / this.face.unitsPerEm) / 1000;
  }

  /** Writes the font objects into the PDF, the Type0 font at `target` (pages already refer to it). */
  async embed(context: PDFContext, target: PDFRef, deflate: Deflate): Promise<void> {
    const cids = [...this.textOf.keys()].sort((a, b) => a - b);
    const gids = new Set(cids.filter((c) => c < this.face.numGlyphs));
    const program = buildSubset(this.face, { gids, copies: this.copies });
    const name = `${subsetTag(this.info.file, cids)}+${postscriptName(this.info)}`;
    const upm = this.face.unitsPerEm;
    const scale = (v: number): number => Math.round((v * 1000) / upm);

    // References are taken before the first await, so object numbers follow the call order and the same
    // input gives the same bytes.
    const fontFile = context.nextRef();
    const toUnicode = context.nextRef();
    const descriptor = context.nextRef();
    const cidFont = context.nextRef();
    await Promise.all([
      flateStream(context, deflate, fontFile, program, { Length1: program.length }),
      flateStream(context, deflate, toUnicode, this.toUnicodeCMap(cids)),
    ]);
    context.assign(
      descriptor,
      context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: 4, // symbolic: the font has its own glyph set, not the standard Latin one
        FontBBox: this.face.bbox.map(scale),
        ItalicAngle: this.face.italicAngle,
        Ascent: scale(this.face.ascent),
        Descent: scale(this.face.descent),
        CapHeight: scale(this.face.capHeight),
        StemV: Math.round(50 + (this.face.weightClass / 65) ** 2),
        FontFile2: fontFile,
      }),
    );
    context.assign(
      cidFont,
      context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        W: this.widthsArray(cids),
        CIDToGIDMap: 'Identity',
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

  private widthsArray(cids: number[]): (number | number[])[] {
    const out: (number | number[])[] = [];
    let run: number[] = [];
    let start = -2;
    let prev = -2;
    for (const cid of cids) {
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

  private toUnicodeCMap(cids: number[]): string {
    const entries: string[] = [];
    for (const cid of cids) {
      const text = this.textOf.get(cid) ?? '';
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

export function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(text: string): string {
  let s = '';
  for (let i = 0; i < text.length; i++) s += hex4(text.charCodeAt(i));
  return s;
}

/** Six capital letters fixed by the font file and the glyph set: `pdffonts` reports "sub yes". */
function subsetTag(file: string, cids: readonly number[]): string {
  let h = 0x811c9dc5;
  const mix = (v: number): void => {
    h ^= v;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (let i = 0; i < file.length; i++) mix(file.charCodeAt(i));
  for (const c of cids) mix(c);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26);
  }
  return tag;
}

/** A PostScript-safe font name (fontsource files all call themselves the same, so it comes from FaceInfo). */
function postscriptName(info: FaceInfo): string {
  const name = (info.psName || `${info.family}-${info.weight}`).replace(/[^A-Za-z0-9-]/g, '');
  return name.slice(0, 100) || 'Font';
}
