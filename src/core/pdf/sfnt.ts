// Reads the tables a PDF needs from TTF, OTF, TTC and WOFF bytes.
//
// For TrueType outlines we copy each glyph's own glyf bytes into the PDF instead of re-encoding through fontkit:
// fontkit's subsetter draws blank glyphs from woff2 input and loses text when fed pre-subset fonts (STACK.md), and
// copying the original glyf data is the one way to be sure the plate shows the outline the screen shows. CFF
// (PostScript) outlines have no such per-glyph bytes: they are cut by fontkit's CFF subsetter from the original
// file (cff-subset.ts), and a test prints them and compares the plate with the screen.

export interface SfntFace {
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  /** head.xMin..yMax in font units. */
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  /** OS/2 fsType: embedding licence bits (0x0002 = restricted, may not be embedded). */
  readonly fsType: number;
  readonly weightClass: number;
  /** Raw tables, decompressed. */
  readonly tables: ReadonlyMap<string, Uint8Array>;
  /** Advance width of a glyph in font units. */
  advance(gid: number): number;
  /** Left side bearing from hmtx: rasterisers place the outline by it, so a subset must keep it. */
  lsb(gid: number): number;
  /** The glyph's glyf bytes (empty for blank glyphs like the space). */
  glyph(gid: number): Uint8Array;
  /** Glyph ids a composite glyph refers to (empty for simple glyphs). */
  components(gid: number): number[];
  /**
   * For a face with CFF (PostScript) outlines, the file it came from and its place in a collection: its glyphs are
   * subset from there (glyph and components are for TrueType outlines only). Null for TrueType outlines.
   */
  readonly cff: { readonly bytes: Uint8Array; readonly index: number } | null;
}

export class FontFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FontFormatError';
  }
}

const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;
const i16 = (b: Uint8Array, o: number): number => {
  const v = u16(b, o);
  return v & 0x8000 ? v - 0x10000 : v;
};

/**
 * Byte offsets, inside a composite glyf entry, of each component's glyph index (empty for a simple glyph):
 * what reading the components and renumbering them both walk.
 */
export function componentIndexOffsets(g: Uint8Array): number[] {
  if (g.length < 10 || i16(g, 0) >= 0) return [];
  const out: number[] = [];
  let o = 10;
  for (;;) {
    const flags = u16(g, o);
    out.push(o + 2);
    o += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) o += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040) o += 4; // X_AND_Y_SCALE
    else if (flags & 0x0080) o += 8; // TWO_BY_TWO
    if (!(flags & 0x0020)) break; // MORE_COMPONENTS
  }
  return out;
}
const u32 = (b: Uint8Array, o: number): number => ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
const tag = (b: Uint8Array, o: number): string => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  // WOFF tables are zlib streams; DecompressionStream exists in both Node ≥ 18 and the renderer.
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Shown to the desk in the preflight list: what is wrong and what to do instead.
const CFF2_REFUSAL = '是可变（CFF2）OpenType 字体，不能嵌入 PDF：请改用该字体的静态版本（.otf/.ttf）';

/** Table directory of an sfnt starting at `start` (TTF, or one face of a TTC). */
function sfntTables(bytes: Uint8Array, start: number): Map<string, Uint8Array> {
  const version = u32(bytes, start);
  if (version !== 0x00010000 && version !== 0x74727565 && version !== 0x4f54544f) throw new FontFormatError('不是 TrueType 或 OpenType 字体（not a TrueType/OpenType font）');
  const n = u16(bytes, start + 4);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < n; i++) {
    const rec = start + 12 + i * 16;
    const offset = u32(bytes, rec + 8);
    const length = u32(bytes, rec + 12);
    if (offset + length > bytes.length) throw new FontFormatError('font file truncated');
    tables.set(tag(bytes, rec), bytes.subarray(offset, offset + length));
  }
  return tables;
}

async function woffTables(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const n = u16(bytes, 12);
  const jobs: Promise<[string, Uint8Array]>[] = [];
  for (let i = 0; i < n; i++) {
    const rec = 44 + i * 20;
    const t = tag(bytes, rec);
    const offset = u32(bytes, rec + 4);
    const compLength = u32(bytes, rec + 8);
    const origLength = u32(bytes, rec + 12);
    if (offset + compLength > bytes.length) throw new FontFormatError('font file truncated');
    const raw = bytes.subarray(offset, offset + compLength);
    jobs.push(compLength < origLength ? inflate(raw).then((d) => [t, d]) : Promise.resolve([t, raw]));
  }
  return new Map(await Promise.all(jobs));
}

