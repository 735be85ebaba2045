// Writes ONE TrueType font holding the glyphs a document uses from every slice of a face, renumbered densely.
//
// fontsource ships a face as ~100 slice files; embedding a subset per slice cost a font dictionary,
// descriptor, ToUnicode map and table overhead each (72 fonts on the sample page). The merged font takes each
// glyph's own outline bytes from its slice unchanged (fontkit's re-encoding blanks woff2 glyphs, STACK.md), so
// only the ids change: new id = the CID the content stream writes (CIDToGIDMap /Identity), composite
// components are appended after the last CID and their references rewritten to the new ids.
import { componentIndexOffsets, type SfntFace } from './sfnt';

/** One glyph of the merged font: which source face (index into the faces array) and its id there. */
export interface GlyphSource {
  readonly face: number;
  readonly gid: number;
}

const HINTING_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function checksum(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const whole = data.length & ~3;
  let sum = 0;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let k = 0; k < 4; k++) last = (last << 8) | (data[whole + k] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * A fingerprint of a face's hinting program: faces merge into one font only when it is the same (glyph
 * instructions call fpgm functions and read cvt entries by number, so one font can carry only one program).
 */
export function hintingKey(face: SfntFace): string {
  return HINTING_TABLES.map((t) => {
    const d = face.tables.get(t);
    if (!d) return '-';
    let h = 0x811c9dc5;
    for (let i = 0; i < d.length; i++) h = Math.imul(h ^ d[i]!, 0x01000193) >>> 0;
    return `${d.length}:${h.toString(36)}`;
  }).join('/');
}

/** A composite glyph's bytes with each component id replaced through `renumber`. */
function renumberComponents(g: Uint8Array, renumber: (gid: number) => number): Uint8Array {
  const out = g.slice();
  const view = new DataView(out.buffer);
  for (const o of componentIndexOffsets(g)) view.setUint16(o, renumber(view.getUint16(o)));
  return out;
}

/**
 * The merged subset font program (sfnt bytes, for FontFile2). `glyphs[i]` becomes glyph id i; glyphs[0] should
 * be a .notdef. The same source may appear more than once (a glyph written with two texts gets two ids).
 * `faces` must share unitsPerEm and hinting program (see hintingKey).
 */
