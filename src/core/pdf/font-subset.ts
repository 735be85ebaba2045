// Writes a TrueType font holding only the glyphs a document uses, at their ORIGINAL glyph ids.
//
// Keeping ids lets the content stream write the display list's gid unchanged (CIDToGIDMap /Identity), so no
// renumbering can ever put a wrong glyph on the plate. Glyphs that must carry a second text (one outline
// drawing two characters, or 〓 standing for several missing ones) get a copy appended after the font's last
// glyph, because a ToUnicode entry maps one CID to one string.
import { type SfntFace } from './sfnt';

export interface SubsetPlan {
  /** Glyph ids of the source font to keep (composite components are added automatically). */
  readonly gids: ReadonlySet<number>;
  /** Source glyph ids copied to ids numGlyphs, numGlyphs+1, … in this order. */
  readonly copies: readonly number[];
}

const HINTING_TABLES = ['cvt ', 'fpgm', 'prep'];

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const n = pad4(data.length);
  for (let i = 0; i < n; i += 4) {
    const v = ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (v >>> 0)) >>> 0;
  }
  return sum;
}

/** Every glyph to keep: the plan's glyphs, .notdef, and all composite components (transitively). */
export function closeOverComponents(face: SfntFace, gids: Iterable<number>): Set<number> {
  const keep = new Set<number>([0]);
  const queue = [...gids];
  while (queue.length > 0) {
    const g = queue.pop()!;
    if (keep.has(g) && g !== 0) continue;
    keep.add(g);
    for (const c of face.components(g)) if (!keep.has(c)) queue.push(c);
  }
  return keep;
}

/** The subset font program (sfnt bytes) for embedding as FontFile2. */
export function buildSubset(face: SfntFace, plan: SubsetPlan): Uint8Array {
  const keep = closeOverComponents(face, [...plan.gids, ...plan.copies]);
  let maxKept = 0;
  for (const g of keep) maxKept = Math.max(maxKept, g);
  // Glyph ids above the highest kept one can be dropped; copies go after the whole original range so their
  // ids never depend on which glyphs this document happens to use.
  const base = plan.copies.length > 0 ? face.numGlyphs : maxKept + 1;
  const numGlyphs = base + plan.copies.length;

  const parts: Uint8Array[] = [];
  const loca = new Uint8Array((numGlyphs + 1) * 4);
  const locaView = new DataView(loca.buffer);
  const hmtx = new Uint8Array(numGlyphs * 4);
  const hmtxView = new DataView(hmtx.buffer);
  let offset = 0;
  const put = (gid: number, source: number): void => {
    locaView.setUint32(gid * 4, offset);
    hmtxView.setUint16(gid * 4, face.advance(source));
    hmtxView.setInt16(gid * 4 + 2, face.lsb(source));
    const g = face.glyph(source);
    if (g.length > 0) {
      parts.push(g);
      offset += g.length;
      if (g.length % 4 !== 0) {
        parts.push(new Uint8Array(4 - (g.length % 4)));
        offset = pad4(offset);
      }
    }
  };
  for (let gid = 0; gid < base; gid++) {
    if (keep.has(gid)) put(gid, gid);
    else locaView.setUint32(gid * 4, offset);
  }
  plan.copies.forEach((source, k) => put(base + k, source));
  locaView.setUint32(numGlyphs * 4, offset);

  const glyf = new Uint8Array(offset);
  let at = 0;
  for (const p of parts) {
    glyf.set(p, at);
    at += p.length;
  }

  const head = face.tables.get('head')!.slice();
  new DataView(head.buffer).setUint32(8, 0); // checksumAdjustment, fixed below
  new DataView(head.buffer).setInt16(50, 1); // long loca
  const hhea = face.tables.get('hhea')!.slice();
  new DataView(hhea.buffer).setUint16(34, numGlyphs);
  const maxp = face.tables.get('maxp')!.slice();
  new DataView(maxp.buffer).setUint16(4, numGlyphs);

  const tables = new Map<string, Uint8Array>([
    ['glyf', glyf],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
  ]);
  for (const t of HINTING_TABLES) {
    const d = face.tables.get(t);
    if (d) tables.set(t, d);
  }
  return writeSfnt(tables);
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