/** Parses TTF, TTC (face `index`) or WOFF bytes. WOFF2 is refused with a reason: give the .woff sibling. */
export async function parseSfnt(bytes: Uint8Array, index = 0): Promise<SfntFace> {
  if (bytes.length < 12) throw new FontFormatError('font file too short');
  const magic = tag(bytes, 0);
  let tables: Map<string, Uint8Array>;
  if (magic === 'wOFF') tables = await woffTables(bytes);
  else if (magic === 'wOF2') throw new FontFormatError('是 WOFF2 文件，不能直接嵌入：请用 .woff 或 .ttf 文件');
  else if (magic === 'ttcf') {
    const count = u32(bytes, 8);
    if (index >= count) throw new FontFormatError(`collection has ${count} faces, face ${index} requested`);
    tables = sfntTables(bytes, u32(bytes, 12 + 4 * index));
  } else tables = sfntTables(bytes, 0);
  return faceFromTables(tables, { bytes, index });
}

function need(tables: Map<string, Uint8Array>, t: string): Uint8Array {
  const d = tables.get(t);
  if (!d) throw new FontFormatError(`font has no '${t}' table`);
  return d;
}

function faceFromTables(tables: Map<string, Uint8Array>, file: { bytes: Uint8Array; index: number }): SfntFace {
  const head = need(tables, 'head');
  const hhea = need(tables, 'hhea');
  const maxp = need(tables, 'maxp');
  const hmtx = need(tables, 'hmtx');
  const cff = !tables.has('glyf') && tables.has('CFF ');
  if (!tables.has('glyf') && tables.has('CFF2')) throw new FontFormatError(CFF2_REFUSAL);
  const loca = cff ? new Uint8Array(0) : need(tables, 'loca');
  const glyf = cff ? new Uint8Array(0) : need(tables, 'glyf');
  const os2 = tables.get('OS/2');
  const post = tables.get('post');

  const unitsPerEm = u16(head, 18);
  const bbox = [i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)] as const;
  const longLoca = i16(head, 50) === 1;
  const numGlyphs = u16(maxp, 4);
  const numHMetrics = u16(hhea, 34);
  const ascent = os2 && os2.length >= 72 ? i16(os2, 68) : i16(hhea, 4);
  const descent = os2 && os2.length >= 72 ? i16(os2, 70) : i16(hhea, 6);
  const capHeight = os2 && u16(os2, 0) >= 2 && os2.length >= 90 ? i16(os2, 88) : Math.round(ascent * 0.8);
  const fsType = os2 ? u16(os2, 8) : 0;
  const weightClass = os2 ? u16(os2, 4) : 400;
  const italicAngle = post ? i16(post, 4) + u16(post, 6) / 65536 : 0;

  const locaAt = (gid: number): number => (longLoca ? u32(loca, gid * 4) : u16(loca, gid * 2) * 2);
  const glyph = (gid: number): Uint8Array => {
    if (cff) throw new Error('glyf bytes of a CFF face: its glyphs are subset from the file (cff-subset.ts)');
    if (gid < 0 || gid >= numGlyphs) throw new FontFormatError(`glyph ${gid} outside the font (${numGlyphs} glyphs)`);
    const a = locaAt(gid);
    const b = locaAt(gid + 1);
    return b > a ? glyf.subarray(a, b) : new Uint8Array(0);
  };

  return {
    unitsPerEm,
    numGlyphs,
    bbox,
    ascent,
    descent,
    capHeight,
    italicAngle,
    fsType,
    weightClass,
    tables,
    advance(gid) {
      const i = Math.min(gid, numHMetrics - 1);
      return u16(hmtx, i * 4);
    },
    lsb(gid) {
      return gid < numHMetrics ? i16(hmtx, gid * 4 + 2) : i16(hmtx, numHMetrics * 4 + (gid - numHMetrics) * 2);
    },
    glyph,
    components(gid) {
      const g = glyph(gid);
      return componentIndexOffsets(g).map((o) => u16(g, o));
    },
    cff: cff ? file : null,
  };
}

/**
 * Why OS/2 fsType forbids putting the outlines in a print PDF, or null when it allows it: bit 1 alone is
 * "restricted licence", bit 9 is "bitmap embedding only".
 */
export function embeddingRefusal(fsType: number): string | null {
  if ((fsType & 0x000f) === 0x0002) return 'OS/2 fsType 限制嵌入（restricted license）';
  if (fsType & 0x0200) return 'OS/2 fsType 只允许嵌入位图（bitmap only）';
  return null;
}
