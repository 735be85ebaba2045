import { inflateSync } from 'node:zlib';

// WOFF 1.0 → plain SFNT (TTF/OTF). fontkit inflates WOFF tables in JavaScript on every parse, and the PDF
// writer embeds TrueType reliably only from plain SFNT (STACK.md): unwrapping with Node's zlib once, in the
// loader, serves both. Layout per the W3C WOFF 1.0 spec §4–§5.

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 44 && new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) === WOFF_SIGNATURE;
}

export function woffToSfnt(woff: Uint8Array, label: string): Uint8Array {
  const src = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (!isWoff(woff)) throw new Error(`${label}: not a WOFF file`);
  const flavor = src.getUint32(4);
  const numTables = src.getUint16(12);
  const tables: { tag: number; checksum: number; data: Uint8Array }[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = src.getUint32(e);
    const offset = src.getUint32(e + 4);
    const compLength = src.getUint32(e + 8);
    const origLength = src.getUint32(e + 12);
    const checksum = src.getUint32(e + 16);
    if (offset + compLength > woff.length) throw new Error(`${label}: table ${i} runs past the end of the file`);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength === origLength ? raw : new Uint8Array(inflateSync(raw));
    if (data.length !== origLength) throw new Error(`${label}: table ${i} inflates to ${data.length} bytes, expected ${origLength}`);
    tables.push({ tag, checksum, data });
  }
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  searchRange *= 16;
  const headerSize = 12 + numTables * 16;
  let total = headerSize;
  for (const t of tables) total += (t.data.length + 3) & ~3;
  const out = new Uint8Array(total);
  const dst = new DataView(out.buffer);
  dst.setUint32(0, flavor);
  dst.setUint16(4, numTables);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, numTables * 16 - searchRange);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    dst.setUint32(e, t.tag);
    dst.setUint32(e + 4, t.checksum);
    dst.setUint32(e + 8, offset);
    dst.setUint32(e + 12, t.data.length);
    out.set(t.data, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}
