// An uncompressed CMYK TIFF around raw pixels. sharp takes raw input only as RGB(A) or grey, so pixels
// rewritten in CMYK (ink-limit.ts) go back to libvips in the one container that states their colour
// space: TIFF, Photometric = 5 (separated), InkSet = 1 (CMYK).

const SHORT = 3;
const LONG = 4;

/** Little-endian TIFF 6.0, one strip, 8 bits per sample, 4 samples per pixel. */
export function cmykTiff(pixels: Uint8Array, width: number, height: number): Uint8Array {
  if (pixels.length !== width * height * 4) throw new Error(`CMYK 像素数据应为 ${width * height * 4} 字节，实为 ${pixels.length}`);
  const tags: [number, number, number, number][] = [
    [256, LONG, 1, width], // ImageWidth
    [257, LONG, 1, height], // ImageLength
    [258, SHORT, 4, 0], // BitsPerSample → 8,8,8,8 (written after the IFD)
    [259, SHORT, 1, 1], // Compression: none
    [262, SHORT, 1, 5], // PhotometricInterpretation: separated
    [273, LONG, 1, 0], // StripOffsets (patched below)
    [277, SHORT, 1, 4], // SamplesPerPixel
    [278, LONG, 1, height], // RowsPerStrip
    [279, LONG, 1, pixels.length], // StripByteCounts
    [284, SHORT, 1, 1], // PlanarConfiguration: chunky
    [332, SHORT, 1, 1], // InkSet: CMYK
  ];
  const ifdStart = 8;
  const ifdSize = 2 + tags.length * 12 + 4;
  const bitsAt = ifdStart + ifdSize;
  const dataAt = bitsAt + 8;
  const out = new Uint8Array(dataAt + pixels.length);
  const view = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]); // "II", 42
  view.setUint32(4, ifdStart, true);
  view.setUint16(ifdStart, tags.length, true);
  tags.forEach(([tag, type, count, value], i) => {
    const at = ifdStart + 2 + i * 12;
    view.setUint16(at, tag, true);
    view.setUint16(at + 2, type, true);
    view.setUint32(at + 4, count, true);
    const v = tag === 258 ? bitsAt : tag === 273 ? dataAt : value;
    if (type === SHORT && count === 1) view.setUint16(at + 8, v, true);
    else view.setUint32(at + 8, v, true);
  });
  view.setUint32(ifdStart + 2 + tags.length * 12, 0, true); // no next IFD
  for (let i = 0; i < 4; i++) view.setUint16(bitsAt + i * 2, 8, true);
  out.set(pixels, dataAt);
  return out;
}