export function buildSubset(faces: readonly SfntFace[], glyphs: readonly GlyphSource[]): Uint8Array {
  const first = faces[0];
  if (!first || glyphs.length === 0) throw new Error('buildSubset: no faces or no glyphs');
  const all: GlyphSource[] = [...glyphs];
  const idOf = new Map<string, number>();
  const keyOf = (s: GlyphSource): string => `${s.face}:${s.gid}`;
  all.forEach((s, i) => {
    if (!idOf.has(keyOf(s))) idOf.set(keyOf(s), i);
  });
  // Composite components (transitively): appended after the glyphs the content stream names.
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    for (const c of faces[s.face]!.components(s.gid)) {
      const comp = { face: s.face, gid: c };
      if (!idOf.has(keyOf(comp))) {
        idOf.set(keyOf(comp), all.length);
        all.push(comp);
      }
    }
  }
  const numGlyphs = all.length;
  if (numGlyphs > 0xffff) throw new Error(`合并后的字体超过 65535 个字形（${numGlyphs}）`);

  const loca = new Uint8Array((numGlyphs + 1) * 4);
  const locaView = new DataView(loca.buffer);
  const hmtx = new Uint8Array(numGlyphs * 4);
  const hmtxView = new DataView(hmtx.buffer);
  const parts: Uint8Array[] = [];
  let offset = 0;
  let advanceMax = 0;
  let minLsb = 0x7fff;
  let minRsb = 0x7fff;
  let maxExtent = -0x8000;
  all.forEach((s, gid) => {
    const face = faces[s.face]!;
    const advance = face.advance(s.gid);
    const lsb = face.lsb(s.gid);
    locaView.setUint32(gid * 4, offset);
    hmtxView.setUint16(gid * 4, advance);
    hmtxView.setInt16(gid * 4 + 2, lsb);
    advanceMax = Math.max(advanceMax, advance);
    let g = face.glyph(s.gid);
    if (g.length === 0) return;
    const box = new DataView(g.buffer, g.byteOffset, g.byteLength);
    const gx0 = box.getInt16(2);
    const gx1 = box.getInt16(6);
    minLsb = Math.min(minLsb, lsb);
    minRsb = Math.min(minRsb, advance - lsb - (gx1 - gx0));
    maxExtent = Math.max(maxExtent, lsb + (gx1 - gx0));
    if (box.getInt16(0) < 0) g = renumberComponents(g, (c) => idOf.get(`${s.face}:${c}`)!);
    parts.push(g);
    offset += g.length;
    if (g.length % 4 !== 0) {
      parts.push(new Uint8Array(4 - (g.length % 4)));
      offset = pad4(offset);
    }
  });
  locaView.setUint32(numGlyphs * 4, offset);
  if (minLsb > maxExtent) [minLsb, minRsb, maxExtent] = [0, 0, 0];

  const glyf = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    glyf.set(p, at);
    at += p.length;
  }

  const head = first.tables.get('head')!.slice();
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0); // checksumAdjustment, fixed in writeSfnt
  // The font box is the union of the source fonts' boxes, not the used glyphs' own: rasterisers size their
  // glyph caches by it, and a box that changes with the text would change how the same glyph renders.
  const [xMin, yMin, xMax, yMax] = faceBox(faces);
  headView.setInt16(36, xMin);
  headView.setInt16(38, yMin);
  headView.setInt16(40, xMax);
  headView.setInt16(42, yMax);
  headView.setInt16(50, 1); // long loca
  const hhea = first.tables.get('hhea')!.slice();
  const hheaView = new DataView(hhea.buffer);
  hheaView.setUint16(10, advanceMax);
  hheaView.setInt16(12, minLsb);
  hheaView.setInt16(14, minRsb);
  hheaView.setInt16(16, maxExtent);
  hheaView.setUint16(34, numGlyphs);
  const maxp = first.tables.get('maxp')!.slice();
  const maxpView = new DataView(maxp.buffer);
  // maxp 1.0 limits (points, contours, zones, stack…): the merged font needs the largest of its sources.
  if (maxp.length >= 32 && maxpView.getUint32(0) === 0x00010000) {
    for (const face of faces) {
      const other = face.tables.get('maxp')!;
      if (other.length < 32) continue;
      const ov = new DataView(other.buffer, other.byteOffset, other.byteLength);
      for (let o = 6; o < 32; o += 2) maxpView.setUint16(o, Math.max(maxpView.getUint16(o), ov.getUint16(o)));
    }
  }
  maxpView.setUint16(4, numGlyphs);

  const tables = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
  ]);
  for (const t of HINTING_TABLES) {
    const d = first.tables.get(t);
    if (d) tables.set(t, d);
  }
  return writeSfnt(tables);
}

/** Union of the faces' head boxes (font units). */
export function faceBox(faces: readonly SfntFace[]): [number, number, number, number] {
  const box: [number, number, number, number] = [...faces[0]!.bbox];
  for (const f of faces) {
    box[0] = Math.min(box[0], f.bbox[0]);
    box[1] = Math.min(box[1], f.bbox[1]);
    box[2] = Math.max(box[2], f.bbox[2]);
    box[3] = Math.max(box[3], f.bbox[3]);
  }
  return box;
}

function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  let size = 12 + 16 * n;
  for (const t of tags) size += pad4(tables.get(t)!.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, n * 16 - searchRange);
  let offset = 12 + 16 * n;
  let headOffset = 0;
  tags.forEach((t, i) => {
    const data = tables.get(t)!;
    const rec = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[rec + k] = t.charCodeAt(k);
    view.setUint32(rec + 4, checksum(data));
    view.setUint32(rec + 8, offset);
    view.setUint32(rec + 12, data.length);
    out.set(data, offset);
    if (t === 'head') headOffset = offset;
    offset += pad4(data.length);
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
